// properties/config.ts: how every property runs. Deterministic by default (fixed seed); PROPERTY_RUNS scales
// the number of cases, and PROPERTY_SEED + PROPERTY_PATH replay a failure that fast-check reported.
import fc from 'fast-check';

const env = (k: string) => (process.env[k] === undefined || process.env[k] === '' ? undefined : process.env[k]);

/** The seed every property uses unless PROPERTY_SEED overrides it. */
export const defaultSeed = 0x1a2b3c;

/** Parameters for fc.assert: `runs` is this property's default count in `npm test`. */
export function params<T>(runs: number): fc.Parameters<T> {
  const scaled = env('PROPERTY_RUNS');
  const seed = env('PROPERTY_SEED');
  const path = env('PROPERTY_PATH');
  return {
    numRuns: scaled === undefined ? runs : Number(scaled),
    seed: seed === undefined ? defaultSeed : Number(seed),
    ...(path === undefined ? {} : { path }),
    endOnFailure: false,
    verbose: 0,
  };
}

/** A shrunk failure found earlier: replayed before the random runs so the bug stays fixed. */
export interface Regression {
  readonly seed: number;
  readonly path: string;
  readonly note: string;
}

/**
 * Checks `property` on the regressions, then (after calling `beforeRandomRuns`) on `runs` generated cases. A failure throws an Error naming the
 * property, the seed and path, the command that replays it, and fast-check's report (whose counterexample
 * prints readably when the value has a toString method, as typed programs do).
 */
export async function assertProperty<Ts extends [unknown, ...unknown[]]>(
  name: string, file: string, property: fc.IRawProperty<Ts>, runs: number, regressions: readonly Regression[] = [],
  beforeRandomRuns: () => void = () => {},
): Promise<void> {
  const base = params<Ts>(runs);
  const attempts = [...regressions.map((r) => ({ ...base, seed: r.seed, path: r.path, numRuns: 1 })), base];
  for (const p of attempts) {
    if (p === base) beforeRandomRuns();
    const details = await fc.check(p.path === undefined ? property : firstRunOnly(property), p);
    if (!details.failed) continue;
    const replay = `PROPERTY_SEED=${details.seed} PROPERTY_PATH=${details.counterexamplePath ?? ''} npx tsx ${file}`;
    const report = (await fc.asyncDefaultReportMessage(details)) ?? 'property failed';
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`property "${name}" failed (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}): ${cause}\n` +
      `replay: ${replay}\n${report.replace(/\nHint: .*$/s, '')}`);
  }
}

// Replaying a path, fast-check runs the recorded case and then walks on through that case's shrinks (thousands
// of cases once the bug is fixed). A replay checks the recorded case only: later runs pass without running.
function firstRunOnly<Ts>(property: fc.IRawProperty<Ts>): fc.IRawProperty<Ts> {
  let runs = 0;
  const pass = property.isAsync() ? Promise.resolve(null) : null;
  const run: fc.IRawProperty<Ts>['run'] = (...args) => (runs++ === 0 ? property.run(...args) : pass) as ReturnType<fc.IRawProperty<Ts>['run']>;
  return Object.assign(Object.create(property) as fc.IRawProperty<Ts>, { run });
}
