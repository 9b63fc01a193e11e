// scripts/conformance/compare.test.ts: the runner's judging logic without the CLI: normalisation, exact and
// unordered comparison, refusal checks, HTTP response checks, dump facts and ratchet bookkeeping.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkRefusal, compareExact, compareUnordered, dumpFacts, normalisationsFor, outputLines, timingDependent,
} from './compare';
import { caseEnv, loadManifest } from './manifest';
import { addToRatchet, judgeRatchet, readRatchet } from './ratchet';
import { checkHttpResponse } from './server';

const corpus = process.env.LUNE_CORPUS ?? new URL('../../../shared/lune-corpus', import.meta.url).pathname;

test('output lines: trailing spaces per line and trailing blank lines go, inner blank lines stay', () => {
  assert.equal(outputLines('a  \n\nb\t\n\n\n'), ['a', '', 'b']);
  assert.equal(outputLines('x\r\ny\r\n'), ['x', 'y']);
  assert.equal(outputLines(''), []);
  assert.equal(outputLines('  lead'), ['  lead']);
});

test('exact comparison names the first differing line', () => {
  assert.is(compareExact('a\nb  \n\n', 'a\nb'), undefined);
  assert.is(compareExact('a\nc\n', 'a\nb\n'), 'line 2: expected "b", got "c"');
  assert.is(compareExact('a\n', 'a\nb\n'), 'line 2: expected "b", got (nothing)');
  assert.is(compareExact('a\nb\nextra\n', 'a\nb\n'), 'line 3: expected (nothing), got "extra"');
});

test('the manifest note\'s normalisation: the dt_ms= line of 61_System_Sample', () => {
  const ns = normalisationsFor({ note: 'as 60; the line starting dt_ms= is replaced by dt_ms=<elapsed> before comparing' });
  assert.is(ns.length, 1);
  assert.is(compareExact('dt_ms=1003\ncpu=0\n', 'dt_ms=<elapsed>\ncpu=0\n', ns), undefined);
  assert.is(compareExact('dt_ms=1003\ncpu=1\n', 'dt_ms=<elapsed>\ncpu=0\n', ns), 'line 2: expected "cpu=0", got "cpu=1"');
  assert.equal(normalisationsFor({ note: 'as 06' }), []);
  assert.equal(normalisationsFor({}), []);
});

test('unordered comparison: same lines, same counts, any order', () => {
  assert.is(compareUnordered('b\na\na\n', 'a\nb\na\n'), undefined);
  assert.is(compareUnordered('a\nb\n', 'a\na\nb\n'), '"a" expected 2×, got 1×');
  assert.is(compareUnordered('a\nb\nc\n', 'a\nb\n'), 'unexpected "c" 1×');
  assert.is(compareUnordered('', 'w\nx\ny\nz\n'), '"w" expected 1×, got 0×; "x" expected 1×, got 0×; "y" expected 1×, got 0×; and 1 more');
});

test('timing-dependent cases: a repeated line only needs to appear', () => {
  const note = 'as 06, and timing-based (sleeps of about 4.5 s in all): tick counts depend on timing';
  assert.ok(timingDependent({ note }));
  assert.not.ok(timingDependent({ note: 'as 06' }));
  const expected = 'start\n  tick!\n  tick!\n  oneshot\n  tick!\ndone\n';
  assert.is(compareUnordered('start\n  tick!\n  oneshot\ndone\n', expected, [], true), undefined);
  assert.is(compareUnordered('start\n  oneshot\ndone\n', expected, [], true), '"  tick!" expected at least once, got 0×');
  assert.is(compareUnordered('start\n  tick!\ndone\n', expected, [], true), '"  oneshot" expected 1×, got 0×');
});

test('dump facts: module name and foreign symbols', () => {
  const text = 'CoreModule {coreName = "FFI_Puts", coreDecls = [CoreDecl "FFI_Puts.puts" (CForeignImport CCall "puts" (TCon "X"))]}';
  assert.equal(dumpFacts(text), { moduleName: 'FFI_Puts', foreignSymbols: ['puts'] });
  assert.equal(dumpFacts('UnboundName "M" "x"'), { moduleName: '', foreignSymbols: [] });
});

test('refusals: non-zero exit, a clear message naming what the kind requires, no stack trace', () => {
  const facts = { moduleName: 'RecordsDemo', foreignSymbols: ['puts'] };
  assert.is(checkRefusal('no-main', 1, 'x.core: error: module RecordsDemo has no main binding\n', facts), undefined);
  assert.is(checkRefusal('no-main', 0, '', facts), 'expected a non-zero exit, got 0');
  assert.is(checkRefusal('no-main', 1, '', facts), 'exit 1 with nothing on stderr');
  assert.is(checkRefusal('no-main', 1, 'error: no main binding\n', facts), 'stderr does not name the module RecordsDemo: error: no main binding');
  assert.is(checkRefusal('no-main', 1, 'error: RecordsDemo is empty\n', facts), 'stderr does not mention main: error: RecordsDemo is empty');
  assert.is(checkRefusal('frontend-error', 2, 'f:1:1: error: this file is a Lune frontend error report, not Core: X\n', facts), undefined);
  assert.is(checkRefusal('frontend-error', 2, 'f: error: bad input\n', facts), 'stderr does not say "frontend error": f: error: bad input');
  assert.is(checkRefusal('ffi', 2, 'f:1:5: error: foreign import of C symbol "puts" is not supported\n', facts), undefined);
  assert.is(checkRefusal('ffi', 2, 'f: error: foreign import\n', facts), 'stderr does not name the C symbol puts: f: error: foreign import');
  assert.is(checkRefusal('ffi', 70, 'TypeError: x is undefined\n    at foo (/a/b.ts:3:4)\n', facts), 'stderr holds a stack trace: TypeError: x is undefined');
});

test('HTTP responses: status line, content type, length, body', () => {
  const want = { status: 'HTTP/1.1 200 OK', body: '{"status":"ok"}' };
  const good = 'HTTP/1.1 200 OK\nContent-Length: 15\nContent-Type: application/json\n\n{"status":"ok"}';
  assert.is(checkHttpResponse(good, want), undefined);
  assert.is(checkHttpResponse(good.replace(/\n/g, '\r\n'), want), undefined);
  assert.is(checkHttpResponse(good.replace('200 OK', '404 Not Found'), want), 'expected status line "HTTP/1.1 200 OK", got "HTTP/1.1 404 Not Found"');
  assert.is(checkHttpResponse(good.replace('15', '14'), want), 'Content-Length "14" does not match the body (15)');
  assert.is(checkHttpResponse(good.replace('application/json', 'text/plain'), want), 'expected Content-Type: application/json, got "text/plain"');
  assert.is(checkHttpResponse(good.replace('"ok"', '"bad"'), want), 'expected body "{\\"status\\":\\"ok\\"}", got "{\\"status\\":\\"bad\\"}"');
  assert.is(checkHttpResponse('garbage', want), 'no blank line between headers and body in "garbage"');
});

test('manifest: the corpus loads; env paths become absolute', () => {
  const cases = loadManifest(corpus);
  assert.is(cases.length, 47);
  const sample = cases.find((c) => c.name === '61_System_Sample')!;
  assert.equal(caseEnv(sample, corpus), { LUNE_SYSTEM_ROOT: join(corpus, 'fixtures/sysroot') });
  assert.equal(caseEnv({ ...sample, env: { FLAG: '1' } }, corpus), { FLAG: '1' });
});

test('ratchet: broken and newly passing cases; updating keeps the file sorted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-'));
  try {
    const file = join(dir, 'passing.txt');
    assert.equal(readRatchet(file), []);
    writeFileSync(file, '# must keep passing\nb\n\na\n');
    assert.equal(readRatchet(file), ['b', 'a']);
    const ran = new Map([['a', 'pass'], ['b', 'fail'], ['c', 'pass'], ['d', 'skip']]);
    assert.equal(judgeRatchet(readRatchet(file), ran), { broken: ['b'], newlyPassing: ['c'] });
    // A listed case that was not run (e.g. filtered by --only) is not broken.
    assert.equal(judgeRatchet(['z'], ran).broken, []);
    addToRatchet(file, ['c']);
    assert.is(readFileSync(file, 'utf8'), '# must keep passing\na\nb\nc\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
