// properties/outcome.ts: what running a program produced (stdout, exit code, the Lune error), captured the same
// way for every IR's evaluator and for a Go binary, so properties compare outcomes with one function.
import type { EvalIO, RunResult } from '../ir/core/eval';

/** The observable result of one run. `error` is the Show form of the Lune error ('' when none). */
export interface Outcome {
  readonly stdout: string;
  readonly exitCode: number;
  readonly error: string;
}

/** Runs `run` with a captured console and no input; a thrown compile-time error propagates. */
export async function outcomeOf(run: (io: EvalIO) => Promise<RunResult>): Promise<Outcome> {
  let stdout = '';
  const io: EvalIO = { stdout: (t) => (stdout += t), stderr: () => {}, readLine: async () => null, env: {} };
  const r = await run(io);
  return { stdout, exitCode: r.exitCode, error: r.error ?? '' };
}

/** null when equal, else a readable description of the first difference. */
export function differs(expected: Outcome, actual: Outcome, what: [string, string]): string | null {
  const [a, b] = what;
  if (expected.exitCode !== actual.exitCode) return `exit code: ${a} ${expected.exitCode}, ${b} ${actual.exitCode}`;
  if (expected.error !== actual.error) return `error: ${a} ${JSON.stringify(expected.error)}, ${b} ${JSON.stringify(actual.error)}`;
  if (expected.stdout !== actual.stdout) return `stdout: ${a} ${JSON.stringify(expected.stdout)}, ${b} ${JSON.stringify(actual.stdout)}`;
  return null;
}

/** Throws when the outcomes differ (the message names both sides). */
export function assertSameOutcome(expected: Outcome, actual: Outcome, what: [string, string]): void {
  const d = differs(expected, actual, what);
  if (d !== null) throw new Error(`outcomes differ: ${d}`);
}

/** Throws when a checker reported problems (the first three, with the stage). */
export function assertChecks(stage: string, problems: readonly { readonly message: string }[]): void {
  if (problems.length > 0) {
    throw new Error(`the ${stage} checker rejected the output: ${problems.slice(0, 3).map((p) => p.message).join('; ')}`);
  }
}

/** Counts what a property run generated, for its summary line. */
export class Tally {
  programs = 0;
  nodes = 0;
  crashed = 0;
  constructor(private readonly name: string) {}
  /** Forgets the counts (the regressions replayed before the random runs are not counted). */
  readonly reset = (): void => {
    this.programs = this.nodes = this.crashed = 0;
  };
  add(nodes: number, o: Outcome): void {
    this.programs++;
    this.nodes += nodes;
    if (o.exitCode !== 0) this.crashed++;
  }
  /** One line: `name: N programs, M Core nodes, K ended in a Lune error`. */
  summary(): string {
    return `${this.name}: ${this.programs} programs, ${this.nodes} Core nodes, ${this.crashed} ended in a Lune error`;
  }
}
