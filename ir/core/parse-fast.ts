// ir/core/parse-fast.ts: a hand-written recursive-descent reader of the laid-out readable Core text, for the
// grammar in ./syntax.ts, building exactly what ./parse.ts's ohm semantics build (same nodes, same spans).
// parseCore tries it first: ohm needs ~100 ms to compile its grammar and several µs per character to match.
// It accepts only what it is sure of and gives up (undefined) on anything else, syntax and semantic errors
// included, so every error message, and every input it declines, is still the ohm parse's.
import * as Core from './core';
import type { Span } from '../shared/span';
import { unescapeText } from './syntax';

/** Where spans come from: an offset range of the laid-out text, mapped to the original text. */
export interface SpanSource {
  span(start: number, end: number): Span;
}

/** A template body item before text parts are grouped (as in ./parse.ts). */
export type TemplateItem = { readonly k: 'char'; readonly s: string } | { readonly k: 'break' } | { readonly k: 'hole'; readonly hole: Core.THole };

/** Thrown inside the reader to give up; never escapes `parseFast`. */
const giveUp: unique symbol = Symbol('give up');

/**
 * The module in `text` (laid out by `layout`), or undefined when this reader does not accept it.
 * `templateParts` and `floatValue` are ./parse.ts's, so both readers group template parts and read floats alike.
 */
export function parseFast(
  text: string,
  spans: SpanSource,
  templateParts: (items: readonly TemplateItem[]) => Core.TemplatePart[],
  floatValue: (s: string) => number,
): Core.Module | undefined {
  try {
    return new Reader(text, spans, templateParts, floatValue).module();
  } catch (e) {
    if (e === giveUp) return undefined;
    if (e instanceof RangeError) return undefined; // too deep for this reader: ohm reports it
    throw e;
  }
}

const fail = (): never => {
  throw giveUp;
};

const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isIdentRest = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const reservedWords = ['module', 'let', 'in', 'case', 'of', 'foreign', 'NaN', 'Infinity', '_'];

class Reader {
  private p = 0;

  constructor(
    private readonly t: string,
    private readonly spans: SpanSource,
    private readonly templateParts: (items: readonly TemplateItem[]) => Core.TemplatePart[],
    private readonly floatValue: (s: string) => number,
  ) {}

  // ---- Lexical level ----------------------------------------------------------------------------------------

  private span(start: number, end: number): Span {
    return this.spans.span(start, end);
  }

  /** ohm's `spaces` before a syntactic token: code points up to U+0020, `--` and nested `{- -}` comments. */
  private skip(): void {
    const t = this.t;
    for (;;) {
      const c = t.charCodeAt(this.p);
      if (c <= 32) {
        this.p++;
        continue;
      }
      if (c === 45 && t.charCodeAt(this.p + 1) === 45) {
        const nl = t.indexOf('\n', this.p);
        this.p = nl < 0 ? t.length : nl;
        continue;
      }
      if (c === 123 && t.charCodeAt(this.p + 1) === 45) {
        this.p = this.blockComment(this.p);
        continue;
      }
      return;
    }
  }

  // The end of the block comment opening at `at` (nested); an unterminated one gives up.
  private blockComment(at: number): number {
    const t = this.t;
    let depth = 0;
    let i = at;
    while (i < t.length) {
      if (t.startsWith('{-', i)) {
        depth++;
        i += 2;
      } else if (t.startsWith('-}', i)) {
        depth--;
        i += 2;
        if (depth === 0) return i;
      } else i++;
    }
    return fail();
  }

  /** After skipping spaces: consumes `s` if it is next. */
  private lit(s: string): boolean {
    this.skip();
    if (!this.t.startsWith(s, this.p)) return false;
    this.p += s.length;
    return true;
  }

  private expect(s: string): void {
    if (!this.lit(s)) fail();
  }

  /** A keyword: `word` not followed by an identifier character (after skipping spaces). */
  private kw(word: string): boolean {
    this.skip();
    if (!this.t.startsWith(word, this.p) || isIdentRest(this.t.charCodeAt(this.p + word.length))) return false;
    this.p += word.length;
    return true;
  }

  private reservedAt(i: number): boolean {
    for (const w of reservedWords) if (this.t.startsWith(w, i) && !isIdentRest(this.t.charCodeAt(i + w.length))) return true;
    return false;
  }

  // identSeg ("." identSeg)* from i (which starts an identSeg); returns its end.
  private plainNameEnd(i: number): number {
    const t = this.t;
    let j = i + 1;
    for (;;) {
      while (isIdentRest(t.charCodeAt(j))) j++;
      if (t.charCodeAt(j) === 46 && isIdentStart(t.charCodeAt(j + 1))) j += 2;
      else return j;
    }
  }

  /** Can a `name` start here (no spaces skipped)? */
  private nameStarts(): boolean {
    const c = this.t.charCodeAt(this.p);
    return (isIdentStart(c) || c === 96) && !this.reservedAt(this.p);
  }

  /** The lexical rule `name` at the current position (after skipping spaces): its text, decoded if quoted. */
  private name(): { readonly name: string; readonly start: number; readonly quoted: boolean } {
    this.skip();
    const start = this.p;
    const c = this.t.charCodeAt(start);
    if (this.reservedAt(start)) return fail();
    if (isIdentStart(c)) {
      this.p = this.plainNameEnd(start);
      return { name: this.t.slice(start, this.p), start, quoted: false };
    }
    if (c === 96) return { name: this.delimited(96), start, quoted: true };
    return fail();
  }

  // A string, char or quoted name delimited by `delim` at the current position: its decoded text.
  private delimited(delim: number): string {
    const t = this.t;
    const start = this.p;
    let i = start + 1;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === delim) break;
      if (c !== c || c === 10) return fail(); // end of text or a newline: unterminated
      if (c === 92) i = this.escapeEnd(i);
      else i++;
    }
    this.p = i + 1;
    return this.decode(t.slice(start + 1, i));
  }

  // The end of the escape at i (a backslash), per the grammar's escapeCode; anything else gives up.
  private escapeEnd(i: number): number {
    const t = this.t;
    const c = t.charCodeAt(i + 1);
    if (c === 117 && t.charCodeAt(i + 2) === 123) {
      let j = i + 3;
      while (/[0-9a-fA-F]/.test(t[j] ?? '')) j++;
      if (j === i + 3 || t.charCodeAt(j) !== 125) return fail();
      return j + 1;
    }
    // n t r \ " ' $ `
    if (c === 110 || c === 116 || c === 114 || c === 92 || c === 34 || c === 39 || c === 36 || c === 96) return i + 2;
    return fail();
  }

  // Escapes decoded; an escape past U+10FFFF is an error ./parse.ts reports, so give up.
  private decode(raw: string): string {
    for (const m of raw.matchAll(/\\u\{([0-9a-fA-F]+)\}/g)) if (parseInt(m[1]!, 16) > 0x10ffff) fail();
    return unescapeText(raw);
  }

  // ---- Declarations and expressions ------------------------------------------------------------------------

  module(): Core.Module {
    this.skip();
    const start = this.p;
    if (!this.kw('module')) fail();
    const name = this.name().name;
    const decls: Core.Decl[] = [];
    while (this.lit(';')) {
      this.skip();
      if (this.nameStarts()) decls.push(this.decl());
    }
    this.skip();
    if (this.p !== this.t.length) fail();
    // The root node of ohm's match runs from its first token to the end of the text.
    return Core.mk.module(name, decls, this.span(start, this.t.length));
  }

  private decl(): Core.Decl {
    const n = this.name();
    this.expect('=');
    const body = this.expr();
    return Core.mk.decl(n.name, body.e, this.span(n.start, body.end));
  }

  /** An expression with its start and end offsets (the extent ohm gives its node). */
  private expr(): { readonly e: Core.Expr; readonly start: number; readonly end: number } {
    this.skip();
    const start = this.p;
    const t = this.t;
    if (t.charCodeAt(start) === 92) return this.lam(start);
    if (this.kw('let')) {
      const n = this.name().name;
      this.expect('=');
      const rhs = this.expr().e;
      if (!this.kw('in')) fail();
      const body = this.expr();
      return { e: Core.mk.let(n, rhs, body.e, this.span(start, body.end)), start, end: body.end };
    }
    if (this.kw('case')) {
      const scrutinee = this.expr().e;
      if (!this.kw('of')) fail();
      this.expect('{');
      const alts: Core.Alt[] = [];
      for (;;) {
        let separated = false;
        while (this.lit(';')) separated = true;
        if (this.lit('}')) break;
        if (alts.length > 0 && !separated) fail(); // alternatives are separated by ';'
        alts.push(this.alt());
      }
      return { e: Core.mk.case(scrutinee, alts, this.span(start, this.p)), start, end: this.p };
    }
    if (this.kw('foreign')) {
      this.skip();
      const convStart = this.p;
      const conv = this.name();
      const raw = t.slice(convStart, this.p);
      this.skip();
      if (t.charCodeAt(this.p) !== 34) fail();
      const sym = this.delimited(34);
      this.expect(':');
      const type = this.type();
      const end = this.p;
      return { e: Core.mk.foreignImport(raw === 'ccall' ? 'CCall' : conv.name, sym, type, this.span(start, end)), start, end };
    }
    return this.app();
  }

  private lam(start: number): { readonly e: Core.Expr; readonly start: number; readonly end: number } {
    this.p++;
    const params: Core.Pattern[] = [];
    for (;;) {
      this.skip();
      if (!this.patAtomStarts()) break;
      params.push(this.patAtom());
    }
    if (params.length === 0) fail();
    this.expect('->');
    const body = this.expr();
    return { e: Core.mk.lam(params, body.e, this.span(start, body.end)), start, end: body.end };
  }

  private alt(): Core.Alt {
    this.skip();
    const start = this.p;
    const pattern = this.pat();
    this.expect('->');
    const body = this.expr();
    return Core.mk.alt(pattern, body.e, this.span(start, body.end));
  }

  // App = Postfix Postfix*: each application spans from the head to its argument.
  private app(): { readonly e: Core.Expr; readonly start: number; readonly end: number } {
    this.skip();
    const start = this.p;
    let e = this.postfix();
    let end = this.p;
    for (;;) {
      this.skip();
      if (!this.atomStarts()) break;
      const arg = this.postfix();
      end = this.p;
      e = Core.mk.app(e, arg, this.span(start, end));
    }
    this.p = end;
    return { e, start, end };
  }

  // Postfix = Atom (".#" name)*.
  private postfix(): Core.Expr {
    this.skip();
    const start = this.p;
    let e = this.atom();
    for (;;) {
      const save = this.p;
      if (!this.lit('.#')) {
        this.p = save;
        return e;
      }
      const label = this.name().name;
      e = Core.mk.select(e, label, this.span(start, this.p));
    }
  }

  /** Can an Atom start at the current position (spaces already skipped)? A wrong guess gives up later. */
  private atomStarts(): boolean {
    const t = this.t;
    const c = t.charCodeAt(this.p);
    if (c === 40 || c === 123 || c === 34 || c === 39 || isDigit(c)) return true; // ( { " ' digit
    if (c === 35) return t.startsWith('#wanted', this.p);
    if (c === 45) return isDigit(t.charCodeAt(this.p + 1)) || t.startsWith('Infinity', this.p + 1);
    if (c === 36 && t.charCodeAt(this.p + 1) === 34) return true; // $"
    if (t.startsWith('NaN', this.p) && !isIdentRest(t.charCodeAt(this.p + 3))) return true;
    if (t.startsWith('Infinity', this.p) && !isIdentRest(t.charCodeAt(this.p + 8))) return true;
    return this.nameStarts();
  }

  private atom(): Core.Expr {
    const t = this.t;
    const start = this.p;
    const c = t.charCodeAt(start);
    if (c === 40) { // ( Expr ): the inner expression itself
      this.p++;
      const e = this.expr().e;
      this.expect(')');
      return e;
    }
    if (c === 123) { // { field = Expr, … }
      this.p++;
      const fields: Core.Field[] = [];
      if (!this.lit('}')) {
        do {
          const label = this.name().name;
          this.expect('=');
          fields.push({ label, value: this.expr().e });
        } while (this.lit(','));
        this.expect('}');
      }
      return Core.mk.record(fields, this.span(start, this.p));
    }
    if (c === 35) { // #wanted ( name TypeAtom* )
      this.p += '#wanted'.length;
      this.expect('(');
      const className = this.name().name;
      const args: Core.Type[] = [];
      for (;;) {
        this.skip();
        if (!this.typeAtomStarts()) break;
        args.push(this.typeAtom());
      }
      this.expect(')');
      return Core.mk.dictWanted({ className, args }, this.span(start, this.p));
    }
    if (c === 36 && t.charCodeAt(start + 1) === 34) return this.template(start, false);
    if (c === 39 && t.charCodeAt(start + 1) === 39) return this.template(start, true);
    const num = this.number();
    if (num !== undefined) return num;
    if (c === 34) return Core.mk.str(this.delimited(34), this.span(start, this.p));
    if (c === 39) {
      const s = this.delimited(39);
      // Exactly one escape or one BMP, non-surrogate character between the quotes (anything else: ohm decides).
      const raw = t.slice(start + 1, this.p - 1);
      const one = raw.charCodeAt(0) === 92 ? this.escapeEnd(start + 1) === this.p - 1 : raw.length === 1 && !/[\uD800-\uDFFF]/.test(raw);
      if (!one) fail();
      return Core.mk.char(s.codePointAt(0)!, this.span(start, this.p));
    }
    const n = this.name();
    return Core.mk.var(n.name, this.span(start, this.p));
  }

  // float (tried first) or int, as the grammar's lexical rules; undefined when neither starts here.
  private number(): Core.Expr | undefined {
    const t = this.t;
    const start = this.p;
    let i = start;
    if (t.charCodeAt(i) === 45) i++;
    if (t.startsWith('Infinity', i) && !isIdentRest(t.charCodeAt(i + 8))) return this.float(start, i + 8);
    if (i === start && t.startsWith('NaN', i) && !isIdentRest(t.charCodeAt(i + 3))) return this.float(start, i + 3);
    if (!isDigit(t.charCodeAt(i))) return undefined;
    while (isDigit(t.charCodeAt(i))) i++;
    const intEnd = i;
    let float = false;
    if (t.charCodeAt(i) === 46 && isDigit(t.charCodeAt(i + 1))) {
      i += 2;
      while (isDigit(t.charCodeAt(i))) i++;
      float = true;
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      const sign = t.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (isDigit(t.charCodeAt(j))) {
        while (isDigit(t.charCodeAt(j))) j++;
        i = j;
        float = true;
      }
    }
    if (float) return this.float(start, i);
    this.p = intEnd;
    return Core.mk.int(BigInt(t.slice(start, intEnd)), this.span(start, intEnd));
  }

  private float(start: number, end: number): Core.Expr {
    this.p = end;
    return Core.mk.float(this.floatValue(this.t.slice(start, end)), this.span(start, end));
  }

  // $"…" (inline) or ''…'' (block): text runs and `${Expr : Type}` holes.
  private template(start: number, block: boolean): Core.Expr {
    const t = this.t;
    const items: TemplateItem[] = [];
    let i = start + 2;
    let run = i;
    const flush = (end: number): void => {
      if (end > run) items.push(...this.textItems(t.slice(run, end)));
    };
    for (;;) {
      const c = t.charCodeAt(i);
      if (c !== c) return fail(); // unterminated
      if (block ? c === 39 && t.charCodeAt(i + 1) === 39 : c === 34) {
        flush(i);
        this.p = i + (block ? 2 : 1);
        return Core.mk.template(block, this.templateParts(items), this.span(start, this.p));
      }
      if (c === 36 && t.charCodeAt(i + 1) === 123) {
        flush(i);
        this.p = i + 2;
        const e = this.expr().e;
        this.expect(':');
        const type = this.type();
        this.expect('}');
        items.push({ k: 'hole', hole: Core.mk.hole(type, e) });
        i = run = this.p;
        continue;
      }
      if (c === 92) {
        i = t.charCodeAt(i + 1) === 124 ? i + 2 : this.escapeEnd(i); // `\|` or an escape
        continue;
      }
      if (c === 10 && !block) return fail(); // a newline ends an inline template's text: leave it to ohm
      i++;
    }
  }

  // ./parse.ts's textItems: characters and escapes, `\|` as a part break.
  private textItems(raw: string): TemplateItem[] {
    const items: TemplateItem[] = [];
    for (const m of raw.matchAll(/\\\||\\u\{[0-9a-fA-F]+\}|\\.|[^\\]/gsu)) {
      items.push(m[0] === '\\|' ? { k: 'break' } : { k: 'char', s: this.decode(m[0]) });
    }
    return items;
  }

  // ---- Patterns --------------------------------------------------------------------------------------------

  private patAtomStarts(): boolean {
    const c = this.t.charCodeAt(this.p);
    return c === 95 || c === 34 || c === 40 || c === 37 || isIdentStart(c) || c === 96;
  }

  // The constructor name (`conName`) at the current position, or undefined: a plain dotted name, not reserved,
  // whose last segment starts upper-case and which no `.` follows.
  private conNameAt(): string | undefined {
    const t = this.t;
    const start = this.p;
    if (!isIdentStart(t.charCodeAt(start)) || this.reservedAt(start)) return undefined;
    const end = this.plainNameEnd(start);
    if (t.charCodeAt(end) === 46) return undefined;
    const last = t.lastIndexOf('.', end - 1);
    if (!isUpper(t.charCodeAt(last < start ? start : last + 1))) return undefined;
    this.p = end;
    return t.slice(start, end);
  }

  // ConHead = "%" name | conName; undefined when neither is next (nothing consumed).
  private conHead(): string | undefined {
    this.skip();
    if (this.t.charCodeAt(this.p) === 37) {
      this.p++;
      return this.name().name;
    }
    return this.conNameAt();
  }

  // Pat = ConHead PatAtom+ | PatAtom.
  private pat(): Core.Pattern {
    this.skip();
    const start = this.p;
    const con = this.conHead();
    if (con !== undefined) {
      const args: Core.Pattern[] = [];
      let end = this.p;
      for (;;) {
        this.skip();
        if (!this.patAtomStarts()) break;
        args.push(this.patAtom());
        end = this.p;
      }
      this.p = end;
      return Core.mk.pcon(con, args, this.span(start, end));
    }
    return this.patAtom();
  }

  // PatAtom = wildcard | string | ( Pat ) | ConHead | name.
  private patAtom(): Core.Pattern {
    const t = this.t;
    const start = this.p;
    const c = t.charCodeAt(start);
    if (c === 95 && !isIdentRest(t.charCodeAt(start + 1))) {
      this.p++;
      return Core.mk.pwild(this.span(start, this.p));
    }
    if (c === 34) return Core.mk.pstring(this.delimited(34), this.span(start, this.p));
    if (c === 40) {
      this.p++;
      const p = this.pat();
      this.expect(')');
      return p;
    }
    const con = this.conHead();
    if (con !== undefined) return Core.mk.pcon(con, [], this.span(start, this.p));
    const n = this.name();
    return Core.mk.pvar(n.name, this.span(start, this.p));
  }

  // ---- Types -----------------------------------------------------------------------------------------------

  // Type = BType "->" Type | BType; BType = TypeAtom+ (applications, left to right).
  private type(): Core.Type {
    this.skip();
    if (!this.typeAtomStarts()) fail();
    let head = this.typeAtom();
    let end = this.p;
    for (;;) {
      this.skip();
      if (!this.typeAtomStarts()) break;
      head = Core.mk.tapp(head, this.typeAtom());
      end = this.p;
    }
    if (this.lit('->')) return Core.mk.tarrow(head, this.type());
    this.p = end; // the type ends at its last token (a caller's span may end here)
    return head;
  }

  private typeAtomStarts(): boolean {
    const c = this.t.charCodeAt(this.p);
    return c === 40 || c === 123 || c === 37 || this.nameStarts();
  }

  private typeAtom(): Core.Type {
    const c = this.t.charCodeAt(this.p);
    if (c === 40) {
      this.p++;
      const ty = this.type();
      this.expect(')');
      return ty;
    }
    if (c === 123) {
      this.p++;
      const fields: { label: string; type: Core.Type }[] = [];
      if (!this.lit('}')) {
        do {
          const label = this.name().name;
          this.expect(':');
          fields.push({ label, type: this.type() });
        } while (this.lit(','));
        this.expect('}');
      }
      return Core.mk.trecord(fields);
    }
    if (c === 37) {
      this.p++;
      return Core.mk.tcon(this.name().name);
    }
    const n = this.name();
    // Backquotes force a type variable; otherwise case decides, as in Haskell.
    return !n.quoted && /^[A-Z]/.test(n.name) ? Core.mk.tcon(n.name) : Core.mk.tvar(n.name);
  }
}
