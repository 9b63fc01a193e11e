// ir/goast/print.ts: the only code that writes Go text. Owns indentation (tabs), parentheses by precedence,
// the spacing of binary operators (gofmt's rule), string quoting and comments; the output is gofmt-clean as printed.
import { match } from 'ts-pattern';
import type * as G from './goast';

/** Prints a whole file, ending in one newline. */
export function print(f: G.File): string {
  const out: string[] = [];
  for (const line of f.doc) out.push(comment(line, 0));
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
  const docs = d.doc.map((l) => comment(l, ind) + '\n').join('');
  return docs + match(d)
    .with({ tag: 'FuncDecl' }, (f) => `${tabs(ind)}func ${f.name}${signature(f.type, ind)} ${block(f.body, ind)}`)
    .with({ tag: 'GenDecl' }, (g) => tabs(ind) + genDecl(g, ind))
    .exhaustive();
}

/** Prints one statement at indentation `ind` (no trailing newline). */
export function printStmt(s: G.Stmt, ind = 0): string {
  return tabs(ind) + stmt(s, ind);
}

/** Prints an expression as it would appear at statement level. */
export function printExpr(e: G.Expr, ind = 0): string {
  return expr(e, 0, 1, ind);
}

const tabs = (n: number): string => '\t'.repeat(n);
const comment = (line: string, ind: number): string => (line === '' ? `${tabs(ind)}//` : `${tabs(ind)}// ${line.replace(/[\r\n]+/g, ' ')}`);

function genDecl(g: G.GenDecl, ind: number): string {
  const type = g.type === null ? '' : ' ' + expr(g.type, 0, 1, ind);
  const value = g.value === null ? '' : ' = ' + expr(g.value, 0, 1, ind);
  return `${g.tok} ${g.name}${type}${value}`;
}

// ---- Statements --------------------------------------------------------------------------------------------
function block(b: G.BlockStmt, ind: number): string {
  if (b.stmts.length === 0) return '{\n' + tabs(ind) + '}';
  return '{\n' + b.stmts.map((s) => printStmt(s, ind + 1) + '\n').join('') + tabs(ind) + '}';
}

// A statement without its leading indentation; nested lines are indented from `ind`.
function stmt(s: G.Stmt, ind: number): string {
  return match(s)
    .with({ tag: 'AssignStmt' }, (a) => {
      const depth = a.lhs.length > 1 && a.rhs.length > 1 ? 2 : 1;
      return `${list(a.lhs, depth, ind)} ${a.tok} ${list(a.rhs, depth, ind)}`;
    })
    .with({ tag: 'DeclStmt' }, (d) => genDecl(d.decl, ind))
    .with({ tag: 'ExprStmt' }, (e) => expr(e.x, 0, 1, ind))
    .with({ tag: 'ReturnStmt' }, (r) => (r.results.length === 0 ? 'return' : `return ${list(r.results, 1, ind)}`))
    .with({ tag: 'IfStmt' }, (i) => ifStmt(i, ind))
    .with({ tag: 'SwitchStmt' }, (sw) => `switch${control(sw.init, sw.subject, ind)}{\n${clauses(sw.clauses, ind)}${tabs(ind)}}`)
    .with({ tag: 'TypeSwitchStmt' }, (ts) => {
      const x = `${expr(ts.x, 7, 1, ind)}.(type)`;
      return `switch ${ts.bind === null ? x : `${ts.bind} := ${x}`} {\n${clauses(ts.clauses, ind)}${tabs(ind)}}`;
    })
    .with({ tag: 'BlockStmt' }, (b) => block(b, ind))
    .with({ tag: 'ForStmt' }, (f) => {
      if (f.init === null && f.post === null) return `for ${f.cond === null ? '' : expr(f.cond, 0, 1, ind) + ' '}${block(f.body, ind)}`;
      const init = f.init === null ? '' : stmt(f.init, ind);
      const cond = f.cond === null ? '' : ' ' + expr(f.cond, 0, 1, ind);
      const post = f.post === null ? '' : ' ' + stmt(f.post, ind);
      return `for ${init};${cond};${post} ${block(f.body, ind)}`;
    })
    .with({ tag: 'BranchStmt' }, (b) => (b.label === null ? b.tok : `${b.tok} ${b.label}`))
    .exhaustive();
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
  return cs.map((c) => {
    const head = c.list.length === 0 ? 'default:' : `case ${list(c.list, 1, ind)}:`;
    const note = c.comment === undefined ? '' : comment(c.comment, ind + 1) + '\n';
    return `${tabs(ind)}${head}\n${note}${c.body.map((s) => printStmt(s, ind + 1) + '\n').join('')}`;
  }).join('');
}

// ---- Expressions -------------------------------------------------------------------------------------------
const binaryPrec: Record<G.BinaryOp, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4, '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};
const unaryPrec = 6;
const highestPrec = 7;

const list = (xs: readonly G.Expr[], depth: number, ind: number): string => xs.map((x) => expr(x, 0, depth, ind)).join(', ');

// go/printer's expr1: `prec1` is the precedence the context requires, `depth` drives operator spacing.
function expr(e: G.Expr, prec1: number, depth: number, ind: number): string {
  return match(e)
    .with({ tag: 'Ident' }, (i) => i.name)
    .with({ tag: 'BasicLit' }, (l) => (l.kind === 'STRING' ? quote(l.value) : l.value))
    .with({ tag: 'CompositeLit' }, (c) => `${expr(c.type, highestPrec, depth, ind)}{${list(c.elts, 1, ind)}}`)
    .with({ tag: 'FuncLit' }, (f) => `func${signature(f.type, ind)} ${block(f.body, ind)}`)
    .with({ tag: 'CallExpr' }, (c) => {
      const d = c.args.length > 1 ? depth + 1 : depth;
      return `${expr(c.fun, highestPrec, d, ind)}(${list(c.args, d, ind)}${c.ellipsis ? '...' : ''})`;
    })
    .with({ tag: 'SelectorExpr' }, (s) => `${expr(s.x, highestPrec, depth, ind)}.${s.sel}`)
    .with({ tag: 'IndexExpr' }, (i) => `${expr(i.x, highestPrec, 1, ind)}[${expr(i.index, 0, depth + 1, ind)}]`)
    .with({ tag: 'TypeAssertExpr' }, (t) => `${expr(t.x, highestPrec, depth, ind)}.(${t.type === null ? 'type' : expr(t.type, 0, 1, ind)})`)
    .with({ tag: 'UnaryExpr' }, (u) => {
      const s = u.op + expr(u.x, unaryPrec, depth, ind);
      return unaryPrec < prec1 ? `(${s})` : s;
    })
    .with({ tag: 'BinaryExpr' }, (b) => binary(b, prec1, cutoff(b, depth), depth, ind))
    .with({ tag: 'ParenExpr' }, (p) => (p.x.tag === 'ParenExpr' ? expr(p.x, 0, depth, ind) : `(${expr(p.x, 0, reduceDepth(depth), ind)})`))
    .with({ tag: 'StarExpr' }, (s) => '*' + expr(s.x, unaryPrec, depth, ind))
    .with({ tag: 'SliceExpr' }, (s) => {
      const lo = s.low === null ? '' : expr(s.low, 0, depth + 1, ind);
      const hi = s.high === null ? '' : expr(s.high, 0, depth + 1, ind);
      return `${expr(s.x, highestPrec, 1, ind)}[${lo}:${hi}]`;
    })
    .with({ tag: 'KeyValueExpr' }, (kv) => `${expr(kv.key, 0, 1, ind)}: ${expr(kv.value, 0, 1, ind)}`)
    .with({ tag: 'ArrayType' }, (a) => `[${a.len === null ? '' : expr(a.len, 0, 1, ind)}]${expr(a.elt, highestPrec, 1, ind)}`)
    .with({ tag: 'MapType' }, (m) => `map[${expr(m.key, 0, 1, ind)}]${expr(m.value, highestPrec, 1, ind)}`)
    .with({ tag: 'FuncType' }, (f) => 'func' + signature(f, ind))
    .exhaustive();
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
