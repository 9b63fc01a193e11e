// properties/syntax.prop.ts: the readable syntax round-trips. parseCore(print(m)) equals m up to spans, for
// generated modules of every node kind and for every corpus dump; printing is idempotent.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type * as Core from '../ir/core/core';
import { parseCore } from '../ir/core/parse';
import { print } from '../ir/core/print';
import { readDump } from '../ir/core/read';
import { arbModule } from './arb/core';
import { params } from './config';

/** Shrunk failures found so far (seed + path), replayed first on every run. */
const regressions: readonly { seed: number; path: string }[] = [];

/** The tree without its spans (parse gives real spans, generated and dumped trees mostly unknown ones). */
function stripSpans(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(stripSpans);
  if (x !== null && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'span').map(([k, v]) => [k, stripSpans(v)]));
  }
  return x;
}

function roundTrips(m: Core.Module): void {
  const text = print(m);
  const back = parseCore(text, 'printed.lcore');
  if (!isDeepStrictEqual(stripSpans(back), stripSpans(m))) {
    throw new Error(`round trip changed the module; printed text:\n${text}`);
  }
  assert.is(print(back), text, 'printing the parsed module gives the same text');
}

test('parseCore(print(m)) equals m for generated modules', () => {
  for (const r of regressions) fc.assert(fc.property(arbModule, roundTrips), { ...params(1), ...r });
  fc.assert(fc.property(arbModule, roundTrips), params(200));
});

test('every corpus dump round-trips through the readable syntax', () => {
  const dir = join(import.meta.dirname, '../../shared/lune-corpus/dumps');
  const dumps = readdirSync(dir).filter((f) => f.endsWith('.core')).sort()
    .map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }))
    .filter(({ text }) => /^\s*CoreModule\b/.test(text));
  assert.is(dumps.length, 43);
  for (const { f, text } of dumps) {
    const m = readDump(text, f);
    const back = parseCore(print(m), f);
    assert.ok(isDeepStrictEqual(stripSpans(back), stripSpans(m)), `${f} round-trips`);
  }
});

test.run();
