// ir/shared/prim-impl/strings.ts: String and Char primitives (PRIMITIVES.md §3.4). Strings are sequences of
// Unicode scalar values: code-point operations go through Array.from / String.fromCodePoint.
import { LuneError, type Value, bool, mkChar } from '../value';
import {
  type PrimImpl, isChar, isInt, isString, listElements, notAFunction, showIntPrec9, toHaskellInt, toList, wrongValue,
} from './common';

// Two Strings, else `ExpectedString` of the first non-String argument.
const string2 = (f: (a: string, b: string) => Value): PrimImpl => ([a, b]) => {
  if (isString(a) && isString(b)) return f(a, b);
  if (a === undefined || b === undefined) return notAFunction();
  return wrongValue('ExpectedString', isString(a) ? b : a);
};

/** A code point as it appears inside a String: surrogates (D800–DFFF) become U+FFFD, as Data.Text does. */
export const scalarChar = (code: number): string =>
  code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : String.fromCodePoint(code);

/**
 * Haskell's `chr . fromIntegral`: the Integer is first narrowed to a 64-bit Int, then must be in
 * 0…0x10FFFF. Haskell fails lazily, when the Char is used; we fail eagerly.
 */
export function intToChar(n: bigint): Value {
  const i = toHaskellInt(n);
  if (i < 0n || i > 0x10ffffn) throw new LuneError(`Prelude.chr: bad argument: ${showIntPrec9(i)}`);
  return mkChar(Number(i));
}

/** The String and Char primitives, by name. */
export const stringImpls: ReadonlyMap<string, PrimImpl> = new Map<string, PrimImpl>([
  ['prim_appendString', string2((a, b) => a + b)],
  ['prim_eqString', string2((a, b) => bool(a === b))],
  ['prim_stringToChars', ([s]) => {
    if (!isString(s)) return s === undefined ? notAFunction() : wrongValue('ExpectedString', s);
    return toList(Array.from(s, (c) => mkChar(c.codePointAt(0)!)));
  }],
  // Quirk kept from the Haskell evaluator: list elements that are not Chars are skipped silently.
  ['prim_charsToString', ([l]) => {
    if (l === undefined) return notAFunction();
    const xs = listElements(l);
    if (xs === undefined) return wrongValue('NotARecord', l);
    let s = '';
    for (const x of xs) if (isChar(x)) s += scalarChar(x.code);
    return s;
  }],
  ['prim_charToInt', ([c]) => (isChar(c) ? BigInt(c.code) : notAFunction())],
  ['prim_intToChar', ([n]) => (isInt(n) ? intToChar(n) : notAFunction())],
]);
