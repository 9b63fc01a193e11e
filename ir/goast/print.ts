// ir/goast/print.ts: the only code that writes Go text. Owns indentation (tabs), parentheses by precedence,
// the spacing of binary operators (gofmt's rule), string quoting and comments; the output is gofmt-clean as printed.
import type * as G from './goast';
import { assertNever } from '../shared/diagnostic';

/** Prints a whole file, ending in one newline. */
export function print(f: G.File): string {
  const out: string[] = [];
  for (const line of docLines(f.doc)) out.push(comment(line, 0));
  out.push(`package ${f.package}`, '');
  const imports = [...new Set(f.imports)].sort();
  if (imports.length === 1) out.push(`import ${quote(imports[0]!)}`, '');
  else if (imports.length > 1) out.push('import (', ...imports.map((i) => `\t${quote(i)}`), ')', '');
  for (const d of f.decls) out.push(printDecl(d, 0), '');
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

/** Prints one declaration at indentation `ind` (no trailing newline). */
export function printDecl(d: G.Decl, ind = 0): string {
  const docs = docLines(d.doc).map((l) => comment(l, ind) + '\n').join('');
  // A plain switch, like stmt and expr below (this runs once per declaration, thousands per file).
  switch (d.tag) {
    case 'FuncDecl': return `${docs}${tabs(ind)}func ${d.name}${signature(d.type, ind)} ${block(d.body, ind)}`;
    case 'GenDecl': return docs + tabs(ind) + genDecl(d, ind);
    default: return assertNever(d, 'goast');
  }
}

/** Prints one statement at indentation `ind` (no trailing newline). */
export function printStmt(s: G.Stmt, ind = 0): string {
  return tabs(ind) + stmt(s, ind);
}

/** Prints an expression as it would appear at statement level. */
export function printExpr(e: G.Expr, ind = 0): string {
  return expr(e, 0, 1, ind);
}

const tabStrings: readonly string[] = Array.from({ length: 32 }, (_, i) => '\t'.repeat(i));
const tabs = (n: number): string => tabStrings[n] ?? '\t'.repeat(n);
// gofmt reformats doc comments (Go 1.19+): it drops leading and trailing blank lines, merges runs of blank lines
// and turns indented lines into code blocks. So lines are trimmed and blank runs normalised here first. (Lists
// and `# headings` are reformatted too: doc text must not start a line with `- `, `1. ` or `# `.)
function docLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line !== '' || (out.length > 0 && out[out.length - 1] !== '')) out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

// Control and format characters (NUL, CR, a BOM, line separators) are not allowed or not kept in Go comments.
const comment = (line: string, ind: number): string =>
  (line === '' ? `${tabs(ind)}//` : `${tabs(ind)}// ${line.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)}`);

function genDecl(g: G.GenDecl, ind: number): string {
  const type = g.type === null ? '' : ' ' + expr(g.type, 0, 1, ind);
  const value = g.value === null ? '' : ' = ' + expr(g.value, 0, 1, ind);
  return `${g.tok} ${g.name}${type}${value}`;
}

// ---- Statements --------------------------------------------------------------------------------------------
function block(b: G.BlockStmt, ind: number): string {
  let out = '{\n';
  for (const s of b.stmts) out += tabs(ind + 1) + stmt(s, ind + 1) + '\n';
  return out + tabs(ind) + '}';
}

// A statement without its leading indentation; nested lines are indented from `ind`. (A plain switch: this runs
// once per node of files tens of thousands of lines long, where ts-pattern's per-call closures dominate.)
function stmt(s: G.Stmt, ind: number): string {
  switch (s.tag) {
    case 'AssignStmt': {
      const depth = s.lhs.length > 1 && s.rhs.length > 1 ? 2 : 1;
      return `${list(s.lhs, depth, ind)} ${s.tok} ${list(s.rhs, depth, ind)}`;
    }
    case 'DeclStmt': return genDecl(s.decl, ind);
    case 'ExprStmt': return expr(s.x, 0, 1, ind);
    case 'ReturnStmt': return s.results.length === 0 ? 'return' : `return ${list(s.results, 1, ind)}`;
    case 'IfStmt': return ifStmt(s, ind);
    case 'SwitchStmt': return `switch${control(s.init, s.subject, ind)}{\n${clauses(s.clauses, ind)}${tabs(ind)}}`;
    case 'TypeSwitchStmt': {
      const x = `${expr(s.x, 7, 1, ind)}.(type)`;
      return `switch ${s.bind === null ? x : `${s.bind} := ${x}`} {\n${clauses(s.clauses, ind)}${tabs(ind)}}`;
    }
    case 'BlockStmt': return block(s, ind);
    case 'ForStmt': {
      if (s.init === null && s.post === null) return `for ${s.cond === null ? '' : expr(s.cond, 0, 1, ind) + ' '}${block(s.body, ind)}`;
      const init = s.init === null ? '' : stmt(s.init, ind);
      const cond = s.cond === null ? '' : ' ' + expr(s.cond, 0, 1, ind);
      const post = s.post === null ? '' : ' ' + stmt(s.post, ind);
      return `for ${init};${cond};${post} ${block(s.body, ind)}`;
    }
    case 'BranchStmt': return s.label === null ? s.tok : `${s.tok} ${s.label}`;
    default: return assertNever(s, 'goast');
  }
}

function ifStmt(i: G.IfStmt, ind: number): string {
  const head = `if${control(i.init, i.cond, ind)}${block(i.body, ind)}`;
  if (i.else === null) return head;
  return `${head} else ${i.else.tag === 'IfStmt' ? ifStmt(i.else, ind) : block(i.else, ind)}`;
}

// gofmt's controlClause: `if cond {`, `switch {`, `switch init; {`, `if init; cond {` (parentheses stripped).
function control(init: G.Stmt | null, cond: G.Expr | null, ind: number): string {
  const c = cond === null ? '' : expr(stripParens(cond), 0, 1, ind) + ' ';
  if (init === null) return ' ' + c;
  return ` ${stmt(init, ind)}; ${c}`;
}

const stripParens = (e: G.Expr): G.Expr => (e.tag === 'ParenExpr' ? stripParens(e.x) : e);

function clauses(cs: readonly G.CaseClause[], ind: number): string {
  let out = '';
  for (const c of cs) {
    out += `${tabs(ind)}${c.list.length === 0 ? 'default:' : `case ${list(c.list, 1, ind)}:`}\n`;
    if (c.comment !== undefined) out += comment(c.comment, ind + 1) + '\n';
    for (const s of c.body) out += tabs(ind + 1) + stmt(s, ind + 1) + '\n';
  }
  return out;
}

// ---- Expressions -------------------------------------------------------------------------------------------
const binaryPrec: Record<G.BinaryOp, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4, '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};
const unaryPrec = 6;
const highestPrec = 7;

function list(xs: readonly G.Expr[], depth: number, ind: number): string {
  let out = '';
  for (let i = 0; i < xs.length; i++) out += (i === 0 ? '' : ', ') + expr(xs[i]!, 0, depth, ind);
  return out;
}

// go/printer's expr1: `prec1` is the precedence the context requires, `depth` drives operator spacing.
function expr(e: G.Expr, prec1: number, depth: number, ind: number): string {
  switch (e.tag) {
    case 'Ident': return e.name;
    case 'BasicLit': return e.kind === 'STRING' ? quote(e.value) : e.value;
    case 'CompositeLit': return `${expr(e.type, highestPrec, depth, ind)}{${list(e.elts, 1, ind)}}`;
    case 'FuncLit': return `func${signature(e.type, ind)} ${block(e.body, ind)}`;
    case 'CallExpr': {
      const d = e.args.length > 1 ? depth + 1 : depth;
      return `${expr(e.fun, highestPrec, d, ind)}(${list(e.args, d, ind)}${e.ellipsis ? '...' : ''})`;
    }
    case 'SelectorExpr': return `${expr(e.x, highestPrec, depth, ind)}.${e.sel}`;
    case 'IndexExpr': return `${expr(e.x, highestPrec, 1, ind)}[${expr(e.index, 0, depth + 1, ind)}]`;
    case 'TypeAssertExpr': return `${expr(e.x, highestPrec, depth, ind)}.(${e.type === null ? 'type' : expr(e.type, 0, 1, ind)})`;
    case 'UnaryExpr': {
      const x = expr(e.x, unaryPrec, depth, ind);
      const s = e.op + (mayCombine(e.op, x) ? ' ' : '') + x;
      return unaryPrec < prec1 ? `(${s})` : s;
    }
    case 'BinaryExpr': return binary(e, prec1, cutoff(e, depth), depth, ind);
    case 'ParenExpr': return e.x.tag === 'ParenExpr' ? expr(e.x, 0, depth, ind) : `(${expr(e.x, 0, reduceDepth(depth), ind)})`;
    case 'StarExpr': return '*' + expr(e.x, unaryPrec, depth, ind);
    case 'SliceExpr': {
      const lo = e.low === null ? '' : expr(e.low, 0, depth + 1, ind);
      const hi = e.high === null ? '' : expr(e.high, 0, depth + 1, ind);
      return `${expr(e.x, highestPrec, 1, ind)}[${lo}:${hi}]`;
    }
    case 'KeyValueExpr': return `${expr(e.key, 0, 1, ind)}: ${expr(e.value, 0, 1, ind)}`;
    case 'ArrayType': return `[${e.len === null ? '' : expr(e.len, 0, 1, ind)}]${expr(e.elt, highestPrec, 1, ind)}`;
    case 'MapType': return `map[${expr(e.key, 0, 1, ind)}]${expr(e.value, highestPrec, 1, ind)}`;
    case 'FuncType': return 'func' + signature(e, ind);
    default: return assertNever(e, 'goast');
  }
}

// go/printer's mayCombine: an operator directly followed by these characters would lex as another token
// (`- -a`, not `--a`). Binary operators never need it: their spacing (cutoff) already separates such pairs.
function mayCombine(op: string, next: string): boolean {
  const c = next[0];
  switch (op.at(-1)) {
    case '+': return c === '+';
    case '-': return c === '-';
    case '/': return c === '*';
    case '<': return c === '-' || c === '<';
    case '&': return c === '&' || c === '^';
    default: return false;
  }
}

function signature(f: G.FuncType, ind: number): string {
  const params = f.params.map((p) => (p.name === null ? '' : p.name + ' ') + expr(p.type, 0, 1, ind)).join(', ');
  const results = f.results.map((r) => expr(r, 0, 1, ind));
  const res = results.length === 0 ? '' : results.length === 1 ? ' ' + results[0] : ` (${results.join(', ')})`;
  return `(${params})${res}`;
}

// go/printer's binaryExpr: blanks around the operator only when its precedence is below the cutoff.
function binary(b: G.BinaryExpr, prec1: number, cut: number, depth: number, ind: number): string {
  const prec = binaryPrec[b.op];
  if (prec < prec1) return `(${expr(b, 0, reduceDepth(depth), ind)})`;
  const blank = prec < cut ? ' ' : '';
  const x = expr(b.x, prec, depth + diffPrec(b.x, prec), ind);
  const y = expr(b.y, prec + 1, depth + 1, ind);
  return `${x}${blank}${b.op}${blank}${y}`;
}

const diffPrec = (e: G.Expr, prec: number): number => (e.tag === 'BinaryExpr' && binaryPrec[e.op] === prec ? 0 : 1);
const reduceDepth = (d: number): number => Math.max(1, d - 1);

function cutoff(e: G.BinaryExpr, depth: number): number {
  const { has4, has5, maxProblem } = walkBinary(e);
  if (maxProblem > 0) return maxProblem + 1;
  if (has4 && has5) return depth === 1 ? 5 : 4;
  return depth === 1 ? 6 : 4;
}

function walkBinary(e: G.BinaryExpr): { has4: boolean; has5: boolean; maxProblem: number } {
  const prec = binaryPrec[e.op];
  let has4 = prec === 4;
  let has5 = prec === 5;
  let maxProblem = 0;
  const merge = (r: { has4: boolean; has5: boolean; maxProblem: number }) => {
    has4 ||= r.has4;
    has5 ||= r.has5;
    maxProblem = Math.max(maxProblem, r.maxProblem);
  };
  if (e.x.tag === 'BinaryExpr' && binaryPrec[e.x.op] >= prec) merge(walkBinary(e.x));
  if (e.y.tag === 'BinaryExpr' && binaryPrec[e.y.op] > prec) merge(walkBinary(e.y));
  else if (e.y.tag === 'StarExpr' && e.op === '/') maxProblem = 5;
  else if (e.y.tag === 'UnaryExpr') {
    const pair = e.op + e.y.op;
    if (pair === '/*' || pair === '&&' || pair === '&^') maxProblem = 5;
    else if (pair === '++' || pair === '--') maxProblem = Math.max(maxProblem, 4);
  }
  return { has4, has5, maxProblem };
}

// ---- String literals ---------------------------------------------------------------------------------------
const shortEscapes: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v',
};
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * A Go interpreted string literal for any JS string. Printable characters stay as they are; controls, format
 * characters and non-space separators become `\x`/`\u`/`\U` escapes (Go rejects a raw NUL or BOM in source).
 * A lone surrogate, which has no UTF-8 form, is written as its 3 generalised-UTF-8 bytes (`\xed\xa0\x80`).
 */
export function quote(s: string): string {
  if (/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(s)) return `"${s}"`; // printable ASCII without `"` or `\`
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const short = shortEscapes[ch];
    if (short !== undefined) out += short;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x80) out += '\\x' + hex(cp, 2);
    else if (cp >= 0xd800 && cp <= 0xdfff) out += `\\x${hex(0xe0 | (cp >> 12), 2)}\\x${hex(0x80 | ((cp >> 6) & 0x3f), 2)}\\x${hex(0x80 | (cp & 0x3f), 2)}`;
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
    else out += cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
  }
  return out + '"';
}
