// properties/config.ts: how every property runs. Deterministic by default (fixed seed); PROPERTY_RUNS scales
// the number of cases, and PROPERTY_SEED + PROPERTY_PATH replay a failure that fast-check reported.
import type fc from 'fast-check';

const env = (k: string) => (process.env[k] === undefined || process.env[k] === '' ? undefined : process.env[k]);

/** Parameters for fc.assert: `runs` is this property's default count in `npm test`. */
export function params<T>(runs: number): fc.Parameters<T> {
  const scaled = env('PROPERTY_RUNS');
  const seed = env('PROPERTY_SEED');
  const path = env('PROPERTY_PATH');
  return {
    numRuns: scaled === undefined ? runs : Number(scaled),
    seed: seed === undefined ? 0x1a2b3c : Number(seed),
    ...(path === undefined ? {} : { path }),
    endOnFailure: false,
    verbose: 0,
  };
}
