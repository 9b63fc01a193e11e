// passes/to-goast/testing.ts: helpers of this directory's tests: a program's Go, and its run on the evaluator and
// as a Go binary (optimizations on, then off), to compare.
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCore } from '../../ir/core/parse';
import * as CoreEval from '../../ir/core/eval';
import { goTarget } from '../../ir/shared/prims';
import { compile } from '../pipeline';
import { emitModule } from '../../emit/module';
import { writeModule } from '../../emit/write';
import { goBuild } from '../../emit/build';

export const goOf = (src: string, optimize = true) => compile(parseCore(src, 't.lcore'), { target: goTarget, optimize }).file!;
/** The Go function `name` of `text`, from `func` to its closing brace. */
export const func = (text: string, name: string): string => {
  const from = text.indexOf(`func ${name}(`);
  return from < 0 ? '' : text.slice(from, text.indexOf('\n}\n', from) + 2);
};
export const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

/** Runs `src` on the evaluator and as a Go binary (optimizations on, then off): the three outcomes. */
export async function runBoth(src: string): Promise<{ stdout: string; error: string; exit: number }[]> {
  let stdout = '';
  const io: CoreEval.EvalIO = { stdout: (t) => (stdout += t), stderr: () => {}, readLine: async () => null, env: {} };
  const r = await CoreEval.runMain(parseCore(src, 't.lcore'), io);
  const out: { stdout: string; error: string; exit: number }[] = [{ stdout, error: r.error ?? '', exit: r.exitCode }];
  for (const optimize of [true, false]) {
    const dir = mkdtempSync(join(tmpdir(), 'lists-'));
    try {
      writeModule(emitModule(goOf(src, optimize)), dir);
      const b = await goBuild(dir);
      assert.ok(b.ok, b.stderr);
      const p = spawnSync(join(dir, 'program'), [], { encoding: 'utf8', env: { ...process.env, LUNE_TRACEBACK: '' } });
      const line = p.stderr.split('\n').find((l) => l.startsWith('error: '));
      out.push({ stdout: p.stdout, error: line === undefined ? '' : line.slice('error: '.length), exit: p.status ?? -1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
