// ir/core/read/index.ts: `readDump`, the reader of `lune --core` output (a Haskell `Show` rendering of a
// CoreModule). Iterative: an explicit stack of open brackets, nodes built bottom-up as each one closes.
import type * as Core from '../core';
import { CompileError } from '../../shared/diagnostic';
import { mkSpan } from '../../shared/span';
import { buildCon, buildRecord, isCoreConstructor } from './build';
import { Lexer, Tok, tokName } from './lexer';
import { describe, type Item, type Val } from './values';

/** An open bracket (or the whole input, `open` = Eof) and what has been read inside it so far. */
interface Frame {
  readonly open: Tok;
  readonly at: number;
  /** Finished comma-separated elements. */
  readonly elems: Item[];
  /** The juxtaposed terms of the element being read: a constructor and its arguments. */
  terms: Item[];
  /** For `Name {…}`: the constructor, the finished fields and the label being read. */
  readonly recordName?: string;
  readonly fields: (readonly [string, Item])[];
  label?: string;
}

const closerOf: Partial<Record<Tok, Tok>> = { [Tok.LParen]: Tok.RParen, [Tok.LBrack]: Tok.RBrack, [Tok.LBrace]: Tok.RBrace };

/**
 * Reads a `lune --core` dump. Throws CompileError('read', …) with the line and column of the problem;
 * a Lune frontend error report (what `lune --core` prints when the program does not compile) is refused.
 */
export function readDump(text: string, file: string): Core.Module {
  const report = frontendErrorReport(text);
  if (report !== undefined) {
    throw new CompileError('read', mkSpan(1, 1, 1, 1, file), `this file is a Lune frontend error report, not Core: ${report}`);
  }
  // A byte-order mark is not part of the dump (and takes no column).
  const lx = new Lexer(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  const top = parse(lx);
  if (top.k !== 'module') throw lx.error(top.at, `expected a CoreModule, found ${describe(top)}`);
  return top.m;
}

/**
 * If `text` looks like the frontend's error report (a Show-printed error constructor such as
 * `UnboundName "M" "x"` or `ModuleParseError "f" "…"`, rather than `CoreModule {…}`), returns its first line.
 */
export function frontendErrorReport(text: string): string | undefined {
  const first = text.trimStart().split('\n', 1)[0]!.trimEnd();
  // An error constructor with at least one argument, and not a piece of Core (e.g. a truncated dump).
  const m = /^([A-Z][A-Za-z0-9_']*)\s+\S/.exec(first);
  if (m === null || m[1]!.startsWith('Core') || isCoreConstructor(m[1]!)) return undefined;
  // Its arguments are plain Show values (strings, numbers, names, brackets): check they scan as such.
  const lx = new Lexer(first, '');
  try {
    while (lx.next() !== Tok.Eof) { /* scanning is the check */ }
  } catch {
    return undefined;
  }
  return first;
}

function parse(lx: Lexer): Item {
  const top: Frame = { open: Tok.Eof, at: 0, elems: [], terms: [], fields: [] };
  const stack: Frame[] = [top];
  let f = top;
  for (;;) {
    const t = lx.next();
    const at = lx.tokStart;
    switch (t) {
      case Tok.Ident:
        if (f.recordName !== undefined && f.label === undefined) {
          f.label = lx.str;
          if (lx.next() !== Tok.Equals) throw unexpected(lx, `'=' after the field name ${f.label}`);
        } else {
          f.terms.push({ k: 'ident', name: lx.str, at, end: lx.pos });
        }
        break;
      case Tok.Str: f.terms.push({ k: 'str', s: lx.str, at, end: lx.pos }); break;
      case Tok.Int: f.terms.push({ k: 'int', n: lx.int, at, end: lx.pos }); break;
      case Tok.Float: f.terms.push({ k: 'float', x: lx.num, at, end: lx.pos }); break;
      case Tok.Char: f.terms.push({ k: 'char', c: lx.num, at, end: lx.pos }); break;
      case Tok.LParen:
      case Tok.LBrack:
        if (f.recordName !== undefined && f.label === undefined) throw unexpected(lx, 'a field name');
        f = { open: t, at, elems: [], terms: [], fields: [] };
        stack.push(f);
        break;
      case Tok.LBrace: {
        const head = f.terms.pop();
        if (head === undefined || head.k !== 'ident') throw lx.error(at, "unexpected '{' (a record needs a constructor name before it)");
        f = { open: t, at: head.at, elems: [], terms: [], fields: [], recordName: head.name };
        stack.push(f);
        break;
      }
      case Tok.Comma:
        if (f.open === Tok.Eof) throw lx.error(at, "unexpected ',' outside brackets");
        finishElement(lx, f, at, t);
        break;
      case Tok.RParen:
      case Tok.RBrack:
      case Tok.RBrace: {
        if (closerOf[f.open] !== t) {
          const where = f.open === Tok.Eof ? '' : ` (the ${tokName[f.open]} at ${showPos(lx, f.at)} is still open)`;
          throw lx.error(at, `unexpected ${tokName[t]}${where}`);
        }
        const empty = f.terms.length === 0 && f.elems.length === 0 && f.fields.length === 0 && f.label === undefined;
        if (!empty || f.open === Tok.LParen) finishElement(lx, f, at, t);
        stack.pop();
        const done = close(lx, f, lx.pos);
        f = stack[stack.length - 1]!;
        f.terms.push(done);
        break;
      }
      case Tok.Equals:
        throw lx.error(at, "unexpected '=' (only allowed after a field name inside a record)");
      case Tok.Eof: {
        if (f !== top) throw lx.error(at, `unexpected end of input: the ${tokName[f.open]} at ${showPos(lx, f.at)} is not closed`);
        if (top.terms.length === 0) throw lx.error(at, 'the file is empty: expected a CoreModule');
        finishElement(lx, top, at, t);
        return top.elems[0]!;
      }
    }
  }
}

const showPos = (lx: Lexer, offset: number): string => {
  const p = lx.lineCol(offset);
  return `${p.line}:${p.col}`;
};

function unexpected(lx: Lexer, wanted: string): CompileError {
  const found = lx.tok === Tok.Ident ? `the identifier ${lx.str}` : tokName[lx.tok];
  return lx.error(lx.tokStart, `expected ${wanted}, found ${found}`);
}

/** Ends the element being read in `f` (at a comma or the closing bracket `t` at offset `at`). */
function finishElement(lx: Lexer, f: Frame, at: number, t: Tok): void {
  if (f.terms.length === 0) throw lx.error(at, `expected a value before ${tokName[t]}`);
  const v = apply(lx, f.terms);
  f.terms = [];
  if (f.recordName === undefined) {
    f.elems.push(v);
    return;
  }
  if (f.label === undefined) throw lx.error(v.at, `expected a field name, found ${describe(v)}`);
  f.fields.push([f.label, v]);
  f.label = undefined;
}

/** A constructor applied to its arguments, or a lone value. */
function apply(lx: Lexer, terms: readonly Item[]): Item {
  const head = terms[0]!;
  const end = terms[terms.length - 1]!.end;
  if (head.k !== 'ident') {
    if (terms.length > 1) throw lx.error(terms[1]!.at, `expected nothing after ${describe(head)}, found ${describe(terms[1]!)}`);
    return head;
  }
  if (!/^[A-Z]/.test(head.name)) throw lx.error(head.at, `unexpected identifier ${head.name}`);
  const args: Item[] = [];
  for (let i = 1; i < terms.length; i++) {
    const a = terms[i]!;
    args.push(a.k === 'ident' ? nullary(lx, a) : a);
  }
  return place(buildCon(lx, head.name, args, head.at, end), head.at, end);
}

/** A bare name in argument position is a constructor without arguments (`CoreAlt PWildcard e`, `CCall`). */
function nullary(lx: Lexer, a: Item & { k: 'ident' }): Item {
  if (!/^[A-Z]/.test(a.name)) throw lx.error(a.at, `unexpected identifier ${a.name}`);
  return place(buildCon(lx, a.name, [], a.at, a.end), a.at, a.end);
}

/** The value of a closed bracket: a record, a list, a parenthesised value or a tuple. */
function close(lx: Lexer, f: Frame, end: number): Item {
  if (f.recordName !== undefined) return place(buildRecord(lx, f.recordName, f.fields, f.at, end), f.at, end);
  if (f.open === Tok.LBrack) return { k: 'list', items: f.elems, at: f.at, end };
  // A parenthesised value keeps its own start (errors point at the constructor) but spans the parentheses.
  if (f.elems.length === 1) return place(f.elems[0]!, f.elems[0]!.at, end);
  return { k: 'tuple', items: f.elems, at: f.at, end };
}

/**
 * Gives a freshly built value its offsets. Values are created by this parser and not shared until it
 * returns, so setting the fields in place is safe, and (unlike a spread copy) cheap on huge inputs.
 */
function place(v: Val, at: number, end: number): Item {
  const i = v as { -readonly [K in keyof Item]: Item[K] };
  i.at = at;
  i.end = end;
  return i as Item;
}
