// ir/pattern-compiled/eval.ts: runs a PatternCompiled module by translating it to Core for the reference
// evaluator (why: see ir/renamed/eval.ts). Switch becomes a case of flat patterns, and Fail becomes Core
// that fails the same way: `case v of {}` (NonExhaustiveCase v) or `(\<pattern> -> v) v`
// (PatternMatchFailure <pattern> v), so errors read exactly as before the pass.
import { match } from 'ts-pattern';
import * as Core from '../core/core';
import * as CoreEval from '../core/eval';
import { literalToCore } from '../renamed/eval';
import type { Value } from '../shared/value';
import type * as PC from './pattern-compiled';
import { parseShownPattern } from './show-pattern';

/** The equivalent Core module (declaration order and names kept). */
export function toCore(m: PC.Module): Core.Module {
  return Core.mk.module(m.name, m.decls.map((d) => Core.mk.decl(d.name, expr(d.body), d.span)), m.span);
}

/** Runs `main` like `lune --run` (see ir/core/eval). */
export function runMain(m: PC.Module, io: Parameters<typeof CoreEval.runMain>[1]): ReturnType<typeof CoreEval.runMain> {
  return CoreEval.runMain(toCore(m), io);
}

/** Evaluates one declaration to a value. */
export function evalDecl(m: PC.Module, name: string): Value {
  return CoreEval.evalDecl(toCore(m), name);
}

/** Core that fails like a Fail node on the local `v` (shared with the ANF evaluator). */
export function failToCore(kind: PC.Fail['kind'], v: Core.Expr, pattern: string, span: PC.Fail['span']): Core.Expr {
  return kind === 'NonExhaustiveCase'
    ? Core.mk.case(v, [], span)
    : Core.mk.app(Core.mk.lam([parseShownPattern(pattern)], v, span), v, span);
}

function expr(e: PC.Expr): Core.Expr {
  return match<PC.Expr, Core.Expr>(e)
    .with({ tag: 'Var' }, (v) => Core.mk.var(v.name, v.span))
    .with({ tag: 'Lit' }, (l) => literalToCore(l.value, l.span))
    .with({ tag: 'App' }, (a) => Core.mk.app(expr(a.fn), expr(a.arg), a.span))
    .with({ tag: 'Lam' }, (l) => Core.mk.lam(l.params.map((p) => Core.mk.pvar(p)), expr(l.body), l.span))
    .with({ tag: 'Let' }, (l) => Core.mk.let(l.name, expr(l.rhs), expr(l.body), l.span))
    .with({ tag: 'Record' }, (r) => Core.mk.record(r.fields.map((f) => ({ label: f.label, value: expr(f.value) })), r.span))
    .with({ tag: 'Select' }, (s) => Core.mk.select(expr(s.record), s.label, s.span))
    .with({ tag: 'Template' }, (t) =>
      Core.mk.template(t.block, t.parts.map((p) => (p.tag === 'Text' ? Core.mk.text(p.text) : Core.mk.hole(Core.mk.tcon('Template'), expr(p.body)))), t.span))
    .with({ tag: 'Switch' }, (s) => {
      const alts = s.arms.map((a) =>
        a.tag === 'ConArm'
          ? Core.mk.alt(Core.mk.pcon(a.con, a.binders.map((b) => (b === null ? Core.mk.pwild() : Core.mk.pvar(b)))), expr(a.body))
          : Core.mk.alt(Core.mk.pstring(a.value), expr(a.body)));
      if (s.default !== null) alts.push(Core.mk.alt(Core.mk.pwild(), expr(s.default)));
      return Core.mk.case(Core.mk.var(s.scrutinee, s.span), alts, s.span);
    })
    .with({ tag: 'Fail' }, (f) => failToCore(f.kind, Core.mk.var(f.scrutinee, f.span), f.pattern, f.span))
    .exhaustive();
}
