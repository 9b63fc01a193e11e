// ir/shared/check-module.ts: the module-level checks every IR after Core shares: declarations are defined once
// and the entry point is one of them; and the rule for each kind of variable reference.
import { looksLikeConstructor } from '../core/core';
import { type Diagnostic, diag } from './diagnostic';
import { lookupPrim } from './prims';
import type { Span } from './span';

interface ModuleLike {
  readonly decls: readonly { readonly name: string; readonly span: Span }[];
  readonly main: string;
  readonly span: Span;
}

/** The set of top-level names; reports duplicates and a missing main into `out`. */
export function topLevelNames(stage: string, m: ModuleLike, out: Diagnostic[]): Set<string> {
  const globals = new Set<string>();
  for (const d of m.decls) {
    if (globals.has(d.name)) out.push(diag(stage, `declaration ${d.name} is defined twice`, d.span));
    globals.add(d.name);
  }
  if (!globals.has(m.main)) out.push(diag(stage, `main declaration ${m.main} is missing`, m.span));
  return globals;
}

/** Why a variable reference is ill-formed (null when it is fine): each scope has its own rule. */
export function badReference(
  v: { readonly name: string; readonly scope: 'local' | 'global' | 'prim' | 'con' },
  inScope: (name: string) => boolean,
  globals: ReadonlySet<string>,
): string | null {
  switch (v.scope) {
    case 'local': return inScope(v.name) ? null : `local ${v.name} is not bound`;
    case 'global': return globals.has(v.name) ? null : `global ${v.name} is not a declaration of the module`;
    case 'prim': return lookupPrim(v.name) ? null : `${v.name} is not a primitive`;
    case 'con': return looksLikeConstructor(v.name) ? null : `${v.name} is not a constructor name`;
  }
}
