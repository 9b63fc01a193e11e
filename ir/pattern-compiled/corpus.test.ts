// ir/pattern-compiled/corpus.test.ts: every corpus dump through rename -> compilePatterns -> toAnf with
// every checker clean; the no-main and ffi cases fail with their exact errors; and each `exact` or
// `unordered` program prints the same thing on the reference evaluator before the passes and after each
// one (via toCore).
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Core from '../core/core';
import { readDump } from '../core/read';
import { withEntry } from '../core/entry';
import { runMain } from '../core/eval';
import { rename } from '../../passes/rename';
import { compilePatterns } from '../../passes/compile-patterns';
import { toAnf } from '../../passes/anf';
import * as R from '../renamed';
import * as PC from '.';
import * as A from '../anf';
import { CompileError } from '../shared/diagnostic';
import { goTarget } from '../shared/prims';

const dir = new URL('../../../shared/lune-corpus/', import.meta.url).pathname;
interface Case { name: string; dump: string; kind: string; expected: string }
const cases = (JSON.parse(readFileSync(dir + 'manifest.json', 'utf8')) as { cases: Case[] }).cases;
// As the CLI does: a module with demo/demo2 but no main gets a synthesised main (ir/core/entry.ts).
const load = (c: Case): Core.Module => withEntry(readDump(readFileSync(dir + c.dump, 'utf8'), c.dump));

// Library modules: no main, and no demo/demo2 for ir/core/entry.ts to print.
const noMain: Record<string, string> = {
  '02_Records_Point': 'RecordsDemo', '03_Validation_Map2': 'ValidationDemo', '04_HKTs_MapM': 'HktDemo',
  '07_ClassInstance_Sanity': 'InstanceDemo',
};

function compileError(f: () => unknown): CompileError {
  try {
    f();
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('expected a CompileError');
}

for (const c of cases) {
  if (c.kind === 'frontend-error') continue;
  test(`corpus ${c.name} (${c.kind})`, () => {
    const m = load(c);
    const mod = noMain[c.name];
    if (mod !== undefined) {
      assert.is(compileError(() => rename(m, goTarget)).message, `module ${mod} has no main binding (expected ${mod}.main)`);
      return;
    }
    if (c.kind === 'ffi') {
      const sym = c.name === '20_FFI_Puts' ? 'puts' : 'strlen';
      const decl = c.name === '20_FFI_Puts' ? 'FFI_Puts.puts' : 'FFI_Strlen.strlen';
      assert.is(compileError(() => rename(m, goTarget)).message,
        `foreign import of C symbol "${sym}" (in ${decl}) is not supported on the go target (capability: ffi)`);
      return;
    }
    const r = rename(m, goTarget);
    assert.equal(R.check(r), []);
    const p = compilePatterns(r);
    assert.equal(PC.check(p), []);
    const a = toAnf(p);
    assert.equal(A.check(a), []);
    assert.is(A.print(a), A.print(toAnf(compilePatterns(rename(load(c), goTarget)))), 'deterministic');
  });
}

// Runs a Core module with no stdin, the corpus's fake sysroot, and output captured.
async function run(m: Core.Module): Promise<string> {
  let out = '';
  const io = {
    stdout: (t: string): void => void (out += t),
    stderr: (t: string): void => void (out += `[stderr]${t}`),
    readLine: async (): Promise<string | null> => null,
    env: { LUNE_SYSTEM_ROOT: dir + 'fixtures/sysroot' },
  };
  const res = await runMain(m, io);
  out = out.replace(/dt_ms=\d+/g, 'dt_ms=N'); // 61_System_Sample prints a measured duration
  return `${out}[exit ${res.exitCode}${res.error === undefined ? '' : ` ${res.error}`}]`;
}

// `unordered` programs too: the reference evaluator's scheduler is deterministic.
for (const c of cases) {
  if ((c.kind !== 'exact' && c.kind !== 'unordered') || noMain[c.name] !== undefined) continue;
  test(`corpus ${c.name}: same output before and after each pass`, async () => {
    const m = load(c);
    const r = rename(m, goTarget);
    const p = compilePatterns(r);
    const a = toAnf(p);
    const before = await run(m);
    assert.is(await run(R.toCore(r)), before, 'renamed');
    assert.is(await run(PC.toCore(p)), before, 'pattern-compiled');
    assert.is(await run(A.toCore(a)), before, 'anf');
  });
}

test.run();
