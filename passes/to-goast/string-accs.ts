// passes/to-goast/string-accs.ts: accumulator parameters a loop keeps as an rt.StringAcc, the prelude's way of
// building a string (split, words, lines: `go r (Cons c acc)`, then `fromChars (listReverse acc)`, which
// passes/fuse-lists.ts makes `$charsToStringRevOnto f acc Nil`). A parameter a of a function that is a loop
// (body.ts selfLoop) is one when its only reads are
//   - `let c = Cons x a`, c read only as a's argument of the loop's own tail calls;
//   - `$charsToStringRevOnto f a Nil`;
//   - a's argument of the loop's own tail calls (passed on unchanged);
// none inside a lambda or a template hole. The accumulator then stands for a: such a `let c` builds nothing, a
// tail call passing c pushes x (the last thing the iteration does, so nothing else reads a after it), one passing
// any other value Sets it, and `$charsToStringRevOnto` reads the characters pushed (rt.StringAcc.RevString).
import type * as Anf from '../../ir/anf/anf';
import { forEachComp } from '../../ir/anf/walk';
import { type TailContext, consName, nilName } from './contexts';
import { loopCalls } from './cursors';

/** An accumulator parameter: its position, and its lets `c = Cons x a` with their x. */
export interface StringAccParam { readonly index: number; readonly pushes: ReadonlyMap<string, Anf.Atom> }

/**
 * The parameters of `lam` (the function `name`, a loop whose tail contexts are `contexts`) kept as string
 * accumulators, by name. `uses` counts every local's reads.
 */
export function stringAccParams(lam: Anf.Lam, name: string, uses: ReadonlyMap<string, number>, contexts: ReadonlyMap<Anf.Let, TailContext>): Map<string, StringAccParam> {
  const calls = loopCalls(lam.body, name, lam.params.length, contexts);
  const comps = compsOutsideLambdas(lam.body);
  const out = new Map<string, StringAccParam>();
  const isVar = (a: Anf.Atom | undefined, x: string): boolean => a !== undefined && a.tag === 'Var' && a.scope === 'local' && a.name === x;
  lam.params.forEach((p, index) => {
    const argOf = (x: string): number => calls.filter((c) => isVar(c.args[index], x)).length;
    const pushes = new Map<string, Anf.Atom>();
    for (const { name: c, rhs } of comps.lets) {
      if (rhs.tag !== 'App' || rhs.fn.tag !== 'Var' || rhs.fn.scope !== 'con' || rhs.fn.name !== consName || rhs.args.length !== 2) continue;
      if (!isVar(rhs.args[1], p) || isVar(rhs.args[0], p)) continue;
      if (argOf(c) !== uses.get(c)) return; // c read elsewhere: a is a list after all
      pushes.set(c, rhs.args[0]!);
    }
    const consumers = comps.apps.filter((c) => c.fn.tag === 'Var' && c.fn.scope === 'prim' && c.fn.name === '$charsToStringRevOnto'
      && c.args.length === 3 && isVar(c.args[1], p) && !isVar(c.args[0], p) && c.args[2]!.tag === 'Var' && c.args[2]!.scope === 'con' && c.args[2]!.name === nilName);
    if (pushes.size + consumers.length === 0) return;
    if (uses.get(p) !== pushes.size + consumers.length + argOf(p)) return;
    out.set(p, { index, pushes });
  });
  return out;
}

// The lets and the applications of `e`, not inside lambdas or template holes.
function compsOutsideLambdas(e: Anf.Expr): { lets: Anf.Let[]; apps: Anf.App[] } {
  const lets: Anf.Let[] = [];
  const apps: Anf.App[] = [];
  forEachComp(e, (c) => { if (c.tag === 'App') apps.push(c); }, (_, l) => lets.push(l), false);
  return { lets, apps };
}
