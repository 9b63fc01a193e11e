// passes/compile-patterns/decision-tree.ts: a clause matrix to a decision tree (Maranget, "Compiling
// pattern matching to good decision trees", 2008), with first-match semantics of PRIMITIVES.md §1.5.
// Each step tests the first column where the first row has a constructor or string pattern; a head is
// a constructor name WITH its arity (`Just x` and `Just x y` are different tests) or a string. The
// column is consumed by every branch, so no path tests the same value twice.
import type * as R from '../../ir/renamed/renamed';
import type { Fresh } from '../../ir/shared/fresh';

/** One clause: patterns (one per occurrence), the variables bound so far (pattern var -> occurrence), its rhs. */
export interface Row {
  readonly pats: readonly R.Pattern[];
  readonly binds: readonly (readonly [string, string])[];
  readonly rhs: number;
}

/** A decision tree over occurrence variables (locals holding the matched value or one of its fields). */
export type Tree =
  | { readonly k: 'leaf'; readonly rhs: number; readonly binds: ReadonlyMap<string, string> }
  | { readonly k: 'fail' }
  | { readonly k: 'switch'; readonly occ: string; readonly arms: readonly TreeArm[]; readonly dflt: Tree };
export type TreeArm =
  | { readonly k: 'con'; readonly con: string; readonly binders: readonly (string | null)[]; readonly sub: Tree }
  | { readonly k: 'string'; readonly value: string; readonly sub: Tree };

/** Builds the tree for `rows` matched against the values in `occs` (one per column). */
export function buildTree(occs: readonly string[], rows: readonly Row[], fresh: Fresh): Tree {
  const first = rows[0];
  if (first === undefined) return { k: 'fail' };
  const col = first.pats.findIndex((p) => p.tag === 'PCon' || p.tag === 'PString');
  if (col < 0) {
    const binds = new Map(first.binds);
    first.pats.forEach((p, i) => p.tag === 'PVar' && !binds.has(p.name) && binds.set(p.name, occs[i]!));
    return { k: 'leaf', rhs: first.rhs, binds };
  }
  const occ = occs[col]!;
  const rest = <T>(xs: readonly T[]): T[] => [...xs.slice(0, col), ...xs.slice(col + 1)];
  const bindIf = (r: Row, p: R.Pattern): Row['binds'] => (p.tag === 'PVar' ? [...r.binds, [p.name, occ]] : r.binds);
  const arms: TreeArm[] = [];
  for (const head of heads(rows, col)) {
    const arity = head.tag === 'PCon' ? head.args.length : 0;
    const binders = Array.from({ length: arity }, () => fresh.next('_f'));
    // Sub-patterns replace the tested column in place, so nested tests stay left to right.
    const subOccs = [...occs.slice(0, col), ...binders, ...occs.slice(col + 1)];
    const subRows: Row[] = [];
    for (const r of rows) {
      const p = r.pats[col]!;
      const wild = (): R.Pattern[] => Array.from({ length: arity }, () => ({ tag: 'PWild', span: p.span }));
      let args: readonly R.Pattern[] | null = null;
      if (p.tag === 'PVar' || p.tag === 'PWild') args = wild();
      else if (sameHead(p, head)) args = p.tag === 'PCon' ? p.args : [];
      if (args === null) continue;
      subRows.push({ pats: [...r.pats.slice(0, col), ...args, ...r.pats.slice(col + 1)], binds: bindIf(r, p), rhs: r.rhs });
    }
    const sub = buildTree(subOccs, subRows, fresh);
    const used = usedOccs(sub);
    arms.push(head.tag === 'PCon'
      ? { k: 'con', con: head.con, binders: binders.map((b) => (used.has(b) ? b : null)), sub }
      : { k: 'string', value: head.value, sub });
  }
  const dfltRows = rows.filter((r) => r.pats[col]!.tag === 'PVar' || r.pats[col]!.tag === 'PWild')
    .map((r) => ({ pats: rest(r.pats), binds: bindIf(r, r.pats[col]!), rhs: r.rhs }));
  return { k: 'switch', occ, arms, dflt: buildTree(rest(occs), dfltRows, fresh) };
}

// The distinct heads of a column, in order of first appearance.
function heads(rows: readonly Row[], col: number): (R.PCon | R.PString)[] {
  const out: (R.PCon | R.PString)[] = [];
  for (const r of rows) {
    const p = r.pats[col]!;
    if ((p.tag === 'PCon' || p.tag === 'PString') && !out.some((h) => sameHead(p, h))) out.push(p);
  }
  return out;
}

function sameHead(p: R.PCon | R.PString, h: R.PCon | R.PString): boolean {
  if (p.tag === 'PCon') return h.tag === 'PCon' && h.con === p.con && h.args.length === p.args.length;
  return h.tag === 'PString' && h.value === p.value;
}

/** Occurrence variables a tree reads (tested or bound at a leaf). */
export function usedOccs(t: Tree, into = new Set<string>()): Set<string> {
  if (t.k === 'leaf') for (const o of t.binds.values()) into.add(o);
  else if (t.k === 'switch') {
    into.add(t.occ);
    for (const a of t.arms) usedOccs(a.sub, into);
    usedOccs(t.dflt, into);
  }
  return into;
}

/** How many leaves reach each right-hand side. */
export function leafCounts(t: Tree, into = new Map<number, number>()): Map<number, number> {
  if (t.k === 'leaf') into.set(t.rhs, (into.get(t.rhs) ?? 0) + 1);
  else if (t.k === 'switch') {
    for (const a of t.arms) leafCounts(a.sub, into);
    leafCounts(t.dflt, into);
  }
  return into;
}

/**
 * Gives each constructor field the name of a pattern variable bound to it (`Just x -> …` instead of
 * `Just _f -> …`), for readable output. `take(x, rhs)` says whether x may become a binder (and claims it):
 * a variable can be used once in the module, and not when its clause is a join point (whose parameter
 * already binds that name).
 */
export function nameBinders(t: Tree, take: (name: string, rhs: number) => boolean): Tree {
  if (t.k !== 'switch') return t;
  const arms = t.arms.map((a): TreeArm => {
    if (a.k === 'string') return { ...a, sub: nameBinders(a.sub, take) };
    let sub = a.sub;
    const binders = a.binders.map((b) => {
      if (b === null) return null;
      const x = leaves(sub).flatMap((l) => [...l.binds].filter(([, o]) => o === b).map(([v]) => [v, l.rhs] as const))
        .find(([v, rhs]) => take(v, rhs))?.[0];
      if (x === undefined) return b;
      sub = renameOcc(sub, b, x);
      return x;
    });
    return { ...a, binders, sub: nameBinders(sub, take) };
  });
  return { ...t, arms, dflt: nameBinders(t.dflt, take) };
}

function leaves(t: Tree): Extract<Tree, { k: 'leaf' }>[] {
  if (t.k === 'leaf') return [t];
  if (t.k === 'fail') return [];
  return [...t.arms.flatMap((a) => leaves(a.sub)), ...leaves(t.dflt)];
}

function renameOcc(t: Tree, from: string, to: string): Tree {
  if (t.k === 'fail') return t;
  if (t.k === 'leaf') return { ...t, binds: new Map([...t.binds].map(([v, o]) => [v, o === from ? to : o])) };
  return {
    ...t,
    occ: t.occ === from ? to : t.occ,
    arms: t.arms.map((a) => ({ ...a, sub: renameOcc(a.sub, from, to) })),
    dflt: renameOcc(t.dflt, from, to),
  };
}
