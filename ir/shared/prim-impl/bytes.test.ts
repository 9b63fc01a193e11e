// ir/shared/prim-impl/bytes.test.ts: Bytes primitives (PRIMITIVES.md §3.13) and the text library's lenient
// UTF-8 decoding.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Value, mkBytes, mkCon, nil } from '../value';
import { decodeUtf8Lenient } from './bytes';
import { call, list, shown, throwsLune } from './testing';

const bytes = (...xs: number[]): Value => mkBytes(Uint8Array.from(xs));
const ints = (v: Value): string => shown('prim_bytesToList', v);

test('fromList: modulo 256, rounding toward minus infinity', () => {
  assert.is(ints(call('prim_bytesFromList', list([300n, -1n, 256n, 0n, 255n, -257n, 2n ** 70n + 7n]))),
    'Cons 44 (Cons 255 (Cons 0 (Cons 0 (Cons 255 (Cons 255 (Cons 7 Nil))))))');
  assert.is(shown('prim_bytesFromList', nil), '<bytes:0>');
  // lenient list shapes: any constructor ending in Nil / Cons
  const odd = mkCon('My.MyCons', [1n, mkCon('Other.Nil')]);
  assert.is(ints(call('prim_bytesFromList', odd)), 'Cons 1 Nil');
  throwsLune(() => call('prim_bytesFromList', list(['a'])), 'NotAFunction <prim>');
  throwsLune(() => call('prim_bytesFromList', 5n), 'NotAFunction <prim>');
});

test('empty, length, toList, concat', () => {
  assert.is(shown('prim_bytesEmpty'), '<bytes:0>');
  assert.is(call('prim_bytesLength', bytes(1, 2, 3)), 3n);
  assert.is(ints(bytes()), 'Nil');
  assert.is(ints(call('prim_bytesConcat', bytes(1, 2), bytes(3))), 'Cons 1 (Cons 2 (Cons 3 Nil))');
  assert.is(ints(call('prim_bytesConcat', bytes(), bytes())), 'Nil');
  throwsLune(() => call('prim_bytesConcat', bytes(), 1n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_bytesLength', 'x'), 'NotAFunction <prim>');
});

test('slice: never fails', () => {
  const b = bytes(0, 1, 2, 3, 4);
  const sl = (s: bigint, n: bigint) => ints(call('prim_bytesSlice', s, n, b));
  assert.is(sl(1n, 2n), 'Cons 1 (Cons 2 Nil)');
  assert.is(sl(-3n, 2n), 'Cons 0 (Cons 1 Nil)');
  assert.is(sl(9n, 2n), 'Nil');
  assert.is(sl(5n, 1n), 'Nil');
  assert.is(sl(1n, -1n), 'Nil');
  assert.is(sl(3n, 100n), 'Cons 3 (Cons 4 Nil)');
  assert.is(sl(0n, 0n), 'Nil');
  assert.is(sl(2n ** 64n + 1n, 1n), 'Cons 1 Nil'); // counts are narrowed to a 64-bit Int, as the reference
  assert.is(sl(10n ** 30n, 1n), 'Nil');
  throwsLune(() => call('prim_bytesSlice', 0n, 1n, 5n), 'NotAFunction <prim>');
});

test('pack / unpack big-endian', () => {
  assert.is(ints(call('prim_bytesPackInt32BE', 305419896n)), 'Cons 18 (Cons 52 (Cons 86 (Cons 120 Nil)))');
  assert.is(ints(call('prim_bytesPackInt32BE', -1n)), 'Cons 255 (Cons 255 (Cons 255 (Cons 255 Nil)))');
  assert.is(ints(call('prim_bytesPackInt32BE', 2n ** 32n + 5n)), 'Cons 0 (Cons 0 (Cons 0 (Cons 5 Nil)))');
  assert.is(ints(call('prim_bytesPackInt16BE', 1000n)), 'Cons 3 (Cons 232 Nil)');
  assert.is(ints(call('prim_bytesPackInt16BE', -2n)), 'Cons 255 (Cons 254 Nil)');
  assert.is(shown('prim_bytesUnpackInt32BE', call('prim_bytesPackInt32BE', -1n)), 'Ok 4294967295');
  assert.is(shown('prim_bytesUnpackInt32BE', bytes(18, 52, 86, 120, 9)), 'Ok 305419896');
  assert.is(shown('prim_bytesUnpackInt32BE', bytes(1, 2, 3)), 'Err "bytes too short for Int32"');
  assert.is(shown('prim_bytesUnpackInt16BE', bytes(3, 232)), 'Ok 1000');
  assert.is(shown('prim_bytesUnpackInt16BE', bytes(255, 255, 1)), 'Ok 65535');
  assert.is(shown('prim_bytesUnpackInt16BE', bytes(1)), 'Err "bytes too short for Int16"');
  throwsLune(() => call('prim_bytesPackInt32BE', 'x'), 'NotAFunction <prim>');
  throwsLune(() => call('prim_bytesUnpackInt16BE', 1n), 'NotAFunction <prim>');
});

test('UTF-8 encode / decode', () => {
  assert.is(ints(call('prim_bytesFromString', 'aé€😀')),
    'Cons 97 (Cons 195 (Cons 169 (Cons 226 (Cons 130 (Cons 172 (Cons 240 (Cons 159 (Cons 152 (Cons 128 Nil)))))))))');
  assert.is(call('prim_bytesToString', call('prim_bytesFromString', 'aé€😀\u0000')), 'aé€😀\u0000');
  assert.is(call('prim_bytesToString', bytes(0xef, 0xbb, 0xbf, 0x41)), '\ufeffA'); // a BOM is kept
  throwsLune(() => call('prim_bytesFromString', 1n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_bytesToString', 'x'), 'NotAFunction <prim>');
});

test('lenient decode: one U+FFFD per byte that does not start a valid sequence', () => {
  const d = (...xs: number[]) => decodeUtf8Lenient(Uint8Array.from(xs));
  const R = '\uFFFD';
  assert.is(d(0x41, 0xff, 0x42), `A${R}B`);
  assert.is(d(0x80), R);
  assert.is(d(0xe2, 0x82, 0x41), `${R}${R}A`); // truncated 3-byte sequence: text resumes after the lead byte
  assert.is(d(0xe2, 0x82), `${R}${R}`); // incomplete at the end
  assert.is(d(0xf0, 0x9f, 0x98), `${R}${R}${R}`);
  assert.is(d(0xc0, 0x80), `${R}${R}`); // overlong
  assert.is(d(0xed, 0xa0, 0x80), `${R}${R}${R}`); // encoded surrogate
  assert.is(d(0xf4, 0x90, 0x80, 0x80), `${R}${R}${R}${R}`); // past U+10FFFF
  assert.is(d(0xe2, 0x82, 0xac, 0xff, 0xc3, 0xa9), `€${R}é`);
  assert.is(d(0xef, 0xbb, 0xbf, 0xff), `\ufeff${R}`);
});

test.run();
