// ir/shared/prim-impl/testing.ts: helpers shared by the prim-impl tests (calling a primitive by name,
// building Lune lists and records, asserting the exact LuneError text).
import * as assert from 'uvu/assert';
import { showValue } from '../show';
import { type Value, LuneError, cons, mkCon, mkRecord, nil } from '../value';
import { pureImpls } from './index';

/** Applies the named primitive to its arguments. */
export function call(name: string, ...args: Value[]): Value {
  const f = pureImpls.get(name);
  if (f === undefined) throw new Error(`no primitive ${name}`);
  return f(args);
}

/** The primitive's result printed with showValue (what `--eval` would print). */
export const shown = (name: string, ...args: Value[]): string => showValue(call(name, ...args));

/** Asserts that the call throws a LuneError whose show text is exactly `message`. */
export function throwsLune(f: () => unknown, message: string): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof LuneError)) throw e;
    assert.is(e.show, message);
    return;
  }
  assert.unreachable(`expected LuneError ${message}`);
}

/** A Lune list, a record, and a `Lune.Prelude.<n>` constructor value. */
export const list = (xs: readonly Value[]): Value => xs.reduceRight<Value>((acc, x) => cons(x, acc), nil);
export const rec = (o: Record<string, Value>): Value => mkRecord(new Map(Object.entries(o)));
export const prelude = (n: string, ...args: Value[]): Value => mkCon('Lune.Prelude.' + n, args);

/** The payload of an `Ok x` result (fails the test otherwise). */
export function okValue(v: Value): Value {
  if (typeof v === 'object' && v.tag === 'Con' && v.name === 'Lune.Prelude.Ok' && v.args.length === 1) return v.args[0] as Value;
  return assert.unreachable(`expected Ok, got ${showValue(v)}`) as never;
}
