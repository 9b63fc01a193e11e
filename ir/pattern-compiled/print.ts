// ir/pattern-compiled/print.ts: the PatternCompiled IR as readable text (`--dump pattern-compiled`).
// Same conventions as ir/renamed/print.ts; a Switch prints its arms and `_ ->` for the default.
import { match } from 'ts-pattern';
import { type PrintOptions, block, indent, showLiteral, showRecord, showTemplate, showVar } from '../renamed/print';
import { type Span, isKnown, showSpan } from '../shared/span';
import type * as PC from './pattern-compiled';

/** Prints a module: a header line, then one `name =` block per declaration. */
export function print(m: PC.Module, opts: PrintOptions = { spans: false }): string {
  const p = new Printer(opts);
  const decls = m.decls.map((d) => `${d.name}${p.at(d.span)} =\n  ${indent(p.expr(d.body), 2)}\n`);
  return [`module ${m.name} (main = ${m.main})\n`, ...decls].join('\n');
}

/** Prints one expression (for error messages). */
export function printExpr(e: PC.Expr, opts: PrintOptions = { spans: false }): string {
  return new Printer(opts).expr(e);
}

class Printer {
  constructor(private readonly opts: PrintOptions) {}

  at(s: Span): string {
    return this.opts.spans && isKnown(s) ? ` @${showSpan(s)}` : '';
  }

  expr(e: PC.Expr): string {
    return match(e)
      .with({ tag: 'Var' }, (v) => showVar(v.name, v.scope))
      .with({ tag: 'Lit' }, (l) => showLiteral(l.value))
      .with({ tag: 'App' }, (a) => {
        const args: PC.Expr[] = [];
        let f: PC.Expr = a;
        for (; f.tag === 'App'; f = f.fn) args.unshift(f.arg);
        return [this.atomic(f), ...args.map((x) => this.atomic(x))].join(' ');
      })
      .with({ tag: 'Lam' }, (l) => `\\${l.params.join(' ')} ->${this.at(l.span)}${block(this.expr(l.body))}`)
      .with({ tag: 'Let' }, (l) => `let ${l.name}${this.at(l.span)} = ${indent(this.expr(l.rhs), 2)} in\n${this.expr(l.body)}`)
      .with({ tag: 'Record' }, (r) => showRecord(r.fields.map((f) => [f.label, this.expr(f.value)])))
      .with({ tag: 'Select' }, (s) => `${this.atomic(s.record)}.${s.label}`)
      .with({ tag: 'Template' }, (t) =>
        showTemplate(t.block, t.parts.map((p) => (p.tag === 'Text' ? { text: p.text } : { hole: this.expr(p.body) }))))
      .with({ tag: 'Switch' }, (s) => {
        const arms = s.arms.map((a) => {
          const head = a.tag === 'ConArm' ? [a.con, ...a.binders.map((b) => b ?? '_')].join(' ') : JSON.stringify(a.value);
          return `\n  ${head} ->${indent(block(this.expr(a.body)), 2)}`;
        });
        const dflt = s.default === null ? '' : `\n  _ ->${indent(block(this.expr(s.default)), 2)}`;
        return `switch ${s.scrutinee} of${this.at(s.span)}${arms.join('')}${dflt}`;
      })
      .with({ tag: 'Fail' }, (f) => showFail(f.kind, f.scrutinee, f.pattern, f.where))
      .exhaustive();
  }

  private atomic(e: PC.Expr): string {
    const s = this.expr(e);
    return e.tag === 'Var' || e.tag === 'Lit' || e.tag === 'Record' || e.tag === 'Select' ? s : `(${indent(s, 1)})`;
  }
}

/** `fail NonExhaustiveCase _s in Main.f` / `fail PatternMatchFailure (PCon "K" []) _p in Main.f`. */
export function showFail(kind: PC.Fail['kind'], scrutinee: string, pattern: string, where: string): string {
  return kind === 'NonExhaustiveCase' ? `fail NonExhaustiveCase ${scrutinee} in ${where}` : `fail PatternMatchFailure ${pattern} ${scrutinee} in ${where}`;
}
