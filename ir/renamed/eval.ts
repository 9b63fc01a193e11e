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
    .with({ tag: 'Lam' }, (l) => lam(l.params, expr(l.body), l.span))
    .with({ tag: 'Let' }, (l) => Core.mk.let(l.name, expr(l.rhs), expr(l.body), l.span))
    .with({ tag: 'Case' }, (c) => Core.mk.case(expr(c.scrutinee), c.alts.map((a) => Core.mk.alt(pattern(a.pattern), expr(a.body), a.span)), c.span))
    .with({ tag: 'Record' }, (r) => Core.mk.record(r.fields.map((f) => ({ label: f.label, value: expr(f.value) })), r.span))
    .with({ tag: 'Select' }, (s) => Core.mk.select(expr(s.record), s.label, s.span))
    .with({ tag: 'Template' }, (t) =>
      Core.mk.template(t.block, t.parts.map((p) => (p.tag === 'Text' ? Core.mk.text(p.text) : Core.mk.hole(Core.mk.tcon('Template'), expr(p.body)))), t.span))
    .exhaustive();
}

// A lambda pattern that can fail and binds renamed variables would name them renamed in PatternMatchFailure
// (`Circle x_1` where the source says `Circle x`). Such a parameter is matched by a case instead, whose
// fallback fails exactly like Core: `\$lamArg -> case $lamArg of { p -> body; _ -> (\<p as written> -> $lamArg) $lamArg }`.
// Splitting the lambda per parameter keeps Core's order: each argument is matched when it is supplied.
function lam(params: readonly R.Pattern[], body: Core.Expr, span: Span): Core.Expr {
  const renamedVars = (p: R.Pattern): boolean =>
    p.tag === 'PVar' ? p.name !== p.source : p.tag === 'PCon' && p.args.some(renamedVars);
  if (!params.some((p) => p.tag === 'PCon' && renamedVars(p))) return Core.mk.lam(params.map(pattern), body, span);
  return params.reduceRight<Core.Expr>((inner, p) => {
    if (p.tag !== 'PCon' || !renamedVars(p)) return Core.mk.lam([pattern(p)], inner, span);
    const arg = Core.mk.var('$lamArg', span);
    const fail = Core.mk.app(Core.mk.lam([sourcePattern(p)], arg, span), arg, span);
    return Core.mk.lam([Core.mk.pvar('$lamArg', span)],
      Core.mk.case(arg, [Core.mk.alt(pattern(p), inner, span), Core.mk.alt(Core.mk.pwild(span), fail, span)], span), span);
  }, body);
}

function sourcePattern(p: R.Pattern): Core.Pattern {
  return p.tag === 'PVar' ? Core.mk.pvar(p.source, p.span) : p.tag === 'PCon' ? Core.mk.pcon(p.con, p.args.map(sourcePattern), p.span) : pattern(p);
}

function pattern(p: R.Pattern): Core.Pattern {
  return match<R.Pattern, Core.Pattern>(p)
    .with({ tag: 'PVar' }, (v) => Core.mk.pvar(v.name, v.span))
    .with({ tag: 'PWild' }, (w) => Core.mk.pwild(w.span))
    .with({ tag: 'PCon' }, (c) => Core.mk.pcon(c.con, c.args.map(pattern), c.span))
    .with({ tag: 'PString' }, (s) => Core.mk.pstring(s.value, s.span))
    .exhaustive();
}
