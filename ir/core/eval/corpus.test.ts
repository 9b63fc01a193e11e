// ir/core/eval/corpus.test.ts: every `exact` and `unordered` case of the Lune conformance corpus, run on the
// evaluator and compared with expected/NAME.out (exact: trailing spaces and blank lines trimmed; unordered:
// the same multiset of lines; 61's `dt_ms=` line normalised).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDump } from '../read';
import { runMain } from '../eval';

const corpus = process.env['LUNE_CORPUS'] ?? new URL('../../../../shared/lune-corpus', import.meta.url).pathname;

interface Case { name: string; dump: string; kind: string; expected: string; env?: Record<string, string> }
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { cases: Case[] };

// 14_File_Read reads README.md from its working directory (only its success matters to the output).
const cwd = mkdtempSync(join(tmpdir(), 'lune-corpus-'));
writeFileSync(join(cwd, 'README.md'), '# README\n');

const normalise = (text: string): string[] =>
  text.replace(/^dt_ms=.*$/m, 'dt_ms=<elapsed>').split('\n').map((l) => l.replace(/\s+$/, '')).join('\n').replace(/\n+$/, '').split('\n');

for (const c of manifest.cases.filter((x) => x.kind === 'exact' || x.kind === 'unordered')) {
  test(`corpus ${c.name} (${c.kind})`, async () => {
    const m = readDump(readFileSync(join(corpus, c.dump), 'utf8'), c.dump);
    let out = '';
    const env: Record<string, string | undefined> = { ...process.env };
    for (const [k, v] of Object.entries(c.env ?? {})) env[k] = k === 'LUNE_SYSTEM_ROOT' ? resolve(corpus, v) : v;
    const r = await runMain(m, { stdout: (t) => void (out += t), stderr: () => {}, env, cwd });
    assert.equal(r, { exitCode: 0 });
    const got = normalise(out);
    const want = normalise(readFileSync(join(corpus, c.expected), 'utf8'));
    if (c.kind === 'unordered') assert.equal([...got].sort(), [...want].sort());
    else assert.equal(got, want);
  });
}

test.run();
