// ir/anf/eval.ts: runs an ANF module by translating it to Core for the reference evaluator (why: see
// ir/renamed/eval.ts). `let x = c in e` is Core's strict let, so evaluation order is exactly ANF's; an
// App of n atoms becomes n nested applications; Switch and Fail translate as in ir/pattern-compiled/eval.ts.
import { match } from 'ts-pattern';
import * as Core from '../core/core';
import * as CoreEval from '../core/eval';
import { failToCore } from '../pattern-compiled/eval';
import { literalToCore } from '../renamed/eval';
import { lookupPrim } from '../shared/prims';
import type { Value } from '../shared/value';
import type * as Anf from './anf';

/** The equivalent Core module (declaration order and names kept). */
export function toCore(m: Anf.Module): Core.Module {
  return Core.mk.module(m.name, m.decls.map((d) => Core.mk.decl(d.name, expr(d.body), d.span)), m.span);
}

/** Runs `main` like `lune --run` (see ir/core/eval). */
export function runMain(m: Anf.Module, io: Parameters<typeof CoreEval.runMain>[1]): ReturnType<typeof CoreEval.runMain> {
  return CoreEval.runMain(toCore(m), io);
}

/** Evaluates one declaration to a value. */
export function evalDecl(m: Anf.Module, name: string): Value {
  return CoreEval.evalDecl(toCore(m), name);
}

function expr(e: Anf.Expr): Core.Expr {
  return match<Anf.Expr, Core.Expr>(e)
    .with({ tag: 'Let' }, (l) => Core.mk.let(l.name, comp(l.rhs), expr(l.body), l.span))
    .with({ tag: 'Ret' }, (r) => comp(r.value))
    .exhaustive();
}

// A primitive of passes/fuse-lists.ts as what it means: `$listLength f xs` is `f xs` (likewise $listLengthOnto
// and $listAppend), `$charsToStringRevOnto f xs acc` is `prim_charsToString (f xs acc)`.
function fusedToCore(a: Anf.App): Core.Expr | null {
  if (a.fn.tag !== 'Var' || a.fn.scope !== 'prim' || lookupPrim(a.fn.name)?.group !== 'fused') return null;
  const [f, ...args] = a.args.map(comp);
  const call = Core.mk.apps(f!, args, a.span);
  return a.fn.name === '$charsToStringRevOnto' ? Core.mk.app(Core.mk.var('prim_charsToString', a.fn.span), call, a.span) : call;
}

function comp(c: Anf.Comp): Core.Expr {
  return match<Anf.Comp, Core.Expr>(c)
    .with({ tag: 'Var' }, (v) => Core.mk.var(v.name, v.span))
    .with({ tag: 'Lit' }, (l) => literalToCore(l.value, l.span))
    .with({ tag: 'App' }, (a) => fusedToCore(a) ?? Core.mk.apps(comp(a.fn), a.args.map(comp), a.span))
    .with({ tag: 'Lam' }, (l) => Core.mk.lam(l.params.map((p) => Core.mk.pvar(p)), expr(l.body), l.span))
    .with({ tag: 'Record' }, (r) => Core.mk.record(r.fields.map((f) => ({ label: f.label, value: comp(f.value) })), r.span))
    .with({ tag: 'Select' }, (s) => Core.mk.select(comp(s.record), s.label, s.span))
    .with({ tag: 'Template' }, (t) =>
      Core.mk.template(t.block, t.parts.map((p) => (p.tag === 'Text' ? Core.mk.text(p.text) : Core.mk.hole(Core.mk.tcon('Template'), expr(p.body)))), t.span))
    .with({ tag: 'Switch' }, (s) => {
      const alts = s.arms.map((a) =>
        a.tag === 'ConArm'
          ? Core.mk.alt(Core.mk.pcon(a.con, a.binders.map((b) => (b === null ? Core.mk.pwild() : Core.mk.pvar(b)))), expr(a.body))
          : Core.mk.alt(Core.mk.pstring(a.value), expr(a.body)));
      if (s.default !== null) alts.push(Core.mk.alt(Core.mk.pwild(), expr(s.default)));
      return Core.mk.case(comp(s.scrutinee), alts, s.span);
    })
    .with({ tag: 'Fail' }, (f) => failToCore(f.kind, comp(f.scrutinee), f.pattern, f.span))
    .exhaustive();
}
