// ir/shared/prim-impl/json.test.ts: the JSON parser (every error string), stringify escaping, constructors
// and accessors (PRIMITIVES.md §3.10).
import { test } from 'uvu';
import fc from 'fast-check';
import * as assert from 'uvu/assert';
import { showValue } from '../show';
import { type Json, type Value, falseV, mkFloat, nil, trueV } from '../value';
import { parseJson, stringifyJson } from './json';
import { call, list, okValue, rec, shown, throwsLune } from './testing';

// What parsing gives, as `ok <stringified>` or `err <message>`.
function roundTrip(input: string): string {
  const r = parseJson(input);
  return r.ok ? 'ok ' + stringifyJson(r.json) : 'err ' + r.error;
}

const table: readonly (readonly [string, string])[] = [
  // the §3.10 example
  ['{"a":1,"b":[true,false,null],"c":1.5e2,"d":"x\\u00e9\\n"}', 'ok {"a":1,"b":[true,false,null],"c":150.0,"d":"xé\\n"}'],
  // whitespace is Haskell's isSpace
  ['  null  ', 'ok null'],
  ['\u00a0 1 \u2003', 'ok 1'],
  ['\u000b\u000c\t\r\n[\u3000]\u1680', 'ok []'],
  ['\u200b1', 'err unexpected character: \u200b'],
  ['\ufeff1', 'err unexpected character: \ufeff'],
  ['\u20281', 'err unexpected character: \u2028'],
  // literals are prefix-matched
  ['nullx', 'err trailing garbage after JSON value'],
  ['[truex]', "err expected ',' or ']' in array"],
  ['nul', 'err unexpected character: n'],
  ['fals', 'err unexpected character: f'],
  ['True', 'err unexpected character: T'],
  ['', 'err unexpected end of input'],
  ['   ', 'err unexpected end of input'],
  ['@', 'err unexpected character: @'],
  ['😀', 'err unexpected character: 😀'],
  ['1 2', 'err trailing garbage after JSON value'],
  ['[1,2]x', 'err trailing garbage after JSON value'],
  // strings
  ['"abc', 'err unterminated string'],
  ['"a\\', 'err unterminated string'],
  ['"\\x"', 'err invalid escape: \\x'],
  ['"\\U0041"', 'err invalid escape: \\U'],
  ['"\\u12G4"', 'err invalid unicode escape'],
  ['"\\u12"', 'err truncated unicode escape'],
  ['"\\u123"', 'err invalid unicode escape'], // four characters remain (`123"`), not hex
  ['"\\u0041\\u00E9\\u00e9"', 'ok "Aéé"'],
  ['"\\ud83d\\ude00"', 'ok "\uFFFD\uFFFD"'],
  ['"\\"\\\\\\/\\n\\r\\t\\b\\f"', 'ok "\\"\\\\/\\n\\r\\t\\b\\f"'],
  ['"a\tb\u0001"', 'ok "a\\tb\\u0001"'], // raw control characters are accepted
  ['"é😀\u007f"', 'ok "é😀\u007f"'],
  ['"\\u0000"', 'ok "\\u0000"'],
  // numbers
  ['01', 'ok 1'],
  ['00.5', 'ok 0.5'],
  ['-0', 'ok 0'],
  ['-0.0', 'ok -0.0'],
  ['-12', 'ok -12'],
  ['12345678901234567890123', 'ok 12345678901234567890123'],
  ['1.', 'err invalid number'],
  ['-', 'err invalid number'],
  ['--1', 'err invalid number'],
  ['.5', 'err unexpected character: .'],
  ['+1', 'err unexpected character: +'],
  ['1-2', 'err invalid number'],
  ['1+2', 'err invalid number'],
  ['1.5.3', 'err invalid number'],
  ['2.5e', 'err invalid number'],
  ['1e5', 'ok 100000.0'],
  ['1E2', 'ok 100.0'],
  ['1e+2', 'ok 100.0'],
  ['1.5e-3', 'ok 1.5e-3'],
  ['12345678.9', 'ok 1.23456789e7'],
  ['1e400', 'ok Infinity'],
  ['-1e400', 'ok -Infinity'],
  ['1e-400', 'ok 0.0'],
  ['0e5', 'ok 0.0'],
  ['1e99999999999999999999', 'ok Infinity'],
  ['1e-99999999999999999999', 'ok Infinity'], // GHC's Read Double: exponent beyond Int → ±Infinity
  ['-1e-99999999999999999999', 'ok -Infinity'],
  ['[1e2,2]', 'ok [100.0,2]'],
  ['1x', 'err trailing garbage after JSON value'],
  // arrays and objects
  ['[]', 'ok []'],
  [' [ ] ', 'ok []'],
  ['{}', 'ok {}'],
  ['{ }', 'ok {}'],
  ['[ 1 , [ 2 ] , { } ]', 'ok [1,[2],{}]'],
  ['{ "a" : 1 , "a" : 2 }', 'ok {"a":1,"a":2}'],
  ['[1,]', 'err unexpected character: ]'],
  ['[,1]', 'err unexpected character: ,'],
  ['[1 2]', "err expected ',' or ']' in array"],
  ['[1', "err expected ',' or ']' in array"],
  ['[', 'err unexpected end of input'],
  ['{"a":1,}', 'err expected string key in object'],
  ['{1:2}', 'err expected string key in object'],
  ['{', 'err expected string key in object'],
  ['{"a', 'err unterminated string'],
  ['{"a" 1}', "err expected ':' after key in object"],
  ['{"a"', "err expected ':' after key in object"],
  ['{"a":}', 'err unexpected character: }'],
  ['{"a":1 "b":2}', "err expected ',' or '}' in object"],
  ['{"a":1', "err expected ',' or '}' in object"],
  ['{"\\ud800":1}', 'ok {"\uFFFD":1}'],
];

for (const [input, want] of table) {
  test(`parse ${JSON.stringify(input)}`, () => assert.is(roundTrip(input), want));
}

test('parse through the primitive: Ok <json> / Err "…"', () => {
  assert.is(shown('prim_jsonParse', '[1]'), 'Ok <json>');
  assert.is(shown('prim_jsonParse', '[1,]'), 'Err "unexpected character: ]"');
  throwsLune(() => call('prim_jsonParse', 1n), 'ExpectedString 1');
});

test('ints and floats stay distinct', () => {
  const j = call('prim_jsonParse', '[3, 3.0, 99999999999999999999]');
  const arr = okValue(j);
  assert.is(showValue(call('prim_jsonToArray', arr)), 'Ok (Cons <json> (Cons <json> (Cons <json> Nil)))');
  const items = [0n, 1n, 2n].map((i) => okValue(call('prim_jsonGetIndex', i, arr)));
  assert.equal(items.map((x) => call('prim_jsonType', x)), ['int', 'float', 'int']);
  assert.is(shown('prim_jsonToInt', items[1] as Value), 'Err "expected int"');
  assert.is(shown('prim_jsonToInt', items[2] as Value), 'Ok 99999999999999999999');
  assert.is(shown('prim_jsonToFloat', items[0] as Value), 'Ok 3.0');
});

test('stringify: escaping and float format', () => {
  const s = (v: Value) => call('prim_jsonStringify', v);
  assert.is(s(call('prim_jsonString', '"\\\n\r\t\b\f\u0001\u001f/\u007fé😀')), '"\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f/\u007fé😀"');
  assert.is(s(call('prim_jsonString', '\u001b')), '"\\u001b"');
  assert.is(s(call('prim_jsonFloat', mkFloat(150))), '150.0');
  assert.is(s(call('prim_jsonFloat', mkFloat(0.01))), '1.0e-2');
  assert.is(s(call('prim_jsonFloat', mkFloat(12345678))), '1.2345678e7');
  assert.is(s(call('prim_jsonFloat', mkFloat(NaN))), 'NaN');
  assert.is(s(call('prim_jsonFloat', mkFloat(Infinity))), 'Infinity');
  assert.is(s(call('prim_jsonFloat', mkFloat(-Infinity))), '-Infinity');
  assert.is(s(call('prim_jsonInt', -(10n ** 20n))), '-100000000000000000000');
  assert.is(s(call('prim_jsonNull')), 'null');
  assert.is(s(call('prim_jsonBool', trueV)), 'true');
  assert.is(s(call('prim_jsonBool', falseV)), 'false');
  throwsLune(() => s(1n), 'ExpectedJson 1');
});

test('array / object constructors', () => {
  const j = call('prim_jsonObject', list([
    rec({ key: 'b', value: call('prim_jsonArray', list([call('prim_jsonInt', 1n), call('prim_jsonNull')])) }),
    rec({ key: 'a', value: call('prim_jsonString', 'x'), extra: 5n }),
    rec({ key: 'b', value: call('prim_jsonBool', trueV) }),
  ]));
  assert.is(call('prim_jsonStringify', j), '{"b":[1,null],"a":"x","b":true}');
  assert.is(call('prim_jsonStringify', call('prim_jsonArray', nil)), '[]');
  assert.is(call('prim_jsonStringify', call('prim_jsonObject', nil)), '{}');
  throwsLune(() => call('prim_jsonArray', list([call('prim_jsonNull'), 5n])), 'ExpectedJson 5');
  throwsLune(() => call('prim_jsonArray', 5n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonObject', list([rec({ key: 1n, value: call('prim_jsonNull') })])), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonObject', list([rec({ key: 'a' })])), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonObject', list([5n])), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonObject', 'x'), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonBool', 1n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonInt', mkFloat(1)), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonFloat', 1n), 'NotAFunction <prim>');
  throwsLune(() => call('prim_jsonString', 1n), 'ExpectedString 1');
});

test('getField: last duplicate wins; exact Err texts', () => {
  const parsed = (s: string) => okValue(call('prim_jsonParse', s));
  const o = parsed('{"a":1,"b":2,"a":3}');
  assert.is(call('prim_jsonStringify', okValue(call('prim_jsonGetField', 'a', o))), '3');
  assert.is(shown('prim_jsonGetField', 'zz', o), 'Err "missing field: zz"');
  assert.is(shown('prim_jsonGetField', 'a', parsed('[1]')), 'Err "expected object"');
  throwsLune(() => call('prim_jsonGetField', 1n, o), 'ExpectedString 1');
  throwsLune(() => call('prim_jsonGetField', 'a', 1n), 'ExpectedJson 1');
});

test('getIndex: bounds, 64-bit narrowing, odd error', () => {
  const arr = okValue(call('prim_jsonParse', '[10,20]'));
  const at = (i: bigint) => {
    const r = call('prim_jsonGetIndex', i, arr);
    return showValue(r).startsWith('Ok') ? 'Ok ' + call('prim_jsonStringify', okValue(r)) : showValue(r);
  };
  assert.is(at(0n), 'Ok 10');
  assert.is(at(1n), 'Ok 20');
  assert.is(at(2n), 'Err "index out of bounds: 2"');
  assert.is(at(-1n), 'Err "index out of bounds: -1"');
  assert.is(at(2n ** 64n + 1n), 'Ok 20'); // wraps before the check, as the reference
  assert.is(shown('prim_jsonGetIndex', 0n, call('prim_jsonNull')), 'Err "expected array"');
  throwsLune(() => call('prim_jsonGetIndex', 0n, 5n), 'ExpectedJson 5');
  throwsLune(() => call('prim_jsonGetIndex', 'x', arr), 'ExpectedJson <json>');
});

test('toX conversions and type / isNull', () => {
  const p = (s: string) => okValue(call('prim_jsonParse', s));
  assert.is(shown('prim_jsonToArray', p('[]')), 'Ok Nil');
  assert.is(shown('prim_jsonToArray', p('{}')), 'Err "expected array"');
  assert.is(shown('prim_jsonToBool', p('true')), 'Ok True');
  assert.is(shown('prim_jsonToBool', p('false')), 'Ok False');
  assert.is(shown('prim_jsonToBool', p('0')), 'Err "expected bool"');
  assert.is(shown('prim_jsonToInt', p('-7')), 'Ok -7');
  assert.is(shown('prim_jsonToInt', p('3.0')), 'Err "expected int"');
  assert.is(shown('prim_jsonToFloat', p('2.5')), 'Ok 2.5');
  assert.is(shown('prim_jsonToFloat', p('7')), 'Ok 7.0');
  assert.is(shown('prim_jsonToFloat', p('"7"')), 'Err "expected number"');
  assert.is(shown('prim_jsonToString', p('"hi"')), 'Ok "hi"');
  assert.is(shown('prim_jsonToString', p('null')), 'Err "expected string"');
  assert.equal(['null', 'true', '1', '1.5', '"s"', '[]', '{}'].map((s) => call('prim_jsonType', p(s))),
    ['null', 'bool', 'int', 'float', 'string', 'array', 'object']);
  assert.is(shown('prim_jsonIsNull', p('null')), 'True');
  assert.is(shown('prim_jsonIsNull', p('0')), 'False');
  for (const name of ['prim_jsonToArray', 'prim_jsonToBool', 'prim_jsonToInt', 'prim_jsonToFloat', 'prim_jsonToString',
    'prim_jsonType', 'prim_jsonIsNull']) throwsLune(() => call(name, 'x'), 'ExpectedJson "x"');
});

// Json trees without NaN/±Infinity (stringified as non-JSON tokens), over all scalar values for strings.
const arbJson: fc.Arbitrary<Json> = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Json>({ k: 'null' }),
    fc.boolean().map<Json>((v) => ({ k: 'bool', v })),
    fc.bigInt().map<Json>((v) => ({ k: 'int', v })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map<Json>((v) => ({ k: 'float', v })),
    fc.string({ unit: 'binary' }).map<Json>((v) => ({ k: 'string', v })),
    fc.array(tie('json')).map<Json>((v) => ({ k: 'array', v })),
    fc.array(fc.tuple(fc.string({ unit: 'binary' }), tie('json'))).map<Json>((v) => ({ k: 'object', v })),
  ),
})).json;

test('parse (stringify j) = j for every Json without NaN/Infinity (fixed seed)', () => {
  fc.assert(fc.property(arbJson, (j) => {
    const r = parseJson(stringifyJson(j));
    return r.ok && stringifyJson(r.json) === stringifyJson(j) && sameJson(r.json, j);
  }), { seed: 7, numRuns: 3000 });
});

// Structural equality that tells 0.0 from -0.0 and ints from floats.
function sameJson(a: Json, b: Json): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'array': return b.k === 'array' && a.v.length === b.v.length && a.v.every((x, i) => sameJson(x, b.v[i] as Json));
    case 'object': return b.k === 'object' && a.v.length === b.v.length
      && a.v.every(([k, x], i) => k === (b.v[i] as readonly [string, Json])[0] && sameJson(x, (b.v[i] as readonly [string, Json])[1]));
    default: return Object.is((a as { v?: unknown }).v, (b as { v?: unknown }).v);
  }
}

test('deep nesting: fine at 1000 levels, a clear error (not a stack trace) past the JS stack', () => {
  assert.is(roundTrip('['.repeat(1000) + ']'.repeat(1000)), 'ok ' + '['.repeat(1000) + ']'.repeat(1000));
  throwsLune(() => parseJson('['.repeat(1_000_000)), 'JSON nested too deeply for the evaluator');
});

test.run();
