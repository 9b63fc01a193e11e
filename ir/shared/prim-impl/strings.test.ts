// ir/shared/prim-impl/strings.test.ts: String and Char primitives (PRIMITIVES.md §3.4), code-point semantics.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkChar, mkFloat } from '../value';
import { call, list, prelude, shown, throwsLune } from './testing';

const c = (s: string) => mkChar(s.codePointAt(0)!);

test('append / eq', () => {
  assert.is(call('prim_appendString', 'ab', 'cd'), 'abcd');
  assert.is(call('prim_appendString', '', 'λ'), 'λ');
  assert.is(shown('prim_eqString', 'é', 'é'), 'True');
  assert.is(shown('prim_eqString', 'é', 'e\u0301'), 'False'); // no normalisation
  assert.is(shown('prim_eqString', 'a', 'A'), 'False');
});

test('append / eq: ExpectedString of the first non-String', () => {
  throwsLune(() => call('prim_appendString', 1n, 2n), 'ExpectedString 1');
  throwsLune(() => call('prim_appendString', 'a', 2n), 'ExpectedString 2');
  throwsLune(() => call('prim_eqString', prelude('Nothing'), 'a'), 'ExpectedString Nothing');
  throwsLune(() => call('prim_eqString', 'a', mkFloat(1)), 'ExpectedString 1.0');
});

test('stringToChars: one Char per scalar value', () => {
  assert.is(shown('prim_stringToChars', 'héλ'), "Cons 'h' (Cons '\\233' (Cons '\\955' Nil))");
  assert.is(shown('prim_stringToChars', ''), 'Nil');
  assert.is(shown('prim_stringToChars', '😀'), "Cons '\\128512' Nil");
  throwsLune(() => call('prim_stringToChars', 1n), 'ExpectedString 1');
});

test('charsToString: skips non-Chars, surrogates become U+FFFD', () => {
  assert.is(call('prim_charsToString', list([c('h'), c('é'), c('😀')])), 'hé😀');
  assert.is(call('prim_charsToString', list([])), '');
  assert.is(call('prim_charsToString', list([c('a'), 5n, 'x', c('b')])), 'ab');
  assert.is(call('prim_charsToString', list([mkChar(0xd800), c('a'), mkChar(0xdfff)])), '\uFFFDa\uFFFD');
  throwsLune(() => call('prim_charsToString', 5n), 'NotARecord 5');
  throwsLune(() => call('prim_charsToString', prelude('Cons', c('a'), 5n)), "NotARecord Cons 'a' 5");
});

test('charToInt / intToChar', () => {
  assert.is(call('prim_charToInt', c('A')), 65n);
  assert.is(call('prim_charToInt', c('λ')), 955n);
  assert.is(shown('prim_intToChar', 97n), "'a'");
  assert.is(shown('prim_intToChar', 0x10ffffn), "'\\1114111'");
  assert.is(shown('prim_intToChar', 0xd800n), "'\\55296'"); // accepted as a Char
  assert.is(shown('prim_intToChar', 2n ** 64n + 65n), "'A'"); // narrowed to a 64-bit Int first
  throwsLune(() => call('prim_intToChar', 0x110000n), 'Prelude.chr: bad argument: 1114112');
  throwsLune(() => call('prim_intToChar', -1n), 'Prelude.chr: bad argument: (-1)');
  throwsLune(() => call('prim_charToInt', 65n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_intToChar', c('a')), 'NotAFunction <prim>');
});

test.run();
