// properties/hostile.prop.ts: hostile input into both readers. Random text, truncated and mutated corpus
// dumps, and very deep nesting must always give a positioned CompileError — never another exception, never a hang.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDump } from '../ir/core/read';
import { parseCore } from '../ir/core/parse';
import { CompileError } from '../ir/shared/diagnostic';
import { params } from './config';

const corpus = join(import.meta.dirname, '../../shared/lune-corpus/dumps');
const dumps = readdirSync(corpus).filter((f) => f.endsWith('.core')).sort()
  .map((f) => readFileSync(join(corpus, f), 'utf8')).filter((t) => t.startsWith('CoreModule'));
const small = dumps.filter((t) => t.length < 20000);

/** Runs a reader; returns 'ok' or the error's position. Any non-CompileError fails the property. */
function outcome(read: (t: string, f: string) => unknown, text: string): 'ok' | 'error' {
  const t0 = performance.now();
  try {
    read(text, 'input');
    return 'ok';
  } catch (e) {
    if (!(e instanceof CompileError)) throw new Error(`not a CompileError: ${e instanceof Error ? e.stack : String(e)}`);
    if (e.span.startLine < 1 || e.span.startCol < 1) throw new Error(`error without a position: ${e.message}`);
    return 'error';
  } finally {
    const ms = performance.now() - t0;
    if (ms > 2000) throw new Error(`reader took ${ms.toFixed(0)} ms on a ${text.length}-character input`);
  }
}

const readers = { readDump, parseCore } as const;

for (const [name, read] of Object.entries(readers)) {
  test(`${name}: random text gives a result or a positioned error`, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => { outcome(read, s); }), params(300));
  });

  test(`${name}: truncated dumps give a positioned error`, () => {
    fc.assert(fc.property(fc.constantFrom(...small), fc.double({ min: 0, max: 1, noNaN: true }), (t, cut) => {
      const n = Math.floor(t.length * cut);
      const r = outcome(read, t.slice(0, n));
      // A dump cut short (more than its trailing newline) is never a complete CoreModule.
      if (name === 'readDump' && t.slice(0, n).trimEnd() !== t.trimEnd()) assert.is(r, 'error');
    }), params(150));
  });

  test(`${name}: mutated dumps give a result or a positioned error`, () => {
    fc.assert(fc.property(fc.constantFrom(...small), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 5 }), (t, edits) => {
      let s = t;
      for (const [at, ins] of edits) {
        const i = Math.floor(s.length * at);
        s = s.slice(0, i) + ins + s.slice(i + 1);
      }
      outcome(read, s);
    }), params(150));
  });

  test(`${name}: 100,000 levels of nesting do not crash the reader`, () => {
    const deep = 'CoreModule {coreName = "M", coreDecls = [CoreDecl "M.x" ' + '(CApp '.repeat(100000) + 'CVar "x"' + ')'.repeat(100000) + ']}';
    outcome(read, deep);
    outcome(read, '('.repeat(100000));
  });
}

test('readDump reads every corpus dump', () => {
  for (const t of dumps) assert.ok(readDump(t, 'x').decls.length > 0);
});

test.run();
