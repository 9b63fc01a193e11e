// ir/core/syntax.ts: the readable Core syntax (`.lcore`): its ohm grammar, the layout pass that turns
// indentation into explicit `{ ; }`, and the lexical helpers the printer shares with the parser.
import * as ohm from 'ohm-js';

/*
 * The readable Core syntax, by example (every form of ir/core/core.ts):
 *
 *   -- a line comment            {- a block comment {- nested -} -}
 *   module Main
 *   Main.main = $primIOBind (prim_putStrLn "hi") (\_ -> $primIOPure Lune.Prelude.Unit)
 *   Main.f = \(Lune.Prelude.Just x) _ -> let y = x in y       -- lambda with patterns, let … in
 *   Main.g = \m -> case m of                                   -- case, layout form: one alt per line,
 *     Lune.Prelude.Just (Lune.Prelude.Pair a _) -> a           -- all at the column of the first one
 *     "text" -> 1                                              -- string pattern
 *     other -> 2
 *   Main.h = \m -> case m of { Lune.Prelude.Nothing -> 0; _ -> 1 }   -- the same with braces
 *   Main.r = { x = 1, y = -2.5e-3, z = 'c' }                   -- record; `r.#x` selects a field
 *   Main.t = $"x = ${r.#x : Int}\n"                            -- inline template, typed holes
 *   Main.b = ''block ${Main.r : { x : Int }}''                 -- block template
 *   Main.p = foreign ccall "puts" : String -> IO Int           -- foreign import (convention CCall)
 *   Main.w = #wanted(Show (List a))                            -- CDictWanted: class, argument types
 *
 * Names: a plain name is dot-separated segments of [A-Za-z0-9_$] not starting with a digit (`Main.main`,
 * `$dictJson.Decode_String`); any other name is written in backquotes (`` `odd name` ``, `` `` `` for the
 * empty placeholder declaration name). Select is `e.#label` because plain names already contain dots.
 * Reserved: module let in case of foreign NaN Infinity _ (quote them to use them as names).
 * In patterns a plain name whose last segment starts upper-case is a constructor (`Lune.Prelude.Nil`),
 * anything else a variable; `%name` forces a constructor and a quoted name forces a variable.
 * In types an upper-case plain name is a TCon, other plain names and quoted names TVars, `%name` a TCon.
 * Literals: ints of any size (`-12`), floats with `.` or an exponent (`1.0`, `5e-324`, `NaN`,
 * `Infinity`, `-Infinity`, `-0.0`), strings and chars with escapes \n \t \r \\ \" \' \$ \` \u{1F600}.
 * Templates: `$"…"` (inline) and `''…''` (block; raw newlines allowed) hold text and holes
 * `${expr : Type}`; `\$` is a literal `$`, and `\|` ends a text part (two adjacent text parts, or an
 * empty one, stay distinct so templates round-trip exactly).
 * Layout: a declaration starts at column 1; every other line of it is indented. After `of`, unless a `{`
 * follows, the alternatives are laid out Haskell-style: the column of the first one opens a block, a
 * line at that column starts the next alternative, and a line left of it, `)`, `}`, `,`, `in` or `of`
 * closes the block. Columns count UTF-16 code units, so a tab is one column: indent with spaces.
 */
/** The ohm grammar of the readable syntax (see the comment above for the surface it describes). */
export const grammarSource = String.raw`
LuneCore {
  Module = kw<"module"> name (";" Decl?)*
  Decl = name "=" Expr

  Expr = Lam | Let | Case | Foreign | App
  Lam = "\\" PatAtom+ "->" Expr
  Let = kw<"let"> name "=" Expr kw<"in"> Expr
  Case = kw<"case"> Expr kw<"of"> "{" ";"* ListOf<Alt, Semis> ";"* "}"
  Semis = ";"+
  Alt = Pat "->" Expr
  Foreign = kw<"foreign"> name string ":" Type
  App = Postfix Postfix*
  Postfix = Atom Selector*
  Selector = ".#" name
  Atom = Paren | Record | Wanted | InlineTemplate | BlockTemplate | float | int | string | char | name
  Paren = "(" Expr ")"
  Record = "{" ListOf<Field, ","> "}"
  Field = name "=" Expr
  Wanted = "#wanted" "(" name TypeAtom* ")"

  InlineTemplate = "$\"" (#inlineText | Hole)* #"\""
  BlockTemplate = "''" (#blockText | Hole)* #"''"
  Hole = "\x24{" Expr ":" Type "}"
  inlineText = inlineItem+
  inlineItem = partBreak | escape | ~("\"" | "\\" | "\x24{" | "\n") any
  blockText = blockItem+
  blockItem = partBreak | escape | ~("''" | "\\" | "\x24{") any
  partBreak = "\\|"

  Pat = ConHead PatAtom+  -- con
      | PatAtom
  PatAtom = wildcard | string | PatParen | ConHead | name
  PatParen = "(" Pat ")"
  ConHead = "%" name  -- forced
          | conName   -- plain
  wildcard = "_" ~identRest

  Type = BType "->" Type  -- arrow
       | BType
  BType = TypeAtom+
  TypeAtom = "(" Type ")"  -- paren
           | "{" ListOf<TypeField, ","> "}"  -- record
           | "%" name  -- con
           | name  -- name
  TypeField = name ":" Type

  name (a name) = ~reserved (plainName | quotedName)
  plainName = identSeg ("." identSeg)*
  conName (a constructor name) = ~reserved (identSeg ".")* upperSeg ~identRest ~("." identStart)
  upperSeg = "A".."Z" identRest*
  identSeg = identStart identRest*
  identStart = "a".."z" | "A".."Z" | "_" | "$"
  identRest = identStart | "0".."9"
  quotedName = "\x60" (escape | ~("\x60" | "\\" | "\n") any)* "\x60"
  reserved = ("module" | "let" | "in" | "case" | "of" | "foreign" | "NaN" | "Infinity" | "_") ~identRest
  kw<word> = word ~identRest

  float (a float) = "-"? "Infinity" ~identRest  -- infinity
        | "NaN" ~identRest  -- nan
        | "-"? digit+ "." digit+ exponent?  -- point
        | "-"? digit+ exponent  -- exp
  exponent = ("e" | "E") ("+" | "-")? digit+
  int (an integer) = "-"? digit+
  string (a string literal) = "\"" (escape | ~("\"" | "\\" | "\n") any)* "\""
  char (a char literal) = "'" (escape | ~("'" | "\\" | "\n") any) "'"
  escape = "\\" escapeCode
  escapeCode = "u{" hexDigit+ "}"  -- unicode
             | "n" | "t" | "r" | "\\" | "\"" | "'" | "$" | "\x60"

  space += lineComment | blockComment
  lineComment = "--" (~"\n" any)*
  blockComment = "{-" (blockComment | ~"-}" any)* "-}"
}
`;

// Built on first use, not at load: compiling it takes ~100 ms, which every `.core` compile (the dump reader
// needs no grammar) and `lunec --help` would otherwise pay at start-up. Ohm grammars are immutable.
let compiled: ohm.Grammar | undefined;
/** The compiled grammar (built once, on first use). */
export const grammar = (): ohm.Grammar => (compiled ??= ohm.grammar(grammarSource));

// ---------------------------------------------------------------------------------------------------
// Lexical helpers shared with the printer.

const reservedWords = new Set(['module', 'let', 'in', 'case', 'of', 'foreign', 'NaN', 'Infinity', '_']);
const plainRe = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

/** True when `name` can be written without backquotes (the grammar's `name` reads it back unchanged). */
export function isPlainName(name: string): boolean {
  return plainRe.test(name) && !reservedWords.has(name.split('.')[0]!);
}

/** True when a plain name reads as a constructor in a pattern (upper-case last segment). */
export function isPlainConName(name: string): boolean {
  return isPlainName(name) && /^[A-Z]/.test(name.slice(name.lastIndexOf('.') + 1));
}

/** `name` as a token: plain when possible, else backquoted. */
export const nameToken = (name: string): string => (isPlainName(name) ? name : quotedName(name));

/** `name` in backquotes, always (the printer's way to force "variable" in patterns and types). */
export const quotedName = (name: string): string => '`' + escapeText(name, '`') + '`';

/**
 * Escapes text for a literal delimited by `delim` (`"`, `'` or a backquote): backslash, the delimiter,
 * control, format, separator and surrogate code points; everything else is kept as is so that
 * non-ASCII text stays readable.
 */
export function escapeText(text: string, delim: string): string {
  let out = '';
  for (const ch of text) out += escapeChar(ch, delim);
  return out;
}

/** One code point (a string of one or two UTF-16 units) escaped for a literal delimited by `delim`. */
export function escapeChar(ch: string, delim: string): string {
  switch (ch) {
    case '\\': return '\\\\';
    case '\n': return '\\n';
    case '\t': return '\\t';
    case '\r': return '\\r';
  }
  if (ch === delim) return '\\' + ch;
  if (ch !== ' ' && /^[\p{C}\p{Z}]$/u.test(ch)) return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
  // A lone surrogate does not match `.` with /u; escape it too.
  if (ch.length === 1 && /[\uD800-\uDFFF]/.test(ch)) return `\\u{${ch.charCodeAt(0).toString(16)}}`;
  return ch;
}

/** Decodes the text between the delimiters of a string, char, quoted name or template text run. */
export function unescapeText(raw: string): string {
  return raw.replace(/\\(u\{([0-9a-fA-F]+)\}|.)/gsu, (_m, code: string, hex: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    switch (code) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      default: return code;
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Layout: a scan over the raw text that inserts ` { `, ` ; ` and ` } ` where indentation implies them.
// ohm then parses the rewritten text; `origin` maps each of its offsets back to the original text, so
// spans and error positions refer to what the user wrote.

/** The text ohm parses, and for each of its offsets (and its end) the offset in the original text. */
export interface LaidOut {
  readonly text: string;
  readonly origin: Int32Array;
  /** Offset (in the original text) of the most deeply nested bracket: where a stack overflow is blamed. */
  readonly deepestAt: number;
  /** Offsets (in `text`) of the `;` inserted between top-level declarations, in order. */
  readonly topSeparators: readonly number[];
}

type Context =
  | { readonly kind: 'block'; readonly col: number; readonly top: boolean } // layout block (top = the module)
  | { readonly kind: 'bracket'; readonly open: '(' | '{' | '${' | 'let' | 'case' };

/** Rewrites indentation-sensitive text into the explicit form the grammar reads. */
export function layout(src: string): LaidOut {
  const out: string[] = [];
  const origin: number[] = [];
  let copied = 0; // src[0, copied) has been emitted
  let lastTokenEnd = 0;
  const copyTo = (pos: number): void => {
    for (let i = copied; i < pos; i++) origin.push(i);
    out.push(src.slice(copied, pos));
    copied = pos;
  };
  const insert = (at: number, s: string): void => {
    copyTo(at);
    for (let i = 0; i < s.length; i++) origin.push(lastTokenEnd);
    out.push(s);
  };

  const stack: Context[] = [{ kind: 'block', col: 1, top: true }];
  const top = (): Context => stack[stack.length - 1]!;
  // Close layout blocks above the nearest bracket, e.g. at `)` or `,`.
  const closeBlocksToBracket = (at: number): void => {
    for (let c = top(); c.kind === 'block' && !c.top; c = top()) {
      insert(at, ' } ');
      stack.pop();
    }
  };
  const popBracket = (open: string): void => {
    const c = top();
    if (c.kind === 'bracket' && c.open === open) stack.pop();
  };

  let line = 1;
  let lineStart = 0;
  let lastTokenLine = 0;
  let openAfterOf = false;
  let depth = 0;
  let maxDepth = -1;
  let deepestAt = 0;
  const topSeparators: number[] = [];
  // Mode stack: 'code', or a template kind awaiting its closing delimiter.
  const modes: ('code' | 'inline' | 'block')[] = ['code'];
  let i = 0;
  const n = src.length;

  const newline = (pos: number): void => {
    line++;
    lineStart = pos + 1;
  };
  // Called at the start of every token in code mode.
  const token = (at: number): void => {
    const col = at - lineStart + 1;
    const firstOnLine = line > lastTokenLine;
    lastTokenLine = line;
    if (openAfterOf) {
      openAfterOf = false;
      if (src.startsWith('{', at) && !src.startsWith('{-', at)) return; // explicit braces
      const enclosing = top();
      if (enclosing.kind === 'bracket' || col > enclosing.col) {
        insert(at, ' { ');
        stack.push({ kind: 'block', col, top: false });
        return;
      }
      insert(at, ' { } ');
    }
    if (!firstOnLine) return;
    for (let c = top(); c.kind === 'block' && !c.top && c.col > col; c = top()) {
      insert(at, ' } ');
      stack.pop();
    }
    const c = top();
    if (c.kind === 'block' && c.col === col && at > 0 && lastTokenEnd > 0) {
      if (c.top) {
        copyTo(at);
        topSeparators.push(origin.length + 1);
      }
      insert(at, ' ; ');
    }
  };
  const open = (at: number, b: '(' | '{' | '${' | 'let' | 'case'): void => {
    stack.push({ kind: 'bracket', open: b });
    depth++;
    if (depth > maxDepth) {
      maxDepth = depth;
      deepestAt = at;
    }
  };
  const close = (): void => {
    depth = Math.max(0, depth - 1);
  };

  while (i < n) {
    const mode = modes[modes.length - 1]!;
    const ch = src[i]!;
    if (mode !== 'code') {
      // Template text: only escapes, holes and the closing delimiter matter.
      if (ch === '\n') newline(i);
      if (ch === '\\') { i += 2; continue; }
      if (ch === '$' && src[i + 1] === '{') {
        open(i, '${');
        modes.push('code');
        i += 2;
        lastTokenEnd = i;
        continue;
      }
      // A literal that spans lines ends on this line: what follows it here is not first on its line.
      if (mode === 'inline' && (ch === '"' || ch === '\n')) { modes.pop(); i++; lastTokenEnd = i; lastTokenLine = line; continue; }
      if (mode === 'block' && ch === "'" && src[i + 1] === "'") { modes.pop(); i += 2; lastTokenEnd = i; lastTokenLine = line; continue; }
      i++;
      continue;
    }
    if (ch === '\n') { newline(i); i++; continue; }
    if (ch === ' ' || ch === '\t' || ch === '\r') { i++; continue; }
    if (ch === '-' && src[i + 1] === '-') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '{' && src[i + 1] === '-') {
      let nest = 0;
      while (i < n) {
        if (src.startsWith('{-', i)) { nest++; i += 2; continue; }
        if (src.startsWith('-}', i)) { nest--; i += 2; if (nest === 0) break; continue; }
        if (src[i] === '\n') newline(i);
        i++;
      }
      continue;
    }
    token(i);
    if (ch === '"' || ch === "'" || ch === '`') {
      if (ch === "'" && src[i + 1] === "'") {
        modes.push('block');
        i += 2;
        continue;
      }
      // A string, char or quoted name: runs to the closing delimiter on the same line.
      let j = i + 1;
      while (j < n && src[j] !== ch && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      i = Math.min(j + 1, n);
      if (src[j] === '\n') i = j;
      lastTokenEnd = i;
      continue;
    }
    if (ch === '$' && src[i + 1] === '"') {
      modes.push('inline');
      i += 2;
      continue;
    }
    if (/[A-Za-z_$]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$.]/.test(src[j]!)) j++;
      const word = src.slice(i, j);
      if (word === 'let') open(i, 'let');
      else if (word === 'case') open(i, 'case');
      else if (word === 'in' || word === 'of') {
        closeBlocksToBracket(i);
        popBracket(word === 'in' ? 'let' : 'case');
        close();
        if (word === 'of') openAfterOf = true;
      }
      i = j;
      lastTokenEnd = i;
      continue;
    }
    if (ch === '(' || ch === '{') {
      open(i, ch);
    } else if (ch === ')' || ch === '}' || ch === ',') {
      closeBlocksToBracket(i);
      if (ch !== ',') {
        const c = top();
        const wasHole = c.kind === 'bracket' && c.open === '${';
        if (c.kind === 'bracket' && (c.open === ch.replace(')', '(').replace('}', '{') || (ch === '}' && wasHole))) {
          stack.pop();
          close();
        }
        if (wasHole && modes.length > 1) {
          modes.pop();
          i++;
          lastTokenEnd = i;
          continue;
        }
      }
    }
    i++;
    lastTokenEnd = i;
  }
  if (openAfterOf) insert(n, ' { } ');
  for (let c = top(); c.kind === 'block' && !c.top; c = top()) {
    insert(n, ' } ');
    stack.pop();
  }
  copyTo(n);
  origin.push(n);
  return { text: out.join(''), origin: Int32Array.from(origin), deepestAt, topSeparators };
}
