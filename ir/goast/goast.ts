// ir/goast/goast.ts: a typed Go syntax tree after go/ast, the output of passes/to-goast and the input of the printer.
//
//   File ::= package imports Decl*      Decl ::= FuncDecl | GenDecl (var/const: one spec; import: many)
//   Stmt ::= Assign (:= | =) | DeclStmt | ExprStmt | Return | If | Switch | TypeSwitch | Block | For | Branch
//   Expr ::= Ident | BasicLit | CompositeLit | FuncLit | Call | Selector | Index | TypeAssert | Unary | Binary
//          | Paren | Star | Slice | KeyValue | ArrayType | MapType | FuncType
//
// Not an IR of the Lune pipeline in the nanopass sense: no Lune semantics, only Go syntax. Nodes carry an
// optional `origin` (the Lune name and span they came from) instead of a span.
import type { Span } from '../shared/span';

/** Where a node came from in the Lune program (for comments and debugging). */
export interface Origin { readonly name?: string; readonly span?: Span }

export interface File {
  readonly tag: 'File';
  readonly package: string;
  /** Import paths; printed sorted, in one group. */
  readonly imports: readonly string[];
  readonly decls: readonly Decl[];
  /** Comment lines printed above `package`. */
  readonly doc: readonly string[];
}

// ---- Expressions -------------------------------------------------------------------------------------------
export type Expr =
  | Ident | BasicLit | CompositeLit | FuncLit | CallExpr | SelectorExpr | IndexExpr | TypeAssertExpr | UnaryExpr
  | BinaryExpr | ParenExpr | StarExpr | SliceExpr | KeyValueExpr | ArrayType | MapType | FuncType;

export interface Ident { readonly tag: 'Ident'; readonly name: string; readonly origin?: Origin }
/**
 * A literal. For STRING, `value` is the string itself (the printer quotes it; any JS string, lone surrogates
 * included); for INT, FLOAT and CHAR it is the Go source text (`42`, `1e+21`, `'a'`).
 */
export interface BasicLit { readonly tag: 'BasicLit'; readonly kind: 'INT' | 'FLOAT' | 'CHAR' | 'STRING'; readonly value: string; readonly origin?: Origin }
/** `T{a, b}` or `T{k: v}`; always printed on one line (multi-line literals would be realigned by gofmt). */
export interface CompositeLit { readonly tag: 'CompositeLit'; readonly type: Expr; readonly elts: readonly Expr[]; readonly origin?: Origin }
export interface FuncLit { readonly tag: 'FuncLit'; readonly type: FuncType; readonly body: BlockStmt; readonly origin?: Origin }
/** `fun(args)`, or `fun(args...)` when `ellipsis`. */
export interface CallExpr { readonly tag: 'CallExpr'; readonly fun: Expr; readonly args: readonly Expr[]; readonly ellipsis: boolean; readonly origin?: Origin }
export interface SelectorExpr { readonly tag: 'SelectorExpr'; readonly x: Expr; readonly sel: string; readonly origin?: Origin }
export interface IndexExpr { readonly tag: 'IndexExpr'; readonly x: Expr; readonly index: Expr; readonly origin?: Origin }
/** `x.(T)`; `type` null means `x.(type)` (only inside a TypeSwitchStmt). */
export interface TypeAssertExpr { readonly tag: 'TypeAssertExpr'; readonly x: Expr; readonly type: Expr | null; readonly origin?: Origin }
export interface UnaryExpr { readonly tag: 'UnaryExpr'; readonly op: UnaryOp; readonly x: Expr; readonly origin?: Origin }
export interface BinaryExpr { readonly tag: 'BinaryExpr'; readonly op: BinaryOp; readonly x: Expr; readonly y: Expr; readonly origin?: Origin }
/** Explicit parentheses (the printer adds the ones precedence needs by itself). */
export interface ParenExpr { readonly tag: 'ParenExpr'; readonly x: Expr; readonly origin?: Origin }
/** `*x`: a pointer type or a dereference. */
export interface StarExpr { readonly tag: 'StarExpr'; readonly x: Expr; readonly origin?: Origin }
export interface SliceExpr { readonly tag: 'SliceExpr'; readonly x: Expr; readonly low: Expr | null; readonly high: Expr | null; readonly origin?: Origin }
export interface KeyValueExpr { readonly tag: 'KeyValueExpr'; readonly key: Expr; readonly value: Expr; readonly origin?: Origin }
/** `[]elt` (len null) or `[len]elt`. */
export interface ArrayType { readonly tag: 'ArrayType'; readonly len: Expr | null; readonly elt: Expr; readonly origin?: Origin }
export interface MapType { readonly tag: 'MapType'; readonly key: Expr; readonly value: Expr; readonly origin?: Origin }
export interface FuncType { readonly tag: 'FuncType'; readonly params: readonly Field[]; readonly results: readonly Expr[]; readonly origin?: Origin }
/** A parameter: `name T` (name null: unnamed). */
export interface Field { readonly name: string | null; readonly type: Expr }

export type UnaryOp = '-' | '+' | '!' | '^' | '&' | '<-';
export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '|' | '^' | '*' | '/' | '%' | '<<' | '>>' | '&' | '&^';

// ---- Statements --------------------------------------------------------------------------------------------
export type Stmt =
  | AssignStmt | DeclStmt | ExprStmt | ReturnStmt | IfStmt | SwitchStmt | TypeSwitchStmt | BlockStmt | ForStmt | BranchStmt;

/** `lhs := rhs` (declares) or `lhs = rhs`. */
export interface AssignStmt { readonly tag: 'AssignStmt'; readonly lhs: readonly Expr[]; readonly tok: ':=' | '='; readonly rhs: readonly Expr[]; readonly origin?: Origin }
export interface DeclStmt { readonly tag: 'DeclStmt'; readonly decl: GenDecl; readonly origin?: Origin }
export interface ExprStmt { readonly tag: 'ExprStmt'; readonly x: Expr; readonly origin?: Origin }
export interface ReturnStmt { readonly tag: 'ReturnStmt'; readonly results: readonly Expr[]; readonly origin?: Origin }
/** `if init; cond { body } else …`. */
export interface IfStmt {
  readonly tag: 'IfStmt';
  readonly init: Stmt | null;
  readonly cond: Expr;
  readonly body: BlockStmt;
  readonly else: IfStmt | BlockStmt | null;
  readonly origin?: Origin;
}
/** `switch init; tag { clauses }`; tag null = `switch { case cond: … }`. */
export interface SwitchStmt { readonly tag: 'SwitchStmt'; readonly init: Stmt | null; readonly subject: Expr | null; readonly clauses: readonly CaseClause[]; readonly origin?: Origin }
/** `switch bind := x.(type) { case T: … }` (bind null: no binding). */
export interface TypeSwitchStmt { readonly tag: 'TypeSwitchStmt'; readonly bind: string | null; readonly x: Expr; readonly clauses: readonly CaseClause[]; readonly origin?: Origin }
/** `case list…:` (an empty list is `default:`). */
export interface CaseClause { readonly list: readonly Expr[]; readonly body: readonly Stmt[]; readonly comment?: string }
export interface BlockStmt { readonly tag: 'BlockStmt'; readonly stmts: readonly Stmt[]; readonly origin?: Origin }
/** `for init; cond; post { body }`; all three null = `for { … }`; only cond = `for cond { … }`. */
export interface ForStmt { readonly tag: 'ForStmt'; readonly init: Stmt | null; readonly cond: Expr | null; readonly post: Stmt | null; readonly body: BlockStmt; readonly origin?: Origin }
export interface BranchStmt { readonly tag: 'BranchStmt'; readonly tok: 'break' | 'continue' | 'goto' | 'fallthrough'; readonly label: string | null; readonly origin?: Origin }

// ---- Declarations ------------------------------------------------------------------------------------------
export type Decl = FuncDecl | GenDecl;

export interface FuncDecl {
  readonly tag: 'FuncDecl';
  readonly name: string;
  readonly type: FuncType;
  readonly body: BlockStmt;
  /** Comment lines printed above the declaration (without `// `). */
  readonly doc: readonly string[];
  readonly origin?: Origin;
}
/**
 * `var name T = value` / `const name = value`: exactly one spec, because gofmt aligns the specs of a
 * parenthesised group (imports live on File).
 */
export interface GenDecl {
  readonly tag: 'GenDecl';
  readonly tok: 'var' | 'const';
  readonly name: string;
  readonly type: Expr | null;
  readonly value: Expr | null;
  readonly doc: readonly string[];
  readonly origin?: Origin;
}

// ---- Constructors ------------------------------------------------------------------------------------------
const withOrigin = <T extends object>(node: T, origin?: Origin): T => (origin === undefined ? node : { ...node, origin });

export const mk = {
  file: (pkg: string, imports: readonly string[], decls: readonly Decl[], doc: readonly string[] = []): File =>
    ({ tag: 'File', package: pkg, imports, decls, doc }),
  ident: (name: string, origin?: Origin): Ident => withOrigin({ tag: 'Ident', name }, origin),
  int: (text: string): BasicLit => ({ tag: 'BasicLit', kind: 'INT', value: text }),
  float: (text: string): BasicLit => ({ tag: 'BasicLit', kind: 'FLOAT', value: text }),
  str: (value: string): BasicLit => ({ tag: 'BasicLit', kind: 'STRING', value }),
  composite: (type: Expr, elts: readonly Expr[]): CompositeLit => ({ tag: 'CompositeLit', type, elts }),
  funcLit: (type: FuncType, body: readonly Stmt[], origin?: Origin): FuncLit =>
    withOrigin({ tag: 'FuncLit', type, body: mk.block(body) }, origin),
  call: (fun: Expr, args: readonly Expr[], ellipsis = false): CallExpr => ({ tag: 'CallExpr', fun, args, ellipsis }),
  sel: (x: Expr, sel: string): SelectorExpr => ({ tag: 'SelectorExpr', x, sel }),
  /** `pkg.Name` */
  qual: (pkg: string, name: string): SelectorExpr => ({ tag: 'SelectorExpr', x: mk.ident(pkg), sel: name }),
  index: (x: Expr, index: Expr): IndexExpr => ({ tag: 'IndexExpr', x, index }),
  typeAssert: (x: Expr, type: Expr | null): TypeAssertExpr => ({ tag: 'TypeAssertExpr', x, type }),
  unary: (op: UnaryOp, x: Expr): UnaryExpr => ({ tag: 'UnaryExpr', op, x }),
  binary: (op: BinaryOp, x: Expr, y: Expr): BinaryExpr => ({ tag: 'BinaryExpr', op, x, y }),
  /** `a op b op c …` folded to the left. */
  chain: (op: BinaryOp, xs: readonly Expr[]): Expr => xs.slice(1).reduce<Expr>((a, b) => mk.binary(op, a, b), xs[0]!),
  paren: (x: Expr): ParenExpr => ({ tag: 'ParenExpr', x }),
  star: (x: Expr): StarExpr => ({ tag: 'StarExpr', x }),
  slice: (x: Expr, low: Expr | null, high: Expr | null): SliceExpr => ({ tag: 'SliceExpr', x, low, high }),
  kv: (key: Expr, value: Expr): KeyValueExpr => ({ tag: 'KeyValueExpr', key, value }),
  arrayType: (elt: Expr, len: Expr | null = null): ArrayType => ({ tag: 'ArrayType', len, elt }),
  mapType: (key: Expr, value: Expr): MapType => ({ tag: 'MapType', key, value }),
  funcType: (params: readonly Field[], results: readonly Expr[]): FuncType => ({ tag: 'FuncType', params, results }),
  field: (name: string | null, type: Expr): Field => ({ name, type }),

  assign: (lhs: readonly Expr[], tok: ':=' | '=', rhs: readonly Expr[], origin?: Origin): AssignStmt =>
    withOrigin({ tag: 'AssignStmt', lhs, tok, rhs }, origin),
  /** `name := value` */
  define: (name: string, value: Expr, origin?: Origin): AssignStmt => mk.assign([mk.ident(name)], ':=', [value], origin),
  /** `name = value` (`_ = value` discards). */
  set: (name: string, value: Expr, origin?: Origin): AssignStmt => mk.assign([mk.ident(name)], '=', [value], origin),
  declStmt: (decl: GenDecl): DeclStmt => ({ tag: 'DeclStmt', decl }),
  exprStmt: (x: Expr): ExprStmt => ({ tag: 'ExprStmt', x }),
  ret: (results: readonly Expr[]): ReturnStmt => ({ tag: 'ReturnStmt', results }),
  if: (init: Stmt | null, cond: Expr, body: readonly Stmt[], els: IfStmt | BlockStmt | null = null): IfStmt =>
    ({ tag: 'IfStmt', init, cond, body: mk.block(body), else: els }),
  switch: (init: Stmt | null, subject: Expr | null, clauses: readonly CaseClause[]): SwitchStmt => ({ tag: 'SwitchStmt', init, subject, clauses }),
  typeSwitch: (bind: string | null, x: Expr, clauses: readonly CaseClause[]): TypeSwitchStmt => ({ tag: 'TypeSwitchStmt', bind, x, clauses }),
  caseClause: (list: readonly Expr[], body: readonly Stmt[], comment?: string): CaseClause =>
    (comment === undefined ? { list, body } : { list, body, comment }),
  block: (stmts: readonly Stmt[]): BlockStmt => ({ tag: 'BlockStmt', stmts }),
  for: (init: Stmt | null, cond: Expr | null, post: Stmt | null, body: readonly Stmt[]): ForStmt =>
    ({ tag: 'ForStmt', init, cond, post, body: mk.block(body) }),
  branch: (tok: BranchStmt['tok'], label: string | null = null): BranchStmt => ({ tag: 'BranchStmt', tok, label }),

  funcDecl: (name: string, type: FuncType, body: readonly Stmt[], doc: readonly string[] = [], origin?: Origin): FuncDecl =>
    withOrigin({ tag: 'FuncDecl', name, type, body: mk.block(body), doc }, origin),
  varDecl: (name: string, type: Expr | null, value: Expr | null, doc: readonly string[] = []): GenDecl =>
    ({ tag: 'GenDecl', tok: 'var', name, type, value, doc }),
  constDecl: (name: string, value: Expr, doc: readonly string[] = []): GenDecl =>
    ({ tag: 'GenDecl', tok: 'const', name, type: null, value, doc }),
};

export const isFuncDecl = (d: Decl): d is FuncDecl => d.tag === 'FuncDecl';
export const isGenDecl = (d: Decl): d is GenDecl => d.tag === 'GenDecl';
