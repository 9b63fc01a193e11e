// ir/renamed/eval.ts: runs a Renamed module by translating it back to Core for the reference evaluator.
// Why not an interpreter of its own: Renamed differs from Core only in names, and a faithful translation
// (unique local names stay valid Core names; scopes are dropped because resolution gives them back) reuses
// the evaluator's primitives, IO, STM and scheduler instead of duplicating ~2000 lines.
import { match } from 'ts-pattern';
import * as Core from '../core/core';
import * as CoreEval from '../core/eval';
import type { Literal } from '../shared/literal';
import { type Span, noSpan } from '../shared/span';
import type { Value } from '../shared/value';
import type * as R from './renamed';

/** The equivalent Core module (declaration order and names kept). */
export function toCore(m: R.Module): Core.Module {
  return Core.mk.module(m.name, m.decls.map((d) => Core.mk.decl(d.name, expr(d.body), d.span)), m.span);
}

/** Runs `main` like `lune --run` (see ir/core/eval). */
export function runMain(m: R.Module, io: Parameters<typeof CoreEval.runMain>[1]): ReturnType<typeof CoreEval.runMain> {
  return CoreEval.runMain(toCore(m), io);
}

/** Evaluates one declaration to a value. */
export function evalDecl(m: R.Module, name: string): Value {
  return CoreEval.evalDecl(toCore(m), name);
}

/** A literal as the Core expression that denotes it. */
export function literalToCore(l: Literal, span: Span = noSpan): Core.Expr {
  switch (l.kind) {
    case 'int': return Core.mk.int(l.value, span);
    case 'float': return Core.mk.float(l.value, span);
    case 'string': return Core.mk.str(l.value, span);
    case 'char': return Core.mk.char(l.value, span);
  }
}

function expr(e: R.Expr): Core.Expr {
  return match<R.Expr, Core.Expr>(e)
    .with({ tag: 'Var' }, (v) => Core.mk.var(v.name, v.span))
    .with({ tag: 'Lit' }, (l) => literalToCore(l.value, l.span))
    .with({ tag: 'App' }, (a) => Core.mk.app(expr(a.fn), expr(a.arg), a.span))
    .with({ tag: 'Lam' }, (l) => Core.mk.lam(l.params.map(pattern), expr(l.body), l.span))
    .with({ tag: 'Let' }, (l) => Core.mk.let(l.name, expr(l.rhs), expr(l.body), l.span))
    .with({ tag: 'Case' }, (c) => Core.mk.case(expr(c.scrutinee), c.alts.map((a) => Core.mk.alt(pattern(a.pattern), expr(a.body), a.span)), c.span))
    .with({ tag: 'Record' }, (r) => Core.mk.record(r.fields.map((f) => ({ label: f.label, value: expr(f.value) })), r.span))
    .with({ tag: 'Select' }, (s) => Core.mk.select(expr(s.record), s.label, s.span))
    .with({ tag: 'Template' }, (t) =>
      Core.mk.template(t.block, t.parts.map((p) => (p.tag === 'Text' ? Core.mk.text(p.text) : Core.mk.hole(Core.mk.tcon('Template'), expr(p.body)))), t.span))
    .exhaustive();
}

function pattern(p: R.Pattern): Core.Pattern {
  return match<R.Pattern, Core.Pattern>(p)
    .with({ tag: 'PVar' }, (v) => Core.mk.pvar(v.name, v.span))
    .with({ tag: 'PWild' }, (w) => Core.mk.pwild(w.span))
    .with({ tag: 'PCon' }, (c) => Core.mk.pcon(c.con, c.args.map(pattern), c.span))
    .with({ tag: 'PString' }, (s) => Core.mk.pstring(s.value, s.span))
    .exhaustive();
}
