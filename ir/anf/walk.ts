// ir/anf/walk.ts: visiting every computation of an ANF expression, for analyses that only look (passes that
// rebuild walk the tree themselves). Let spines are walked in a loop (they can be 100k lets long).
import type * as Anf from './anf';

/**
 * Calls `f` on every comp in `e`, nested ones included (switch arms and defaults, and unless `intoClosures` is
 * false lambda bodies and template holes), and `onLet` on every let (before its right side). A spine is visited in
 * order, and before the arms of its switches; otherwise the order is deterministic but unspecified.
 */
export function forEachComp(e: Anf.Expr, f: (c: Anf.Comp) => void, onLet?: (name: string, l: Anf.Let) => void, intoClosures = true): void {
  const todo: Anf.Expr[] = [e];
  const each = (c: Anf.Comp): void => {
    f(c);
    switch (c.tag) {
      case 'Lam': if (intoClosures) todo.push(c.body); break;
      case 'Template': if (intoClosures) for (const p of c.parts) if (p.tag === 'Hole') todo.push(p.body); break;
      case 'Switch':
        for (const a of c.arms) todo.push(a.body);
        if (c.default !== null) todo.push(c.default);
        break;
      default: break;
    }
  };
  while (todo.length > 0) {
    let cur = todo.pop()!;
    for (; cur.tag === 'Let'; cur = cur.body) {
      onLet?.(cur.name, cur);
      each(cur.rhs);
    }
    each(cur.value);
  }
}

/** Calls `f` on each atom `c` reads itself (not those of the expressions nested in it: forEachComp visits those). */
export function forEachAtom(c: Anf.Comp, f: (a: Anf.Atom) => void): void {
  switch (c.tag) {
    case 'Var': case 'Lit': return f(c);
    case 'App': f(c.fn); return c.args.forEach(f);
    case 'Record': return c.fields.forEach((x) => f(x.value));
    case 'Select': return f(c.record);
    case 'Switch': case 'Fail': return f(c.scrutinee);
    case 'Lam': case 'Template': return;
  }
}

/** Calls `f` on each local `c` binds itself: a lambda's parameters, the named binders of a switch's arms. */
export function forEachBinder(c: Anf.Comp, f: (name: string) => void): void {
  if (c.tag === 'Lam') c.params.forEach(f);
  else if (c.tag === 'Switch') {
    for (const a of c.arms) if (a.tag === 'ConArm') for (const b of a.binders) if (b !== null) f(b);
  }
}
