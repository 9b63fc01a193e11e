// ir/core/eval/testing.ts: helpers for the evaluator's tests: run a readable-Core program (`.lcore` text)
// with captured output and scripted input.
import { parseCore } from '../parse';
import { type EvalIO, type RunResult, runMain } from '../eval';

/** What a test run printed and how it ended. */
export interface Captured extends RunResult { readonly stdout: string; readonly stderr: string }

/** Parses `src` (a `module Main` program) and runs it; `input` lines feed prim_readLine. */
export async function runSource(
  src: string,
  opts: { input?: readonly string[]; env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const lines = opts.input ?? [];
  let next = 0;
  const io: EvalIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readLine: () => Promise.resolve(next < lines.length ? lines[next++]! : null),
    env: opts.env ?? {},
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
  };
  const r = await runMain(parseCore(src, 'test.lcore'), io);
  return { ...r, stdout, stderr };
}

/** The standard short names used by test programs, prepended to each source. */
export const prelude = String.raw`
Main.unit = Lune.Prelude.Unit
Main.say = \s -> prim_putStrLn s
Main.bind = \m k -> $primIOBind m k
Main.seq = \m n -> $primIOBind m (\_ -> n)
Main.done = $primIOPure Lune.Prelude.Unit
`;

/** `module Main` + the prelude + the given declarations. */
export const program = (decls: string): string => `module Main\n${prelude}\n${decls}\n`;
