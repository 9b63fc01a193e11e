// ir/core/eval/match.ts: pattern matching (§1.3): PCon compares the full name and the argument count;
// PString matches only an equal String (never a Template). Matching costs no fuel.
import type { Value } from '../../shared/value';
import type { Env, PatCode } from './code';

/**
 * Matches `v` against `p`, pushing the bound values onto `env` left to right (resolve.ts builds scopes
 * the same way, renaming a repeated binder so the leftmost one wins). Undefined when it does not match.
 */
export function matchInto(p: PatCode, v: Value, env: Env): Env | undefined {
  switch (p.k) {
    case 'var':
      return { v, n: env };
    case 'wild':
      return env;
    case 'str':
      return typeof v === 'string' && v === p.s ? env : undefined;
    case 'con': {
      if (typeof v !== 'object' || v.tag !== 'Con' || v.name !== p.name || v.args.length !== p.args.length) return undefined;
      let e: Env | undefined = env;
      for (let i = 0; i < p.args.length && e !== undefined; i++) e = matchInto(p.args[i]!, v.args[i]!, e);
      return e;
    }
  }
}
