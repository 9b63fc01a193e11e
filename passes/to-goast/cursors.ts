// passes/to-goast/cursors.ts: list parameters a loop reads through an rt.ListCursor. A parameter p of a function
// that is a loop (body.ts selfLoop) is read with a cursor when
//   - its only reads are one Switch on it (not inside a lambda or a template hole, so it runs at most once an
//     iteration) and that switch's `_ -> fail NonExhaustiveCase p` default, if any;
//   - the switch's arms are one `Cons h r` and at most one `Nil` (no other constructor, no string arm);
//   - r is read only as p's argument of the loop's own tail calls (the next iteration walks on from r).
// The cursor then stands for p: the switch steps it past the head (rt.ListCursor.Next), a tail call passing r
// leaves it there, any other value for p is Set. A string's characters not yet unfolded (rt.Chars) are then
// read from the string itself: `split (toChars text)` builds no cell for text. The list is immutable, so
// reading it from the string or from its cells gives the same elements.
import type * as Anf from '../../ir/anf/anf';
import { forEachComp } from '../../ir/anf/walk';
import { failsOn } from './body';
import { type TailContext, consName, isSelfCall, nilName } from './contexts';

/** A parameter read through a cursor: its position, and the tail binder of its switch's Cons arm (null: unused). */
export interface CursorParam { readonly index: number; readonly tail: string | null }

/**
 * The parameters of `lam` (the function `name`, a loop whose tail contexts are `contexts`) read through a cursor,
 * by name. `uses` counts every local's reads.
 */
export function cursorParams(lam: Anf.Lam, name: string, uses: ReadonlyMap<string, number>, contexts: ReadonlyMap<Anf.Let, TailContext>): Map<string, CursorParam> {
  const switches = switchesByScrutinee(lam.body);
  const calls = loopCalls(lam.body, name, lam.params.length, contexts);
  const out = new Map<string, CursorParam>();
  lam.params.forEach((p, index) => {
    const found = switches.get(p);
    if (found === undefined || found.length !== 1) return;
    const s = found[0]!;
    const cons = s.arms.filter((a) => a.tag === 'ConArm' && a.con === consName && a.binders.length === 2);
    const others = s.arms.filter((a) => !cons.includes(a));
    if (cons.length !== 1 || others.length > 1 || !others.every((a) => a.tag === 'ConArm' && a.con === nilName && a.binders.length === 0)) return;
    if (uses.get(p) !== 1 + (failsOn(s.default, p) !== null ? 1 : 0)) return;
    const tail = (cons[0] as Anf.ConArm).binders[1] ?? null;
    const tailReads = tail === null ? 0 : uses.get(tail) ?? 0;
    const passed = calls.filter((c) => { const a = c.args[index]!; return a.tag === 'Var' && a.scope === 'local' && a.name === tail; }).length;
    if (passed !== tailReads) return;
    out.set(p, { index, tail: tailReads === 0 ? null : tail });
  });
  return out;
}

// The switches of `e` on each local, not inside lambdas or template holes.
function switchesByScrutinee(e: Anf.Expr): Map<string, Anf.Switch[]> {
  const out = new Map<string, Anf.Switch[]>();
  forEachComp(e, (c) => {
    if (c.tag === 'Switch' && c.scrutinee.tag === 'Var' && c.scrutinee.scope === 'local') {
      out.set(c.scrutinee.name, [...out.get(c.scrutinee.name) ?? [], c]);
    }
  }, undefined, false);
  return out;
}

// The self calls that are the loop's next iteration: in tail positions, and those of tail contexts (the inner
// call, or the tail positions of the inner switch's arms), as body.ts generates them.
export function loopCalls(e: Anf.Expr, name: string, arity: number, contexts: ReadonlyMap<Anf.Let, TailContext>): Anf.App[] {
  const out: Anf.App[] = [];
  const todo: Anf.Expr[] = [e];
  const tail = (c: Anf.Comp): void => {
    if (isSelfCall(c, name, arity)) out.push(c);
    else if (c.tag === 'Switch') {
      for (const arm of c.arms) todo.push(arm.body);
      if (c.default !== null) todo.push(c.default);
    }
  };
  while (todo.length > 0) {
    let cur = todo.pop()!;
    let inner: Anf.Comp | null = null;
    for (; cur.tag === 'Let' && inner === null; cur = cur.body) inner = contexts.get(cur)?.inner.rhs ?? null;
    tail(inner ?? (cur as Anf.Ret).value);
  }
  return out;
}
