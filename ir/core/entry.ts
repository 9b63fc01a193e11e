// ir/core/entry.ts: the program's entry point (PRIMITIVES.md §1.9). `<Module>.main` (or a declaration named
// `main`) is run. A module without one but with `demo`/`demo2` is a program too: `lune --eval` prints
// their values with the value printer, and the corpus expects exactly that output (01_ParsePort_Result,
// 39_Derive_Table), so a `main` doing it is synthesised here, once, for both targets. `idList` is not an
// entry point: the corpus classifies such modules as libraries (07_ClassInstance_Sanity is no-main).
import * as Core from './core';

const { mk } = Core;

/** The name of the declaration that is the entry point, if the module has one. */
export function entryName(m: Core.Module): string | undefined {
  const names = new Set(m.decls.map((d) => d.name));
  return [`${m.name}.main`, 'main'].find((n) => names.has(n));
}

/** `m` itself when it has a main; with a synthesised `<Module>.main` printing demo and demo2 when it has those. */
export function withEntry(m: Core.Module): Core.Module {
  if (entryName(m) !== undefined) return m;
  const names = new Set(m.decls.map((d) => d.name));
  const demos = [`${m.name}.demo`, `${m.name}.demo2`].filter((n) => names.has(n));
  if (demos.length === 0) return m;
  const printValue = (n: string): Core.Expr => mk.app(mk.var('prim_putStrLn'), mk.app(mk.var('$primShowValue'), mk.var(n)));
  const body = demos.map(printValue).reduceRight((rest, act) => mk.apps(mk.var('$primIOBind'), [act, mk.lam([mk.pwild()], rest)]));
  return mk.module(m.name, [...m.decls, mk.decl(`${m.name}.main`, body)], m.span);
}
