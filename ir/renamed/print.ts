// ir/renamed/print.ts: the Renamed IR as readable text (`--dump renamed`, goldens). Deterministic.
// Scopes are visible: `@Main.f` a top-level name, `%prim_addInt` a primitive, `Lune.Prelude.Just` a
// constructor, a bare name a local. The literal/indent helpers here are shared by the later IRs' printers.
import { match } from 'ts-pattern';
import type { Literal } from '../shared/literal';
import type { Scope } from '../shared/name';
import { type Span, isKnown, showSpan } from '../shared/span';
import type * as R from './renamed';

/** Printer options: `spans` appends `@LINE:COL` to nodes whose position is known. */
export interface PrintOptions { readonly spans: boolean }

/** Prints a module: a header line, then one `name =` block per declaration. */
export function print(m: R.Module, opts: PrintOptions = { spans: false }): string {
  const p = new Printer(opts);
  const decls = m.decls.map((d) => `${d.name}${p.at(d.span)} =\n  ${indent(p.expr(d.body), 2)}\n`);
  return [`module ${m.name} (main = ${m.main})\n`, ...decls].join('\n');
}

/** Prints one expression (for error messages). */
export function printExpr(e: R.Expr, opts: PrintOptions = { spans: false }): string {
  return new Printer(opts).expr(e);
}

class Printer {
  constructor(private readonly opts: PrintOptions) {}

  at(s: Span): string {
    return this.opts.spans && isKnown(s) ? ` @${showSpan(s)}` : '';
  }

  expr(e: R.Expr): string {
    return match(e)
      .with({ tag: 'Var' }, (v) => showVar(v.name, v.scope))
      .with({ tag: 'Lit' }, (l) => showLiteral(l.value))
      .with({ tag: 'App' }, (a) => {
        const args: R.Expr[] = [];
        let f: R.Expr = a;
        for (; f.tag === 'App'; f = f.fn) args.unshift(f.arg);
        return [this.atomic(f), ...args.map((x) => this.atomic(x))].join(' ');
      })
      .with({ tag: 'Lam' }, (l) => `\\${l.params.map((p) => showPattern(p, true)).join(' ')} ->${this.at(l.span)}${block(this.expr(l.body))}`)
      .with({ tag: 'Let' }, (l) => `let ${l.name}${this.at(l.span)} = ${indent(this.expr(l.rhs), 2)} in\n${this.expr(l.body)}`)
      .with({ tag: 'Case' }, (c) => {
        const alts = c.alts.map((a) => `\n  ${showPattern(a.pattern, false)} ->${this.at(a.span)}${indent(block(this.expr(a.body)), 2)}`);
        return `case ${indent(this.expr(c.scrutinee), 2)} of${this.at(c.span)}${alts.join('')}`;
      })
      .with({ tag: 'Record' }, (r) => showRecord(r.fields.map((f) => [f.label, this.expr(f.value)])))
      .with({ tag: 'Select' }, (s) => `${this.atomic(s.record)}.${s.label}`)
      .with({ tag: 'Template' }, (t) =>
        showTemplate(t.block, t.parts.map((p) => (p.tag === 'Text' ? { text: p.text } : { hole: this.expr(p.body) }))))
      .exhaustive();
  }

  // An operand: parenthesised unless it is a variable, literal, record or selection.
  private atomic(e: R.Expr): string {
    const s = this.expr(e);
    return e.tag === 'Var' || e.tag === 'Lit' || e.tag === 'Record' || e.tag === 'Select' ? s : `(${indent(s, 1)})`;
  }
}

/** `x`, `@Main.f`, `%prim_addInt`, `Lune.Prelude.Just`. */
export function showVar(name: string, scope: Scope): string {
  return scope === 'global' ? `@${name}` : scope === 'prim' ? `%${name}` : name;
}

/** Ints in decimal, floats always with a `.` or exponent, strings and chars JSON-escaped. */
export function showLiteral(l: Literal): string {
  switch (l.kind) {
    case 'int': return l.value.toString();
    case 'float': {
      const s = Object.is(l.value, -0) ? '-0' : String(l.value); // String(-0) is "0
      return /^-?\d+$/.test(s) ? `${s}.0` : s;
    }
    case 'string': return JSON.stringify(l.value);
    case 'char': return `'${JSON.stringify(String.fromCodePoint(l.value)).slice(1, -1).replace(/'/g, "\\'")}'`;
  }
}

/** `K p q` / `"s"` / `x` / `_`; `paren` wraps a constructor pattern with arguments. */
export function showPattern(p: R.Pattern, paren: boolean): string {
  return match(p)
    .with({ tag: 'PVar' }, (v) => v.name)
    .with({ tag: 'PWild' }, () => '_')
    .with({ tag: 'PString' }, (s) => JSON.stringify(s.value))
    .with({ tag: 'PCon' }, (c) => {
      if (c.args.length === 0) return c.con;
      const s = [c.con, ...c.args.map((a) => showPattern(a, true))].join(' ');
      return paren ? `(${s})` : s;
    })
    .exhaustive();
}

/** `{ a = 1, b = x }`; `{}` when empty. */
export function showRecord(fields: readonly (readonly [string, string])[]): string {
  return fields.length === 0 ? '{}' : `{ ${fields.map(([l, v]) => `${l} = ${indent(v, 2)}`).join(', ')} }`;
}

/** `template inline ["a", ${x}]` / `template block […]`. */
export function showTemplate(isBlock: boolean, parts: readonly ({ text: string } | { hole: string })[]): string {
  const ps = parts.map((p) => ('text' in p ? JSON.stringify(p.text) : `\${${indent(p.hole, 2)}}`));
  return `template ${isBlock ? 'block' : 'inline'} [${ps.join(', ')}]`;
}

/** Indents every line after the first by n spaces. */
export function indent(s: string, n: number): string {
  return s.includes('\n') ? s.replace(/\n/g, '\n' + ' '.repeat(n)) : s;
}

/** ` body` on the same line when short and single-line, else the body on its own indented lines. */
export function block(body: string): string {
  return body.includes('\n') || body.length > 60 ? `\n  ${indent(body, 2)}` : ` ${body}`;
}
