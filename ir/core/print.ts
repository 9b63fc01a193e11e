// ir/core/print.ts: Core.Module -> readable Core text (grammar in ./syntax.ts). Deterministic; parentheses
// only where the grammar needs them; `parseCore(print(m))` equals m up to spans.
import { match } from 'ts-pattern';
import type * as Core from './core';
import { escapeChar, escapeText, isPlainConName, isPlainName, nameToken, quotedName } from './syntax';

/**
 * Printer options: `spans` adds `{-@LINE:COL-}` comments (ignored by the parser) for the module, declarations
 * (on the line above), alternatives (after the arrow), lambdas, lets and cases (before the keyword).
 */
export interface PrintOptions {
  readonly spans?: boolean;
}

/** Prints a module in the readable syntax, ending with a newline. */
export function print(m: Core.Module, opts: PrintOptions = {}): string {
  const p = new Printer(opts.spans ?? false);
  const decls = m.decls.map((d) => p.decl(d));
  return [`${p.spanNote(m.span)}module ${nameToken(m.name)}`, ...decls].join('\n\n') + '\n';
}

/** Prints one expression (as it would appear as a declaration body); for messages and tests. */
export function printExpr(e: Core.Expr, opts: PrintOptions = {}): string {
  return new Printer(opts.spans ?? false).expr(e, 0, Level.Top);
}

/** Prints one type. */
export const printType = (t: Core.Type): string => type(t, TLevel.Arrow);

// What an expression position accepts: Top takes anything, App an application or tighter, Postfix
// only atoms and selections (arguments, functions, selected records).
const enum Level { Top, App, Postfix }
// A line longer than this is broken where the syntax allows (lambda bodies, alternatives, records).
const width = 72;
const pad = (n: number): string => ' '.repeat(n);
const multiline = (s: string): boolean => s.includes('\n');
const fits = (s: string): boolean => !multiline(s) && s.length <= width;

// `ind` is always the indentation that continuation lines of the construct use; the printer keeps it
// strictly right of any enclosing layout block, so the text reads back with the same structure.
class Printer {
  constructor(private readonly spans: boolean) {}

  spanNote(s: { startLine: number; startCol: number }): string {
    return this.spans && s.startLine > 0 ? `{-@${s.startLine}:${s.startCol}-} ` : '';
  }

  decl(d: Core.Decl): string {
    // Span notes never go before a declaration name or a pattern: those columns carry the layout.
    const note = this.spanNote(d.span);
    return (note === '' ? '' : `${note.trimEnd()}\n`) + this.declBody(d);
  }

  private declBody(d: Core.Decl): string {
    const head = `${nameToken(d.name)} =`;
    const body = this.expr(d.body, 2, Level.Top);
    if (fits(`${head} ${body}`)) return `${head} ${body}`;
    // `Main.f = \x ->` then the body at the left margin + 2, as one would write it by hand.
    if (d.body.tag === 'CLam') return `${head} ${this.lam(d.body, 0)}`;
    return `${head}\n  ${body}`;
  }

  // Printing a node again at another indentation is common (an application tried flat, then broken),
  // so results are memoised per node and position; without that, nested applications are exponential.
  // (Shifting the text instead would corrupt raw newlines inside block templates.)
  private readonly memo = new Map<Core.Expr, Map<number, string>>();

  expr(e: Core.Expr, ind: number, level: Level): string {
    let byPos = this.memo.get(e);
    if (byPos === undefined) this.memo.set(e, (byPos = new Map()));
    const key = ind * 4 + level;
    const hit = byPos.get(key);
    if (hit !== undefined) return hit;
    const text = exprLevel(e) < level ? `(${this.bare(e, ind)})` : this.bare(e, ind);
    byPos.set(key, text);
    return text;
  }

  private bare(e: Core.Expr, ind: number): string {
    return match(e)
      .with({ tag: 'CVar' }, (v) => nameToken(v.name))
      .with({ tag: 'CString' }, (s) => `"${escapeText(s.value, '"')}"`)
      .with({ tag: 'CInt' }, (i) => i.value.toString())
      .with({ tag: 'CFloat' }, (f) => floatText(f.value))
      .with({ tag: 'CChar' }, (c) => `'${escapeChar(String.fromCodePoint(c.value), "'")}'`)
      .with({ tag: 'CTemplate' }, (t) => this.template(t, ind))
      .with({ tag: 'CApp' }, (a) => this.app(a, ind))
      .with({ tag: 'CLam' }, (l) => this.lam(l, ind))
      .with({ tag: 'CLet' }, (l) => this.let(l, ind))
      .with({ tag: 'CCase' }, (c) => this.case(c, ind))
      .with({ tag: 'CRecord' }, (r) => this.record(r, ind))
      .with({ tag: 'CSelect' }, (s) => `${this.expr(s.record, ind, Level.Postfix)}.#${nameToken(s.label)}`)
      .with({ tag: 'CDictWanted' }, (d) =>
        `#wanted(${[nameToken(d.constraint.className), ...d.constraint.args.map((t) => type(t, TLevel.Atom))].join(' ')})`)
      .with({ tag: 'CForeignImport' }, (f) =>
        `foreign ${f.convention === 'CCall' ? 'ccall' : quotedName(f.convention)} "${escapeText(f.symbol, '"')}" : ${type(f.type, TLevel.Arrow)}`)
      .exhaustive();
  }

  private app(a: Core.CApp, ind: number): string {
    const args: Core.Expr[] = [];
    let f: Core.Expr = a;
    for (; f.tag === 'CApp'; f = f.fn) args.unshift(f.arg);
    const parts = [f, ...args].map((x) => this.expr(x, ind, Level.Postfix));
    const flat = parts.join(' ');
    // `f a (\x ->` + an indented body is kept (the shape of every bind chain); otherwise a long or
    // multi-line application puts each argument on its own line.
    if (parts.slice(0, -1).every((p) => !multiline(p)) && flat.split('\n', 1)[0]!.length <= width) return flat;
    return [parts[0]!, ...args.map((x) => pad(ind + 2) + this.expr(x, ind + 2, Level.Postfix))].join('\n');
  }

  lam(l: Core.CLam, ind: number): string {
    const head = `${this.spanNote(l.span)}\\${l.params.map((p) => pattern(p, true)).join(' ')} ->`;
    const body = this.expr(l.body, ind + 2, Level.Top);
    return fits(`${head} ${body}`) ? `${head} ${body}` : `${head}\n${pad(ind + 2)}${body}`;
  }

  // `let x = rhs in` on one line and the body below, so a chain of lets reads as a list of bindings.
  private let(l: Core.CLet, ind: number): string {
    const head = `${this.spanNote(l.span)}let ${nameToken(l.name)} =`;
    const rhs = this.expr(l.rhs, ind + 2, Level.Top);
    const body = this.expr(l.body, ind, Level.Top);
    if (fits(`${head} ${rhs} in`)) return `${head} ${rhs} in\n${pad(ind)}${body}`;
    return `${head}\n${pad(ind + 2)}${rhs}\n${pad(ind)}in\n${pad(ind)}${body}`;
  }

  // Layout form: one alternative per line at ind + 2; an empty case needs explicit braces.
  private case(c: Core.CCase, ind: number): string {
    const head = `${this.spanNote(c.span)}case ${this.expr(c.scrutinee, ind + 2, Level.Top)} of`;
    if (c.alts.length === 0) return `${head} {}`;
    const alts = c.alts.map((a) => {
      const lhs = `${pattern(a.pattern, false)} ->${this.spanNote(a.span).trimEnd().replace(/^(?=.)/, ' ')}`;
      const body = this.expr(a.body, ind + 4, Level.Top);
      return fits(`${lhs} ${body}`) ? `${lhs} ${body}` : `${lhs}\n${pad(ind + 4)}${body}`;
    });
    return [head, ...alts.map((a) => pad(ind + 2) + a)].join('\n');
  }

  // `{ a = 1, b = 2 }` when it fits, else one field per line with leading commas.
  private record(r: Core.CRecord, ind: number): string {
    if (r.fields.length === 0) return '{}';
    const fields = r.fields.map((f) => {
      const lhs = `${nameToken(f.label)} =`;
      const value = this.expr(f.value, ind + 4, Level.Top);
      return fits(`${lhs} ${value}`) ? `${lhs} ${value}` : `${lhs}\n${pad(ind + 4)}${value}`;
    });
    const flat = `{ ${fields.join(', ')} }`;
    if (fits(flat)) return flat;
    return fields.map((f, i) => `${i === 0 ? '{ ' : pad(ind) + ', '}${f}`).join('\n') + `\n${pad(ind)}}`;
  }

  private template(t: Core.CTemplate, ind: number): string {
    const delim = t.block ? "''" : '"';
    let out = '';
    let open = false; // a non-empty text part was just printed, so a following text needs `\|`
    for (const part of t.parts) {
      if (part.tag === 'TText') {
        if (part.text === '') out += open ? '\\|\\|' : '\\|';
        else out += (open ? '\\|' : '') + templateText(part.text, t.block);
        open = part.text !== '';
      } else {
        // Holes take an application at most, so the ` : ` after them is never part of the expression.
        out += `\${${this.expr(part.expr, ind + 2, Level.App)} : ${type(part.type, TLevel.Arrow)}}`;
        open = false;
      }
    }
    return (t.block ? "''" : '$"') + out + delim;
  }
}

function exprLevel(e: Core.Expr): Level {
  return match(e.tag)
    .with('CLam', 'CLet', 'CCase', 'CForeignImport', () => Level.Top)
    .with('CApp', () => Level.App)
    .with('CVar', 'CString', 'CInt', 'CFloat', 'CChar', 'CTemplate', 'CRecord', 'CSelect', 'CDictWanted', () => Level.Postfix)
    .exhaustive();
}

// Text of a template part: `$` is always escaped (it could start a hole); in a block template raw
// newlines are kept and a `'` is escaped when another `'` could follow it and close the literal.
function templateText(text: string, block: boolean): string {
  const chars = Array.from(text);
  return chars
    .map((ch, i) => {
      if (ch === '$') return '\\$';
      if (!block) return escapeChar(ch, '"');
      if (ch === '\n') return '\n';
      if (ch === "'") return i === chars.length - 1 || chars[i + 1] === "'" ? "\\'" : "'";
      return escapeChar(ch, '');
    })
    .join('');
}

/** A float that reads back as exactly the same double: shortest round-trip digits, always with `.` or `e`. */
export function floatText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

// A pattern; `atom` = in a position that takes one pattern atom (lambda parameters, constructor args).
function pattern(p: Core.Pattern, atom: boolean): string {
  return match(p)
    .with({ tag: 'PWildcard' }, () => '_')
    .with({ tag: 'PString' }, (s) => `"${escapeText(s.value, '"')}"`)
    // A plain name that looks like a constructor would read back as one, so such variables are quoted.
    .with({ tag: 'PVar' }, (v) => (isPlainName(v.name) && !isPlainConName(v.name) ? v.name : quotedName(v.name)))
    .with({ tag: 'PCon' }, (c) => {
      const head = isPlainConName(c.con) ? c.con : `%${nameToken(c.con)}`;
      if (c.args.length === 0) return head;
      const s = [head, ...c.args.map((a) => pattern(a, true))].join(' ');
      return atom ? `(${s})` : s;
    })
    .exhaustive();
}

const enum TLevel { Arrow, App, Atom }

function type(t: Core.Type, level: TLevel): string {
  return match(t)
    .with({ tag: 'TVar' }, (v) => (isPlainName(v.name) && !/^[A-Z]/.test(v.name) ? v.name : quotedName(v.name)))
    .with({ tag: 'TCon' }, (c) => (isPlainName(c.name) && /^[A-Z]/.test(c.name) ? c.name : `%${nameToken(c.name)}`))
    .with({ tag: 'TRecord' }, (r) =>
      r.fields.length === 0 ? '{}' : `{ ${r.fields.map((f) => `${nameToken(f.label)} : ${type(f.type, TLevel.Arrow)}`).join(', ')} }`)
    .with({ tag: 'TApp' }, (a) => {
      const s = `${type(a.fn, TLevel.App)} ${type(a.arg, TLevel.Atom)}`;
      return level > TLevel.App ? `(${s})` : s;
    })
    .with({ tag: 'TArrow' }, (a) => {
      const s = `${type(a.from, TLevel.App)} -> ${type(a.to, TLevel.Arrow)}`;
      return level > TLevel.Arrow ? `(${s})` : s;
    })
    .exhaustive();
}
