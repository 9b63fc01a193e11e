// ir/shared/name.ts: what a name in Core denotes (PRIMITIVES.md §1.1, §1.5, §1.6), shared by the
// renamer and every checker after it.
import { looksLikeConstructor } from '../core/core';
import { lookupPrim } from './prims';

/** What a variable refers to: a local binder, a top-level declaration, a primitive, or a constructor. */
export type Scope = 'local' | 'global' | 'prim' | 'con';

/**
 * Resolves a name the way the evaluator's environment does: locals shadow everything; among top-level
 * names a primitive wins over a declaration (§1.5); only then the constructor rule applies (§1.6:
 * `$dictJson.Decode_String` is a declaration although its last segment is upper-case). null = unbound.
 */
export function resolveName(name: string, isLocal: (n: string) => boolean, isGlobal: (n: string) => boolean): Scope | null {
  if (isLocal(name)) return 'local';
  if (lookupPrim(name) !== undefined) return 'prim';
  if (isGlobal(name)) return 'global';
  if (looksLikeConstructor(name)) return 'con';
  return null;
}

/** `Main` → `Main.main`: the only entry point `lune --run` accepts (§1.9). */
export const mainName = (moduleName: string): string => `${moduleName}.main`;
