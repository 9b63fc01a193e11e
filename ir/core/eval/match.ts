// ir/core/eval/match.ts: pattern matching (§1.3): PCon compares the full name and the argument count;
// PString matches only an equal String (never a Template). Matching costs no fuel.
import type { Value } from '../../shared/value';
import type { Env, PatCode } from './code';

/** Matches `v` against `p`, appending the bound values left to right to `out`. */
export function matchPattern(p: PatCode, v: Value, out: Value[]): boolean {
  switch (p.k) {
    case 'var':
      out.push(v);
      return true;
    case 'wild':
      return true;
    case 'str':
      return typeof v === 'string' && v === p.s;
    case 'con': {
      if (typeof v !== 'object' || v.tag !== 'Con' || v.name !== p.name || v.args.length !== p.args.length) return false;
      for (let i = 0; i < p.args.length; i++) if (!matchPattern(p.args[i]!, v.args[i]!, out)) return false;
      return true;
    }
  }
}

/**
 * Matches and extends `env` with the bindings, or returns undefined. Values are pushed right to left so
 * the leftmost binder ends up innermost, matching resolve.ts's scopes.
 */
export function matchInto(p: PatCode, v: Value, env: Env): Env | undefined {
  if (p.k === 'var') return { v, n: env };
  if (p.k === 'wild') return env;
  if (p.k === 'con' && p.args.length === 0) {
    // Nullary constructors (True, Nil, Nothing…): the commonest case patterns, no binders.
    return typeof v === 'object' && v.tag === 'Con' && v.name === p.name && v.args.length === 0 ? env : undefined;
  }
  const out: Value[] = [];
  if (!matchPattern(p, v, out)) return undefined;
  for (let i = out.length - 1; i >= 0; i--) env = { v: out[i]!, n: env };
  return env;
}
