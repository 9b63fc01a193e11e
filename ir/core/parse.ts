// ir/core/parse.ts: readable Core text (`.lcore`, grammar in ./syntax.ts) -> Core.Module, with a real
// span (file, line, col) on every node. Syntax errors are CompileError('parse', …) at the failure point.
import type * as ohm from 'ohm-js';
import * as Core from './core';
import { CompileError } from '../shared/diagnostic';
import { type Span, mkSpan } from '../shared/span';
import { type LaidOut, grammar, layout, unescapeText } from './syntax';
import { type TemplateItem, parseFast } from './parse-fast';

/** Parses readable Core. Throws CompileError('parse', span, message) for any syntax error. */
export function parseCore(text: string, file: string): Core.Module {
  const laid = layout(text);
  const pos = new Positions(text, laid.origin, file);
  // Three readers of the same grammar, fastest first; each later one takes whatever the earlier declined, and
  // only the last (the whole text matched by ohm) reports errors.
  return parseFast(laid.text, pos, templateParts, floatValue) ?? parseByDecl(laid, pos) ?? parseWhole(laid, pos);
}

/** The whole text matched by ohm alone: what the faster readers must agree with (tests compare them). */
export function parseCoreWithOhm(text: string, file: string): Core.Module {
  const laid = layout(text);
  return parseWhole(laid, new Positions(text, laid.origin, file));
}

function parseWhole(laid: LaidOut, pos: Positions): Core.Module {
  try {
    const result = grammar().match(laid.text);
    if (result.failed()) {
      const at = result.getRightmostFailurePosition();
      throw new CompileError('parse', pos.point(at), syntaxMessage(laid.text, at, result));
    }
    return semanticsFor(pos)(result).module() as Core.Module;
  } catch (e) {
    // ohm and the semantic actions recurse once per nesting level; a pathological input overflows
    // the stack. Blame the most deeply nested bracket rather than crash.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new CompileError('parse', pos.original(laid.deepestAt), 'expression nested too deeply to parse');
    }
    throw e;
  }
}

/**
 * The same module as the whole-text parse, matching each top-level declaration (the text between two of the
 * separators layout inserted) on its own: ohm memoizes every rule at every position of the input until the
 * match is dropped, so one match of a large module held hundreds of MB and its garbage collection made
 * parsing superlinear. Returns undefined when any piece does not match on its own (a declaration sharing a
 * line with another, a syntax or semantic error, a stack overflow): the whole-text parse then decides,
 * so errors and results are exactly the whole-text parse's.
 */
function parseByDecl(laid: LaidOut, pos: Positions): Core.Module | undefined {
  const seps = laid.topSeparators;
  if (seps.length === 0) return undefined;
  const g = grammar();
  const sem = semanticsFor(pos);
  try {
    const head = g.match(laid.text.slice(0, seps[0]), 'Module');
    if (head.failed()) return undefined;
    const m = sem(head).module() as Core.Module;
    const decls = [...m.decls];
    for (let i = 0; i < seps.length; i++) {
      const base = seps[i]! + 1;
      const piece = laid.text.slice(base, seps[i + 1] ?? laid.text.length);
      if (/^\s*$/.test(piece)) continue;
      const r = g.match(piece, 'Decl');
      if (r.failed()) return undefined;
      decls.push(sem(r, base).decl() as Core.Decl);
    }
    // The whole-text match's root (Module) runs from its first token to the end of the text.
    return Core.mk.module(m.name, decls, pos.span(sem(head).source.startIdx, laid.text.length));
  } catch {
    return undefined;
  }
}

// Everything that can start an expression; when ohm expects all of them we say "an expression".
const expressionStarts = ['a name', 'a char literal', 'a string literal', 'an integer', 'a float', '"\'\'"', '"$\\""',
  '"#wanted"', '"{"', '"("'];
const patternStarts = ['a name', 'a constructor name', '"%"', '"_"', '"("', 'a string literal'];

// ohm's expected-token list, with the expression starters folded into one item, or a direct
// explanation for a literal that does not close.
function syntaxMessage(text: string, at: number, result: ohm.MatchResult): string {
  const ch = text[at];
  const line = text.slice(at + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);
  if (ch === '"' && !/^(?:[^"\\]|\\.)*"/.test(line)) return 'unterminated string literal';
  if (ch === '`' && !/^(?:[^`\\]|\\.)*`/.test(line)) return 'unterminated quoted name';
  if (ch === "'" && text[at + 1] !== "'") return 'a char literal holds exactly one character or escape';
  // getRightmostFailures is public in ohm-js 17 but missing from its .d.ts.
  const failures = (result as unknown as { getRightmostFailures(): { toString(): string }[] }).getRightmostFailures();
  let items: string[] = [...new Set(failures.map((f) => f.toString()))];
  const fold = (starts: readonly string[], also: readonly string[], as: string): void => {
    if (starts.every((s) => items.includes(s))) items = [...items.filter((s) => !starts.includes(s) && !also.includes(s)), as];
  };
  fold(expressionStarts, ['"foreign"', '"case"', '"let"', '"\\\\"'], 'an expression');
  fold(patternStarts, [], 'a pattern');
  const list = items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
  return `syntax error: expected ${list}`;
}

// Offsets in the laid-out text -> line/col in the original text.
class Positions {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly text: string, private readonly origin: Int32Array, private readonly file: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }
  private lineCol(offset: number): [number, number] {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - this.lineStarts[lo]! + 1];
  }
  /** A span over [start, end) of the laid-out text. */
  span(start: number, end: number): Span {
    const [sl, sc] = this.lineCol(this.origin[start] ?? this.text.length);
    const [el, ec] = this.lineCol(this.origin[end] ?? this.text.length);
    return mkSpan(sl, sc, el, ec, this.file);
  }
  point(at: number): Span {
    return this.span(at, at);
  }
  /** A point given as an offset of the original text. */
  original(at: number): Span {
    const [l, c] = this.lineCol(at);
    return mkSpan(l, c, l, c, this.file);
  }
}

type Node = ohm.Node;

// `base`: the offset in the laid-out text of the matched piece (see parseByDecl).
type Sem = (r: ohm.MatchResult, base?: number) => { module(): unknown; decl(): unknown; readonly source: ohm.Interval };
function semanticsFor(pos: Positions): Sem {
  const sem = grammar().createSemantics();
  let base = 0;
  const span = (n: Node): Span => pos.span(base + n.source.startIdx, base + n.source.endIdx);
  const spanOf = (a: Node, b: Node): Span => pos.span(base + a.source.startIdx, base + b.source.endIdx);
  const expr = (n: Node): Core.Expr => n['expr']() as Core.Expr;
  const pat = (n: Node): Core.Pattern => n['pat']() as Core.Pattern;
  const type = (n: Node): Core.Type => n['type']() as Core.Type;
  const name = (n: Node): string => n['name']() as string;
  // Text between delimiters with escapes decoded; an escape past U+10FFFF is a positioned error.
  const decode = (n: Node, raw: string): string => {
    for (const m of raw.matchAll(/\\u\{([0-9a-fA-F]+)\}/g)) {
      if (parseInt(m[1]!, 16) > 0x10ffff) throw new CompileError('parse', span(n), `escape \\u{${m[1]}} is past U+10FFFF`);
    }
    return unescapeText(raw);
  };
  const inner = (n: Node, open: number, close: number): string => decode(n, n.sourceString.slice(open, n.sourceString.length - close));

  sem.addOperation('module', {
    Module(_kw, modName, _semis, decls) {
      const ds = decls.children.flatMap((opt) => opt.children.map((d) => d['decl']() as Core.Decl));
      return Core.mk.module(name(modName), ds, span(this));
    },
  });
  sem.addOperation('decl', {
    Decl(n, _eq, body) {
      // From the name to the body (not span(this): matched on its own, the root node also covers trailing space).
      return Core.mk.decl(name(n), expr(body), spanOf(n, body));
    },
  });
  sem.addOperation('expr', {
    Expr(e) { return expr(e); },
    Lam(_bs, params, _arrow, body) {
      return Core.mk.lam(params.children.map(pat), expr(body), span(this));
    },
    Let(_let, n, _eq, rhs, _in, body) {
      return Core.mk.let(name(n), expr(rhs), expr(body), span(this));
    },
    Case(_case, scrut, _of, _open, _s1, alts, _s2, _close) {
      const as = alts.asIteration().children.map((a) => a['alt']() as Core.Alt);
      return Core.mk.case(expr(scrut), as, span(this));
    },
    Foreign(_kw, conv, sym, _colon, t) {
      const raw = conv.sourceString;
      const convention = raw === 'ccall' ? 'CCall' : name(conv);
      return Core.mk.foreignImport(convention, sym['str']() as string, type(t), span(this));
    },
    App(head, args) {
      return args.children.reduce<Core.Expr>((f, a) => Core.mk.app(f, expr(a), spanOf(head, a)), expr(head));
    },
    Postfix(atom, sels) {
      return sels.children.reduce<Core.Expr>(
        (r, sel) => Core.mk.select(r, name(sel.child(1)), spanOf(atom, sel)), expr(atom));
    },
    Atom(e) { return expr(e); },
    Paren(_o, e, _c) { return expr(e); },
    Record(_o, fields, _c) {
      const fs = fields.asIteration().children.map((f) => ({ label: name(f.child(0)), value: expr(f.child(2)) }));
      return Core.mk.record(fs, span(this));
    },
    Wanted(_kw, _o, cls, args, _c) {
      return Core.mk.dictWanted({ className: name(cls), args: args.children.map(type) }, span(this));
    },
    InlineTemplate(_o, items, _c) {
      return Core.mk.template(false, templateParts(items.children.flatMap((i) => i['items']() as TemplateItem[])), span(this));
    },
    BlockTemplate(_o, items, _c) {
      return Core.mk.template(true, templateParts(items.children.flatMap((i) => i['items']() as TemplateItem[])), span(this));
    },
    float(_c) { return Core.mk.float(floatValue(this.sourceString), span(this)); },
    int(_minus, _digits) { return Core.mk.int(BigInt(this.sourceString), span(this)); },
    string(_o, _chars, _c) { return Core.mk.str(this['str']() as string, span(this)); },
    char(_o, _c, _e) { return Core.mk.char(inner(this, 1, 1).codePointAt(0)!, span(this)); },
    name(_n) { return Core.mk.var(name(this), span(this)); },
  });
  sem.addOperation('str', {
    string(_o, _chars, _c) { return inner(this, 1, 1); },
  });
  sem.addOperation('items', {
    inlineText(_items) { return textItems(this, this.sourceString); },
    blockText(_items) { return textItems(this, this.sourceString); },
    Hole(_o, e, _colon, t, _c) { return [{ k: 'hole' as const, hole: Core.mk.hole(type(t), expr(e)) }]; },
  });
  const textItems = (n: Node, raw: string): TemplateItem[] => {
    const items: TemplateItem[] = [];
    for (const m of raw.matchAll(/\\\||\\u\{[0-9a-fA-F]+\}|\\.|[^\\]/gsu)) {
      items.push(m[0] === '\\|' ? { k: 'break' } : { k: 'char', s: decode(n, m[0]) });
    }
    return items;
  };
  sem.addOperation('alt', {
    Alt(p, _arrow, body) { return Core.mk.alt(pat(p), expr(body), span(this)); },
  });
  sem.addOperation('pat', {
    Pat_con(head, args) { return Core.mk.pcon(head['conName']() as string, args.children.map(pat), span(this)); },
    Pat(p) { return pat(p); },
    PatAtom(p) {
      if (p.ctorName === 'ConHead') return Core.mk.pcon(p['conName']() as string, [], span(this));
      if (p.ctorName === 'name') return Core.mk.pvar(name(p), span(this));
      return pat(p);
    },
    PatParen(_o, p, _c) { return pat(p); },
    wildcard(_u) { return Core.mk.pwild(span(this)); },
    string(_o, _chars, _c) { return Core.mk.pstring(this['str']() as string, span(this)); },
  });
  sem.addOperation('conName', {
    ConHead_forced(_pct, n) { return name(n); },
    ConHead_plain(n) { return n.sourceString; },
  });
  sem.addOperation('type', {
    Type_arrow(from, _arrow, to) { return Core.mk.tarrow(type(from), type(to)); },
    Type(t) { return type(t); },
    BType(atoms) {
      const [head, ...rest] = atoms.children.map(type);
      return rest.reduce<Core.Type>((f, a) => Core.mk.tapp(f, a), head!);
    },
    TypeAtom_paren(_o, t, _c) { return type(t); },
    TypeAtom_record(_o, fields, _c) {
      return Core.mk.trecord(fields.asIteration().children.map((f) => ({ label: name(f.child(0)), type: type(f.child(2)) })));
    },
    TypeAtom_con(_pct, n) { return Core.mk.tcon(name(n)); },
    TypeAtom_name(n) {
      const s = name(n);
      // Backquotes force a type variable; otherwise case decides, as in Haskell.
      return !n.sourceString.startsWith('`') && /^[A-Z]/.test(s) ? Core.mk.tcon(s) : Core.mk.tvar(s);
    },
  });
  sem.addOperation('name', {
    name(n) { return name(n); },
    plainName(_first, _dots, _rest) { return this.sourceString; },
    quotedName(_o, _chars, _c) { return inner(this, 1, 1); },
  });
  return (r, at = 0) => {
    base = at;
    return sem(r) as unknown as ReturnType<Sem>;
  };
}

// Groups template items into parts: a run of characters is one text part; `\|` ends the current run,
// or, with no run open, stands for an empty text part (the inverse of print.ts's templateBody).
function templateParts(items: readonly TemplateItem[]): Core.TemplatePart[] {
  const parts: Core.TemplatePart[] = [];
  let run: string | undefined;
  const flush = (): void => {
    if (run !== undefined) parts.push(Core.mk.text(run));
    run = undefined;
  };
  for (const it of items) {
    if (it.k === 'char') run = (run ?? '') + it.s;
    else if (it.k === 'break') {
      if (run === undefined) parts.push(Core.mk.text(''));
      flush();
    } else {
      flush();
      parts.push(it.hole);
    }
  }
  flush();
  return parts;
}

function floatValue(s: string): number {
  if (s === 'NaN') return NaN;
  if (s === 'Infinity') return Infinity;
  if (s === '-Infinity') return -Infinity;
  return Number(s);
}
