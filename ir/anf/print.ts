// ir/anf/print.ts: the ANF IR as readable text (`--dump anf`, goldens). Deterministic.
// One binding per line (`let x = comp`), the final computation on the last line; conventions of
// ir/renamed/print.ts for names and literals. A lambda shows its Lune name when it is not the
// declaration's own (`\x -> [Other.name]`).
import { match } from 'ts-pattern';
import { type PrintOptions, block, indent, showLiteral, showRecord, showTemplate, showVar } from '../renamed/print';
import { showFail } from '../pattern-compiled/print';
import { type Span, isKnown, showSpan } from '../shared/span';
import type * as Anf from './anf';

/** Prints a module: a header line, then one `name =` block per declaration. */
export function print(m: Anf.Module, opts: PrintOptions = { spans: false }): string {
  const decls = m.decls.map((d) => {
    const p = new Printer(opts, d.name);
    return `${d.name}${p.at(d.span)} =\n  ${indent(p.expr(d.body), 2)}\n`;
  });
  return [`module ${m.name} (main = ${m.main})\n`, ...decls].join('\n');
}

/** Prints one expression (for error messages); lambda names show when they differ from `decl`. */
export function printExpr(e: Anf.Expr, opts: PrintOptions = { spans: false }, decl: string | null = null): string {
  return new Printer(opts, decl).expr(e);
}

class Printer {
  constructor(private readonly opts: PrintOptions, private readonly decl: string | null) {}

  at(s: Span): string {
    return this.opts.spans && isKnown(s) ? ` @${showSpan(s)}` : '';
  }

  expr(e: Anf.Expr): string {
    const lines: string[] = [];
    let cur: Anf.Expr = e;
    for (; cur.tag === 'Let'; cur = cur.body) lines.push(`let ${cur.name}${this.at(cur.span)} = ${indent(this.comp(cur.rhs), 2)}`);
    lines.push(this.comp(cur.value));
    return lines.join('\n');
  }

  comp(c: Anf.Comp): string {
    return match(c)
      .with({ tag: 'Var' }, { tag: 'Lit' }, (a) => atom(a))
      .with({ tag: 'App' }, (a) => [a.fn, ...a.args].map(atom).join(' '))
      .with({ tag: 'Lam' }, (l) => {
        const name = this.decl === null || l.name === this.decl ? '' : ` [${l.name}]`;
        return `\\${l.params.join(' ')} ->${name}${this.at(l.span)}${block(this.expr(l.body))}`;
      })
      .with({ tag: 'Record' }, (r) => showRecord(r.fields.map((f) => [f.label, atom(f.value)])))
      .with({ tag: 'Select' }, (s) => `${atom(s.record)}.${s.label}`)
      .with({ tag: 'Template' }, (t) =>
        showTemplate(t.block, t.parts.map((p) => (p.tag === 'Text' ? { text: p.text } : { hole: this.expr(p.body) }))))
      .with({ tag: 'Switch' }, (s) => {
        const arms = s.arms.map((a) => {
          const head = a.tag === 'ConArm' ? [a.con, ...a.binders.map((b) => b ?? '_')].join(' ') : JSON.stringify(a.value);
          return `\n  ${head} ->${indent(block(this.expr(a.body)), 2)}`;
        });
        const dflt = s.default === null ? '' : `\n  _ ->${indent(block(this.expr(s.default)), 2)}`;
        return `switch ${atom(s.scrutinee)} of${this.at(s.span)}${arms.join('')}${dflt}`;
      })
      .with({ tag: 'Fail' }, (f) => showFail(f.kind, atom(f.scrutinee), f.pattern, f.where))
      .exhaustive();
  }
}

const atom = (a: Anf.Atom): string => (a.tag === 'Var' ? showVar(a.name, a.scope) : showLiteral(a.value));
