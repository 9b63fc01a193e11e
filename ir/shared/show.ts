// ir/shared/show.ts: the Lune value printer (PRIMITIVES.md §1.11), i.e. the Haskell `show` of evaluator
// values, used for `--eval` output and inside runtime error messages (`NonExhaustiveCase Just 3`).
import { assertNever } from './diagnostic';
import { showFloat } from './float-format';
import type { Value } from './value';

/**
 * Prints a value as the Haskell evaluator does. Iterative (an explicit work stack), so a
 * 1,000,000-element list or a deeply nested value cannot overflow the JS stack.
 */
export function showValue(v: Value): string {
  const out: string[] = [];
  const work: Work[] = [{ v, atom: false }];
  for (let w = work.pop(); w !== undefined; w = work.pop()) {
    if (typeof w === 'string') out.push(w);
    else expand(w.v, w.atom, out, work);
  }
  return out.join('');
}

// A pending piece of output: literal text, or a value to print (`atom`: in argument position).
type Work = string | { readonly v: Value; readonly atom: boolean };

// Prints v's leaves directly and pushes its children (in reverse, since `work` is a stack).
function expand(v: Value, atom: boolean, out: string[], work: Work[]): void {
  if (typeof v === 'bigint') return void out.push(v.toString());
  if (typeof v === 'string') return void out.push(showString(v));
  switch (v.tag) {
    case 'Float': return void out.push(showFloat(v.value));
    case 'Char': return void out.push(showChar(v.code));
    case 'Con': {
      // Only a constructor with arguments (or a record) gets parentheses as an argument, so
      // `Just -1`, `Ok -2.5` and `Task <io>` stay bare.
      const paren = atom && v.args.length > 0;
      if (paren) work.push(')');
      for (let i = v.args.length - 1; i >= 0; i--) work.push({ v: v.args[i] as Value, atom: true }, ' ');
      return void out.push((paren ? '(' : '') + v.name.slice(v.name.lastIndexOf('.') + 1));
    }
    case 'Record': {
      // `{ a = 1 , b = "x" }`: Haskell joins `k = v` and `, k = v` with unwords; `{  }` when empty.
      const keys = [...v.fields.keys()].sort(compareCodePoints);
      work.push(atom ? ' })' : ' }');
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        work.push({ v: v.fields.get(k) as Value, atom: false }, (i === 0 ? '' : ' , ') + k + ' = ');
      }
      return void out.push(atom ? '({ ' : '{ ');
    }
    case 'Template': return void out.push('<template>');
    case 'Json': return void out.push('<json>');
    case 'Bytes': return void out.push(`<bytes:${v.bytes.length}>`);
    case 'Closure': return void out.push('<closure>');
    case 'Prim': return void out.push('<prim>');
    case 'IO': return void out.push('<io>');
    case 'STM': return void out.push('<stm>');
    case 'TVar': return void out.push(`<tvar:${String(v['id'])}>`);
    case 'Fiber': return void out.push('<fiber>');
    case 'Socket': return void out.push(`<socket:${String(v['id'])}>`);
    case 'Conn': return void out.push(`<conn:${String(v['id'])}>`);
    case 'TlsConn': return void out.push(`<tlsconn:${String(v['id'])}>`);
    case 'Process': return void out.push('<process>');
    case 'Thunk': return void out.push('<thunk>');
    default: return assertNever(v, 'show');
  }
}

// Haskell's Data.Map orders Text keys by code point; JS `<` compares UTF-16 units, which differs
// only between astral characters and U+E000–U+FFFF.
function compareCodePoints(a: string, b: string): number {
  const xs = Array.from(a);
  const ys = Array.from(b);
  for (let i = 0; i < xs.length && i < ys.length; i++) {
    const d = (xs[i] as string).codePointAt(0)! - (ys[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return xs.length - ys.length;
}

const asciiNames = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR',
  'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
const shortEscapes: ReadonlyMap<number, string> = new Map([
  [7, '\\a'], [8, '\\b'], [9, '\\t'], [10, '\\n'], [11, '\\v'], [12, '\\f'], [13, '\\r']]);

// Haskell's showLitChar for one code point (the `"` and `'` cases are the caller's).
function litChar(cp: number): string {
  if (cp > 0x7f) return '\\' + cp;
  if (cp === 0x7f) return '\\DEL';
  if (cp === 0x5c) return '\\\\';
  if (cp >= 0x20) return String.fromCodePoint(cp);
  return shortEscapes.get(cp) ?? '\\' + asciiNames[cp];
}

/**
 * A Haskell string literal: `"a\"b\\c\n"`, control characters by ASCII name, non-ASCII as decimal
 * escapes, with `\&` where the next character would otherwise extend the escape (`"\955\&1"`, `"\SO\&H"`).
 */
export function showString(s: string): string {
  let out = '"';
  let pending: 'number' | 'SO' | null = null;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if ((pending === 'number' && cp >= 0x30 && cp <= 0x39) || (pending === 'SO' && ch === 'H')) out += '\\&';
    out += cp === 0x22 ? '\\"' : litChar(cp);
    pending = cp > 0x7f ? 'number' : cp === 14 ? 'SO' : null;
  }
  return out + '"';
}

/** A Haskell char literal: `'a'`, `'\n'`, `'\''`, `'"'`, `'\955'`. */
export function showChar(code: number): string {
  return code === 0x27 ? "'\\''" : `'${litChar(code)}'`;
}
