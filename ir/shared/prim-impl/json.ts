// ir/shared/prim-impl/json.ts: JSON primitives (PRIMITIVES.md §3.10): the reference's lenient
// recursive-descent parser (exact error strings), compact stringify, constructors and accessors.
import { showFloat } from '../float-format';
import { type Json, LuneError, type Value, bool, err, falseV, mkFloat, mkJson, ok, trueV } from '../value';
import {
  type PrimImpl, isFloat, isInt, isJson, isString, listElements, notAFunction, toHaskellInt, toList, wrongValue,
} from './common';

/** Parses like the reference: `{ ok: true, json }` or `{ ok: false, error }` with its exact message. */
export function parseJson(input: string): { ok: true; json: Json } | { ok: false; error: string } {
  const p = new Parser(Array.from(input, (c) => c.codePointAt(0)!));
  try {
    const json = p.value();
    p.skipSpace();
    if (p.pos < p.cs.length) return { ok: false, error: 'trailing garbage after JSON value' };
    return { ok: true, json };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw tooDeep(e);
  }
}

// The parser and stringify recurse once per nesting level; Haskell has no such limit, so a JS stack
// overflow (thousands of levels) is reported as a clear runtime error instead of a stack trace.
function tooDeep(e: unknown): unknown {
  return e instanceof RangeError ? new LuneError('JSON nested too deeply for the evaluator') : e;
}

class ParseError extends Error {}
const fail = (msg: string): never => {
  throw new ParseError(msg);
};

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
// Haskell's isSpace: \t \n \v \f \r, space, U+00A0, and above U+0377 the Unicode Zs category.
const isSpace = (c: number): boolean =>
  c === 0x20 || (c >= 9 && c <= 13) || c === 0xa0 || (c > 0x377 && /\p{Zs}/u.test(String.fromCodePoint(c)));
const isNumberChar = (c: number): boolean =>
  isDigit(c) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45; // - + . e E

const intLiteral = /^-?[0-9]+$/;
const floatLiteral = /^(-?)[0-9]+(?:\.[0-9]+)?(?:[eE]([+-]?[0-9]+))?$/;
const int64Max = 2n ** 63n - 1n;
const int64Min = -(2n ** 63n);

// A cursor over the input's code points (Haskell parses a String, i.e. a list of Chars).
class Parser {
  pos = 0;
  constructor(readonly cs: readonly number[]) {}

  skipSpace(): void {
    while (this.pos < this.cs.length && isSpace(this.cs[this.pos] as number)) this.pos++;
  }

  // Looks at the code points from pos, e.g. to prefix-match `null` (no delimiter check, as the reference).
  private startsWith(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.cs[this.pos + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  value(): Json {
    this.skipSpace();
    const c = this.cs[this.pos];
    if (c === undefined) return fail('unexpected end of input');
    for (const [word, json] of literals) {
      if (this.startsWith(word)) {
        this.pos += word.length;
        return json;
      }
    }
    if (c === 0x22) { this.pos++; return { k: 'string', v: this.string() }; }
    if (c === 0x5b) { this.pos++; return this.array(); }
    if (c === 0x7b) { this.pos++; return this.object(); }
    if (c === 0x2d || isDigit(c)) return this.number();
    return fail('unexpected character: ' + String.fromCodePoint(c));
  }

  // After the opening quote; consumes the closing one. `\u` surrogates become U+FFFD each (never paired).
  string(): string {
    let out = '';
    for (;;) {
      const c = this.cs[this.pos++];
      if (c === undefined) return fail('unterminated string');
      if (c === 0x22) return out;
      const e = c === 0x5c ? this.cs[this.pos] : undefined;
      if (e === undefined) { out += scalar(c); continue; } // not a backslash, or one at the very end
      this.pos++;
      const simple = simpleEscapes.get(e);
      if (simple !== undefined) out += simple;
      else if (e === 0x75) out += scalar(this.unicodeEscape());
      else fail('invalid escape: \\' + String.fromCodePoint(e));
    }
  }

  // The four hex digits after `\u`; "truncated" counts what is left of the whole input.
  private unicodeEscape(): number {
    if (this.cs.length - this.pos < 4) return fail('truncated unicode escape');
    const hex = fromCodePoints(this.cs.slice(this.pos, this.pos + 4));
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail('invalid unicode escape');
    this.pos += 4;
    return parseInt(hex, 16);
  }

  // The maximal run of `0-9 + - . e E`, then validated as a whole (Haskell `reads` must consume it all).
  number(): Json {
    const start = this.pos;
    while (this.pos < this.cs.length && isNumberChar(this.cs[this.pos] as number)) this.pos++;
    const run = fromCodePoints(this.cs.slice(start, this.pos));
    if (!/[.eE]/.test(run)) return intLiteral.test(run) ? { k: 'int', v: BigInt(run) } : fail('invalid number');
    const m = floatLiteral.exec(run);
    if (m === null) return fail('invalid number');
    // GHC's Read Double gives ±Infinity when the exponent does not fit an Int, even for tiny values.
    const exp = m[2] === undefined ? 0n : BigInt(m[2]);
    if (exp > int64Max || exp < int64Min) return { k: 'float', v: m[1] === '-' ? -Infinity : Infinity };
    return { k: 'float', v: Number(run) }; // correctly rounded, like fromRational; 1e400 → Infinity
  }

  // After `[`.
  array(): Json {
    const items: Json[] = [];
    this.skipSpace();
    if (this.cs[this.pos] === 0x5d) { this.pos++; return { k: 'array', v: items }; }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      const c = this.cs[this.pos++];
      if (c === 0x5d) return { k: 'array', v: items };
      if (c !== 0x2c) return fail("expected ',' or ']' in array");
    }
  }

  // After `{`.
  object(): Json {
    const pairs: (readonly [string, Json])[] = [];
    this.skipSpace();
    if (this.cs[this.pos] === 0x7d) { this.pos++; return { k: 'object', v: pairs }; }
    for (;;) {
      this.skipSpace();
      if (this.cs[this.pos++] !== 0x22) return fail('expected string key in object');
      const key = this.string();
      this.skipSpace();
      if (this.cs[this.pos++] !== 0x3a) return fail("expected ':' after key in object");
      pairs.push([key, this.value()]);
      this.skipSpace();
      const c = this.cs[this.pos++];
      if (c === 0x7d) return { k: 'object', v: pairs };
      if (c !== 0x2c) return fail("expected ',' or '}' in object");
    }
  }
}

const literals: readonly (readonly [string, Json])[] = [
  ['null', { k: 'null' }], ['true', { k: 'bool', v: true }], ['false', { k: 'bool', v: false }]];
const simpleEscapes: ReadonlyMap<number, string> = new Map([
  [0x22, '"'], [0x5c, '\\'], [0x2f, '/'], [0x6e, '\n'], [0x72, '\r'], [0x74, '\t'], [0x62, '\b'], [0x66, '\f']]);
// No spread: a long number run would exceed the engine's argument limit.
const fromCodePoints = (cs: readonly number[]): string => cs.map((c) => String.fromCodePoint(c)).join('');
// Data.Text cannot hold surrogate code points: T.pack turns each into U+FFFD.
const scalar = (c: number): string => (c >= 0xd800 && c <= 0xdfff ? '\uFFFD' : String.fromCodePoint(c));

/** Compact serialisation: no whitespace, floats in Haskell format (NaN/Infinity raw), minimal escaping. */
export function stringifyJson(j: Json): string {
  try {
    return stringify(j);
  } catch (e) {
    throw tooDeep(e);
  }
}

function stringify(j: Json): string {
  switch (j.k) {
    case 'null': return 'null';
    case 'bool': return j.v ? 'true' : 'false';
    case 'int': return j.v.toString();
    case 'float': return showFloat(j.v);
    case 'string': return quote(j.v);
    case 'array': return '[' + j.v.map(stringify).join(',') + ']';
    case 'object': return '{' + j.v.map(([k, v]) => quote(k) + ':' + stringify(v)).join(',') + '}';
  }
}

// `"` `\` and the control characters below U+0020 are escaped; everything else (/, DEL, non-ASCII) is raw.
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c >= 0x20) out += ch;
    else out += stringifyEscapes.get(c) ?? '\\u' + c.toString(16).padStart(4, '0');
  }
  return out + '"';
}
const stringifyEscapes: ReadonlyMap<number, string> = new Map([
  [10, '\\n'], [13, '\\r'], [9, '\\t'], [8, '\\b'], [12, '\\f']]);

const jsonTypeName: Readonly<Record<Json['k'], string>> = {
  null: 'null', bool: 'bool', int: 'int', float: 'float', string: 'string', array: 'array', object: 'object' };

// One Json argument, else `ExpectedJson v`.
const jsonTo = (f: (j: Json) => Value): PrimImpl => ([j]) => {
  if (isJson(j)) return f(j.json);
  return j === undefined ? notAFunction() : wrongValue('ExpectedJson', j);
};

const isExactBool = (v: Value | undefined, name: string): boolean =>
  typeof v === 'object' && v.tag === 'Con' && v.name === name && v.args.length === 0;

// `{ key : String, value : Json }` (extra fields ignored), else undefined.
function keyValue(v: Value): readonly [string, Json] | undefined {
  if (typeof v !== 'object' || v.tag !== 'Record') return undefined;
  const k = v.fields.get('key');
  const j = v.fields.get('value');
  return isString(k) && isJson(j) ? [k, j.json] : undefined;
}

/** The JSON primitives, by name. */
export const jsonImpls: ReadonlyMap<string, PrimImpl> = new Map<string, PrimImpl>([
  ['prim_jsonParse', ([s]) => {
    if (!isString(s)) return s === undefined ? notAFunction() : wrongValue('ExpectedString', s);
    const r = parseJson(s);
    return r.ok ? ok(mkJson(r.json)) : err(r.error);
  }],
  ['prim_jsonStringify', jsonTo(stringifyJson)],
  ['prim_jsonNull', () => mkJson({ k: 'null' })],
  ['prim_jsonBool', ([b]) => {
    if (isExactBool(b, 'Lune.Prelude.True')) return mkJson({ k: 'bool', v: true });
    if (isExactBool(b, 'Lune.Prelude.False')) return mkJson({ k: 'bool', v: false });
    return notAFunction();
  }],
  ['prim_jsonInt', ([n]) => (isInt(n) ? mkJson({ k: 'int', v: n }) : notAFunction())],
  ['prim_jsonFloat', ([x]) => (isFloat(x) ? mkJson({ k: 'float', v: x.value }) : notAFunction())],
  ['prim_jsonString', ([s]) => {
    if (isString(s)) return mkJson({ k: 'string', v: s });
    return s === undefined ? notAFunction() : wrongValue('ExpectedString', s);
  }],
  ['prim_jsonArray', ([l]) => {
    const xs = l === undefined ? undefined : listElements(l);
    if (xs === undefined) return notAFunction();
    return mkJson({ k: 'array', v: xs.map((x) => (isJson(x) ? x.json : wrongValue('ExpectedJson', x))) });
  }],
  ['prim_jsonObject', ([l]) => {
    const xs = l === undefined ? undefined : listElements(l);
    if (xs === undefined) return notAFunction();
    return mkJson({ k: 'object', v: xs.map((x) => keyValue(x) ?? notAFunction()) });
  }],
  ['prim_jsonType', jsonTo((j) => jsonTypeName[j.k])],
  // The last pair with the key wins (objects keep duplicates).
  ['prim_jsonGetField', ([key, j]) => {
    if (key === undefined || j === undefined) return notAFunction();
    if (!isString(key)) return wrongValue('ExpectedString', key);
    if (!isJson(j)) return wrongValue('ExpectedJson', j);
    if (j.json.k !== 'object') return err('expected object');
    const pairs = j.json.v;
    for (let i = pairs.length - 1; i >= 0; i--) {
      const [k, v] = pairs[i] as readonly [string, Json];
      if (k === key) return ok(mkJson(v));
    }
    return err('missing field: ' + key);
  }],
  // As the reference: the index is narrowed to a 64-bit Int before the bounds check, the message shows
  // the original; a non-Int index with a Json second argument still reports `ExpectedJson` of that Json.
  ['prim_jsonGetIndex', ([i, j]) => {
    if (i === undefined || j === undefined) return notAFunction();
    if (!isInt(i) || !isJson(j)) return wrongValue('ExpectedJson', j);
    if (j.json.k !== 'array') return err('expected array');
    const n = toHaskellInt(i);
    const item = n >= 0n && n < BigInt(j.json.v.length) ? j.json.v[Number(n)] : undefined;
    return item === undefined ? err(`index out of bounds: ${i}`) : ok(mkJson(item));
  }],
  ['prim_jsonToArray', jsonTo((j) => (j.k === 'array' ? ok(toList(j.v.map(mkJson))) : err('expected array')))],
  ['prim_jsonToBool', jsonTo((j) => (j.k === 'bool' ? ok(j.v ? trueV : falseV) : err('expected bool')))],
  ['prim_jsonToInt', jsonTo((j) => (j.k === 'int' ? ok(j.v) : err('expected int')))],
  ['prim_jsonToFloat', jsonTo((j) =>
    j.k === 'float' ? ok(mkFloat(j.v)) : j.k === 'int' ? ok(mkFloat(Number(j.v))) : err('expected number'))],
  ['prim_jsonToString', jsonTo((j) => (j.k === 'string' ? ok(j.v) : err('expected string')))],
  ['prim_jsonIsNull', jsonTo((j) => bool(j.k === 'null'))],
]);
