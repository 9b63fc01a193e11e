// ir/shared/prim-impl/bytes.ts: Bytes primitives (PRIMITIVES.md §3.13): immutable byte strings, big-endian
// packing, UTF-8 encoding and the text library's lenient UTF-8 decoding.
import { type Value, err, isCon, mkBytes, ok } from '../value';
import { type PrimImpl, isBytes, isInt, isString, notAFunction, toHaskellInt, toList } from './common';

/**
 * The Ints of a list, accepting any constructor whose name ends in `Nil`/`Cons` (the reference's
 * `valueToIntList` is lenient this way); undefined if it is not such a list of Ints.
 */
function intList(v: Value): bigint[] | undefined {
  const out: bigint[] = [];
  for (let cur = v; ; ) {
    if (!isCon(cur)) return undefined;
    if (cur.name.endsWith('Nil') && cur.args.length === 0) return out;
    const [x, rest] = cur.args;
    if (!cur.name.endsWith('Cons') || cur.args.length !== 2 || !isInt(x) || rest === undefined) return undefined;
    out.push(x);
    cur = rest;
  }
}

/** `drop start` then `take len`, each count first narrowed to a 64-bit Int; never fails. */
export function slice(bytes: Uint8Array, start: bigint, len: bigint): Uint8Array {
  const clamp = (n: bigint): number => Number(n < 0n ? 0n : n > BigInt(bytes.length) ? BigInt(bytes.length) : n);
  const from = clamp(toHaskellInt(start));
  return bytes.slice(from, from + clamp(toHaskellInt(len)));
}

// Big-endian bytes of the low `width` bits of n (two's complement).
function packBE(n: bigint, width: 16 | 32): Uint8Array {
  const u = BigInt.asUintN(width, n);
  const out = new Uint8Array(width / 8);
  for (let i = 0; i < out.length; i++) out[i] = Number((u >> BigInt(8 * (out.length - 1 - i))) & 0xffn);
  return out;
}

// The first `count` bytes as an unsigned big-endian integer, or the reference's Err text.
function unpackBE(bytes: Uint8Array, count: 2 | 4): Value {
  if (bytes.length < count) return err(`bytes too short for Int${count * 8}`);
  let n = 0n;
  for (let i = 0; i < count; i++) n = (n << 8n) | BigInt(bytes[i] as number);
  return ok(n);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }); // keep a BOM, as Data.Text does

/**
 * Lenient UTF-8 decoding exactly as Haskell's `decodeUtf8Lenient` (text library): at each position either a
 * well-formed sequence decodes, or one U+FFFD is emitted and decoding resumes at the NEXT byte. So every
 * byte of a broken sequence gets its own U+FFFD (`E2 82 41` → `\uFFFD\uFFFDA`), whereas TextDecoder
 * (WHATWG) would emit one U+FFFD per maximal subpart (`\uFFFDA`); TextDecoder is only the fast path for
 * valid input.
 */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    let out = '';
    for (let i = 0; i < bytes.length; ) {
      const n = sequenceLength(bytes, i);
      if (n === 0) {
        out += '\uFFFD';
        i++;
      } else {
        out += n === 1 ? String.fromCharCode(bytes[i] as number) : strictDecoder.decode(bytes.subarray(i, i + n));
        i += n;
      }
    }
    return out;
  }
}

// Length of the well-formed UTF-8 sequence starting at i (Unicode Table 3-7: no overlongs, surrogates
// or code points past U+10FFFF), or 0 if there is none.
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i] as number;
  const inRange = (k: number, lo: number, hi: number): boolean => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return inRange(1, 0x80, 0xbf) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const [lo, hi] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [lo, hi] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) && inRange(3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

const encoder = new TextEncoder();

// Every wrong-shaped argument is the reference's `NotAFunction <prim>` in this group.
const bytesTo = (f: (b: Uint8Array) => Value): PrimImpl => ([b]) => (isBytes(b) ? f(b.bytes) : notAFunction());

/** The Bytes primitives, by name. */
export const bytesImpls: ReadonlyMap<string, PrimImpl> = new Map<string, PrimImpl>([
  ['prim_bytesEmpty', () => mkBytes(new Uint8Array(0))],
  // Each Int modulo 256, rounding toward −∞, so always 0…255.
  ['prim_bytesFromList', ([l]) => {
    const xs = l === undefined ? undefined : intList(l);
    return xs === undefined ? notAFunction() : mkBytes(Uint8Array.from(xs, (x) => Number(((x % 256n) + 256n) % 256n)));
  }],
  ['prim_bytesToList', bytesTo((b) => toList(Array.from(b, (x) => BigInt(x))))],
  ['prim_bytesLength', bytesTo((b) => BigInt(b.length))],
  ['prim_bytesConcat', ([a, b]) => {
    if (!isBytes(a) || !isBytes(b)) return notAFunction();
    const out = new Uint8Array(a.bytes.length + b.bytes.length);
    out.set(a.bytes);
    out.set(b.bytes, a.bytes.length);
    return mkBytes(out);
  }],
  ['prim_bytesSlice', ([s, n, b]) => (isInt(s) && isInt(n) && isBytes(b) ? mkBytes(slice(b.bytes, s, n)) : notAFunction())],
  ['prim_bytesPackInt32BE', ([n]) => (isInt(n) ? mkBytes(packBE(n, 32)) : notAFunction())],
  ['prim_bytesUnpackInt32BE', bytesTo((b) => unpackBE(b, 4))],
  ['prim_bytesPackInt16BE', ([n]) => (isInt(n) ? mkBytes(packBE(n, 16)) : notAFunction())],
  ['prim_bytesUnpackInt16BE', bytesTo((b) => unpackBE(b, 2))],
  // A JS string of scalar values encodes as UTF-8; a stray surrogate would become EF BF BD (U+FFFD).
  ['prim_bytesFromString', ([s]) => (isString(s) ? mkBytes(encoder.encode(s)) : notAFunction())],
  ['prim_bytesToString', bytesTo(decodeUtf8Lenient)],
]);
