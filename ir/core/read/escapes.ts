// ir/core/read/escapes.ts: Haskell string and char escapes as `show` writes them (Haskell 2010 §2.6),
// plus the ones `read` accepts (`\^A`, string gaps), so any dump Lune can produce decodes exactly.

/** ASCII control names, longest first where one is a prefix of another (`\SOH` before `\SO`). */
const asciiNames: readonly (readonly [string, number])[] = [
  ['NUL', 0], ['SOH', 1], ['STX', 2], ['ETX', 3], ['EOT', 4], ['ENQ', 5], ['ACK', 6], ['BEL', 7], ['BS', 8],
  ['HT', 9], ['LF', 10], ['VT', 11], ['FF', 12], ['CR', 13], ['SO', 14], ['SI', 15], ['DLE', 16], ['DC1', 17],
  ['DC2', 18], ['DC3', 19], ['DC4', 20], ['NAK', 21], ['SYN', 22], ['ETB', 23], ['CAN', 24], ['EM', 25],
  ['SUB', 26], ['ESC', 27], ['FS', 28], ['GS', 29], ['RS', 30], ['US', 31], ['SP', 32], ['DEL', 127],
];
// `SO` must not shadow `SOH`: try three-letter names before two-letter ones.
const namesByLength = [...asciiNames].sort((a, b) => b[0].length - a[0].length);

const simple: Readonly<Record<string, number>> = {
  a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39,
};

/** The result of decoding one escape: the code point (or -1 for the empty escape `\&` / a gap) and where it ends. */
export interface Escape { readonly code: number; readonly end: number }

/** Thrown by `decodeEscape`; the reader turns it into a CompileError at `at`. */
export class EscapeError extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

const isDigit = (c: number, base: number): boolean => {
  if (base === 10) return c >= 48 && c <= 57;
  if (base === 8) return c >= 48 && c <= 55;
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
};

/**
 * Decodes the escape whose backslash is at `text[at]`. `inString` allows `\&` and gaps (`\ … \`),
 * which are not valid in char literals.
 */
export function decodeEscape(text: string, at: number, inString: boolean): Escape {
  const i = at + 1;
  if (i >= text.length) throw new EscapeError(at, 'unterminated escape at end of input');
  const ch = text[i]!;
  const s = simple[ch];
  if (s !== undefined) return { code: s, end: i + 1 };
  if (ch === '&') {
    if (!inString) throw new EscapeError(at, "the empty escape \\& is only allowed in strings");
    return { code: -1, end: i + 1 };
  }
  if (ch === '^') {
    const c = text.charCodeAt(i + 1);
    if (c >= 64 && c <= 95) return { code: c - 64, end: i + 2 };
    throw new EscapeError(at, 'bad control escape \\^ (expected a character from @ to _)');
  }
  const c0 = text.charCodeAt(i);
  if (isDigit(c0, 10)) return numeric(text, at, i, 10);
  if (ch === 'x') return numeric(text, at, i + 1, 16);
  if (ch === 'o') return numeric(text, at, i + 1, 8);
  if (c0 >= 65 && c0 <= 90) {
    for (const [name, code] of namesByLength) if (text.startsWith(name, i)) return { code, end: i + name.length };
  }
  if (inString && (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r')) {
    let j = i;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text[j] !== '\\') throw new EscapeError(at, 'unterminated string gap (expected a closing backslash)');
    return { code: -1, end: j + 1 };
  }
  throw new EscapeError(at, `unknown escape \\${JSON.stringify(ch).slice(1, -1)}`);
}

function numeric(text: string, at: number, from: number, base: number): Escape {
  let j = from;
  let code = 0;
  while (j < text.length && isDigit(text.charCodeAt(j), base)) {
    code = code * base + parseInt(text[j]!, base);
    if (code > 0x10ffff) throw new EscapeError(at, 'character code in escape is larger than 0x10FFFF');
    j++;
  }
  if (j === from) throw new EscapeError(at, `escape \\${base === 16 ? 'x' : 'o'} needs at least one digit`);
  return { code, end: j };
}
