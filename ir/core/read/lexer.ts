// ir/core/read/lexer.ts: the tokens of Haskell `Show` output (punctuation, identifiers, string/char/number
// literals), scanned with charCodeAt for speed. Positions are offsets; `position` turns one into line:col.
import { CompileError } from '../../shared/diagnostic';
import { mkSpan, type Span } from '../../shared/span';
import { decodeEscape, EscapeError } from './escapes';

/** Token kinds. A const enum: the scanner compares numbers, not strings. */
export const enum Tok { LParen, RParen, LBrack, RBrack, LBrace, RBrace, Comma, Equals, Ident, Str, Char, Int, Float, Eof }

/** Human names for error messages. */
export const tokName: Readonly<Record<Tok, string>> = {
  [Tok.LParen]: "'('", [Tok.RParen]: "')'", [Tok.LBrack]: "'['", [Tok.RBrack]: "']'", [Tok.LBrace]: "'{'",
  [Tok.RBrace]: "'}'", [Tok.Comma]: "','", [Tok.Equals]: "'='", [Tok.Ident]: 'an identifier',
  [Tok.Str]: 'a string literal', [Tok.Char]: 'a char literal', [Tok.Int]: 'an integer', [Tok.Float]: 'a number',
  [Tok.Eof]: 'end of input',
};

const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57) || c === 39 || c === 46;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A scanner over one text; `next()` advances and fills the `tok*` fields. */
export class Lexer {
  pos = 0;
  tok: Tok = Tok.Eof;
  tokStart = 0;
  /** Identifier text or decoded string for Ident/Str. */
  str = '';
  int = 0n;
  num = 0;
  private lineStarts: number[] | undefined;

  constructor(readonly text: string, readonly file: string) {}

  /** 1-based line and column of an offset. */
  lineCol(offset: number): { line: number; col: number } {
    const i = this.lineIndex(offset);
    return { line: i + 1, col: offset - this.lineStarts![i]! + 1 };
  }

  /** A span in the dump file from offset `from` to offset `to` (exclusive). Called once per node: no temporaries. */
  span(from: number, to: number): Span {
    const last = Math.max(from, to - 1);
    const a = this.lineIndex(from);
    const b = last === from ? a : this.lineIndex(last);
    const starts = this.lineStarts!;
    return mkSpan(a + 1, from - starts[a]! + 1, b + 1, last - starts[b]! + 2, this.file);
  }

  /** The 0-based index of the line holding `offset`. */
  private lineIndex(offset: number): number {
    if (this.lineStarts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A CompileError pointing at `offset`. */
  error(offset: number, message: string): CompileError {
    return new CompileError('read', this.span(offset, offset + 1), message);
  }

  next(): Tok {
    const text = this.text;
    let i = this.pos;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
    this.tokStart = i;
    if (i >= text.length) {
      this.pos = i;
      return (this.tok = Tok.Eof);
    }
    switch (c) {
      case 40: this.pos = i + 1; return (this.tok = Tok.LParen);
      case 41: this.pos = i + 1; return (this.tok = Tok.RParen);
      case 91: this.pos = i + 1; return (this.tok = Tok.LBrack);
      case 93: this.pos = i + 1; return (this.tok = Tok.RBrack);
      case 123: this.pos = i + 1; return (this.tok = Tok.LBrace);
      case 125: this.pos = i + 1; return (this.tok = Tok.RBrace);
      case 44: this.pos = i + 1; return (this.tok = Tok.Comma);
      case 61: this.pos = i + 1; return (this.tok = Tok.Equals);
      case 34: return this.string(i);
      case 39: return this.char(i);
    }
    if (isDigit(c) || (c === 45 && (isDigit(text.charCodeAt(i + 1)) || text.startsWith('Infinity', i + 1)))) {
      return this.number(i);
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (isIdentPart(text.charCodeAt(j))) j++;
      this.str = text.slice(i, j);
      this.pos = j;
      return (this.tok = Tok.Ident);
    }
    const shown = c < 32 || c > 126 ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : `'${text[i]}'`;
    throw this.error(i, `unexpected character ${shown}`);
  }

  private string(start: number): Tok {
    const text = this.text;
    let out = '';
    let i = start + 1;
    for (;;) {
      let j = i;
      let c = text.charCodeAt(j);
      while (c !== 34 && c !== 92 && c === c /* not NaN (end) */ && c !== 10) c = text.charCodeAt(++j);
      out += text.slice(i, j);
      if (c === 34) {
        this.pos = j + 1;
        this.str = out;
        return (this.tok = Tok.Str);
      }
      if (c !== 92) throw this.error(start, 'unterminated string literal');
      const e = this.escape(j, true);
      if (e.code >= 0) out += String.fromCodePoint(e.code);
      i = e.end;
    }
  }

  private char(start: number): Tok {
    const text = this.text;
    let i = start + 1;
    let code: number;
    if (text.charCodeAt(i) === 92) {
      const e = this.escape(i, false);
      code = e.code;
      i = e.end;
    } else {
      const cp = text.codePointAt(i);
      if (cp === undefined || cp === 39 || cp === 10) throw this.error(start, 'bad char literal');
      code = cp;
      i += cp > 0xffff ? 2 : 1;
    }
    if (text.charCodeAt(i) !== 39) throw this.error(start, 'unterminated char literal');
    this.pos = i + 1;
    this.int = BigInt(code);
    this.num = code;
    return (this.tok = Tok.Char);
  }

  private escape(at: number, inString: boolean) {
    try {
      return decodeEscape(this.text, at, inString);
    } catch (e) {
      if (e instanceof EscapeError) throw this.error(e.at, e.message);
      throw e;
    }
  }

  private number(start: number): Tok {
    const text = this.text;
    let i = start;
    if (text.charCodeAt(i) === 45) i++;
    if (text.startsWith('Infinity', i)) {
      this.pos = i + 8;
      this.num = -Infinity;
      return (this.tok = Tok.Float);
    }
    while (isDigit(text.charCodeAt(i))) i++;
    let float = false;
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      float = true;
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      const s = text.charCodeAt(j);
      if (s === 45 || s === 43) j++;
      if (isDigit(text.charCodeAt(j))) {
        float = true;
        while (isDigit(text.charCodeAt(j))) j++;
        i = j;
      }
    }
    const lexeme = text.slice(start, i);
    this.pos = i;
    if (float) {
      this.num = Number(lexeme);
      return (this.tok = Tok.Float);
    }
    this.int = BigInt(lexeme);
    this.num = Number(lexeme);
    return (this.tok = Tok.Int);
  }
}
