// ir/shared/show.test.ts: the value printer against PRIMITIVES.md §1.11 and GHC's string/char escapes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { showChar, showString, showValue } from './show';
import {
  type Value, cons, just, mkBytes, mkChar, mkCon, mkFloat, mkJson, mkRecord, nil, nothing, unit,
} from './value';

const list = (xs: readonly Value[]): Value => xs.reduceRight<Value>((acc, x) => cons(x, acc), nil);
const rec = (o: Record<string, Value>): Value => mkRecord(new Map(Object.entries(o)));
const con = (n: string, ...args: Value[]): Value => mkCon('Lune.Prelude.' + n, args);

test('ints, floats', () => {
  assert.is(showValue(42n), '42');
  assert.is(showValue(-5n), '-5');
  assert.is(showValue(123456789012345678901234567890n), '123456789012345678901234567890');
  assert.is(showValue(mkFloat(2.5)), '2.5');
  assert.is(showValue(mkFloat(0.01)), '1.0e-2');
  assert.is(showValue(mkFloat(-0)), '-0.0');
});

test('strings: Haskell escapes', () => {
  assert.is(showString('hello'), '"hello"');
  assert.is(showString('a"b\\c'), '"a\\"b\\\\c"');
  assert.is(showString("it's"), `"it's"`);
  assert.is(showString('\n\t\r\x07\b\f\v'), '"\\n\\t\\r\\a\\b\\f\\v"');
  assert.is(showString('\x00\x01\x1b\x1f\x7f'), '"\\NUL\\SOH\\ESC\\US\\DEL"');
  assert.is(showString('λ'), '"\\955"');
  assert.is(showString('λ1'), '"\\955\\&1"');
  assert.is(showString('λx'), '"\\955x"');
  assert.is(showString('é9é'), '"\\233\\&9\\233"');
  assert.is(showString('\x0eH'), '"\\SO\\&H"');
  assert.is(showString('\x0eI'), '"\\SOI"');
  assert.is(showString('\x01' + '2'), '"\\SOH2"');
  assert.is(showString('\x80'), '"\\128"');
  assert.is(showString('😀'), '"\\128512"');
  assert.is(showString(''), '""');
  assert.is(showValue('x\ny'), '"x\\ny"');
});

test('chars', () => {
  assert.is(showChar(97), "'a'");
  assert.is(showChar(10), "'\\n'");
  assert.is(showChar(0x27), "'\\''");
  assert.is(showChar(0x22), `'"'`);
  assert.is(showChar(955), "'\\955'");
  assert.is(showChar(0), "'\\NUL'");
  assert.is(showChar(14), "'\\SO'");
  assert.is(showChar(0x5c), "'\\\\'");
  assert.is(showValue(mkChar(0x7f)), "'\\DEL'");
});

test('constructors: parenthesisation rule', () => {
  assert.is(showValue(just(just(1n))), 'Just (Just 1)');
  assert.is(showValue(just(-1n)), 'Just -1');
  assert.is(showValue(list([1n, 2n])), 'Cons 1 (Cons 2 Nil)');
  assert.is(showValue(con('Ok', mkFloat(-2.5))), 'Ok -2.5');
  assert.is(showValue(con('Task', { tag: 'IO' })), 'Task <io>');
  assert.is(showValue(nothing), 'Nothing');
  assert.is(showValue(just(nothing)), 'Just Nothing');
  assert.is(showValue(unit), 'Unit');
  assert.is(showValue(con('Err', 'port out of range')), 'Err "port out of range"');
  assert.is(showValue(con('Pair', 1n, just(2n))), 'Pair 1 (Just 2)');
  assert.is(showValue(mkCon('My.Mod.Point', [1n, 2n])), 'Point 1 2');
  assert.is(showValue(mkCon('Point', [])), 'Point');
  assert.is(showValue(just(rec({ a: 1n }))), 'Just ({ a = 1 })');
  assert.is(showValue(just(rec({}))), 'Just ({  })');
});

test('records: sorted, space before comma, empty', () => {
  assert.is(showValue(rec({ b: 'x', a: mkFloat(1.5) })), '{ a = 1.5 , b = "x" }');
  assert.is(showValue(rec({})), '{  }');
  assert.is(showValue(rec({ x: just(1n) })), '{ x = Just 1 }');
  assert.is(showValue(rec({ z: rec({ y: 1n }), a: nil })), '{ a = Nil , z = { y = 1 } }');
  assert.is(showValue(rec({ B: 1n, a: 2n, _c: 3n })), '{ B = 1 , _c = 3 , a = 2 }');
});

test('opaque values', () => {
  assert.is(showValue({ tag: 'Template', node: { k: 'leaf', parts: [], empty: true, startsNL: false, endsNL: false, block: false } }), '<template>');
  assert.is(showValue(mkJson({ k: 'null' })), '<json>');
  assert.is(showValue(mkBytes(new Uint8Array(3))), '<bytes:3>');
  assert.is(showValue({ tag: 'Closure' }), '<closure>');
  assert.is(showValue({ tag: 'Prim' }), '<prim>');
  assert.is(showValue({ tag: 'IO' }), '<io>');
  assert.is(showValue({ tag: 'STM' }), '<stm>');
  assert.is(showValue({ tag: 'TVar', id: 7 }), '<tvar:7>');
  assert.is(showValue({ tag: 'Fiber', id: 1 }), '<fiber>');
  assert.is(showValue({ tag: 'Socket', id: 0 }), '<socket:0>');
  assert.is(showValue({ tag: 'Conn', id: 2 }), '<conn:2>');
  assert.is(showValue({ tag: 'TlsConn', id: 3 }), '<tlsconn:3>');
  assert.is(showValue({ tag: 'Process' }), '<process>');
  assert.is(showValue({ tag: 'Thunk' }), '<thunk>');
});

test('a 1,000,000-element list does not overflow the stack', () => {
  let l: Value = nil;
  for (let i = 0; i < 1_000_000; i++) l = cons(1n, l);
  const s = showValue(l);
  assert.is(s.length, 'Cons 1 '.length * 1_000_000 + 'Nil'.length + '()'.length * 999_999);
  assert.ok(s.startsWith('Cons 1 (Cons 1 (Cons 1 ('));
  assert.ok(s.endsWith('Cons 1 Nil' + ')'.repeat(999_999)));
});

test('deeply nested records and Justs', () => {
  let v: Value = 0n;
  for (let i = 0; i < 200_000; i++) v = i % 2 ? just(v) : rec({ f: v });
  assert.ok(showValue(v).startsWith('Just ({ f = Just ({ f = '));
});

test.run();
