// emit/module.ts: GoAst.File → the files of a Go module (path → text): go.mod, main.go (printed), rt/*.go from
// runtime/, and, only for programs that use an STM primitive, rt/stm.go plus go.sum and vendor/ from vendor/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import * as G from '../ir/goast';
import { goPrimFunc, goPrimValue, prims, type PrimInfo } from '../ir/shared/prims';
import { assertNever } from '../ir/shared/diagnostic';

/** Where the runtime and the vendored modules are read from (defaults: this repository's runtime/ and vendor/). */
export interface EmitOptions {
  readonly runtimeDir?: string;
  readonly vendorDir?: string;
}

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const plainGoMod = 'module lunegen\n\ngo 1.25\n';

/** The module's files, keyed by slash-separated path relative to the module root, in a stable order. */
export function emitModule(f: G.File, opts: EmitOptions = {}): Map<string, string> {
  const runtimeDir = opts.runtimeDir ?? join(repoDir, 'runtime');
  const vendorDir = opts.vendorDir ?? join(repoDir, 'vendor');
  const stm = usesStm(f);
  const files = new Map<string, string>();
  files.set('go.mod', stm ? readFileSync(join(vendorDir, 'go.mod'), 'utf8') : plainGoMod);
  files.set('main.go', G.print(f));
  for (const name of readdirSync(runtimeDir).sort()) {
    if (!name.endsWith('.go') || name.endsWith('_test.go') || (name === 'stm.go' && !stm)) continue;
    files.set(`rt/${name}`, readFileSync(join(runtimeDir, name), 'utf8'));
  }
  if (stm) {
    if (!existsSync(join(vendorDir, 'modules.txt'))) {
      throw new Error(`this program uses STM, whose Go dependency is not vendored yet: run \`npm run setup\` (fills ${vendorDir})`);
    }
    files.set('go.sum', readFileSync(join(vendorDir, 'go.sum'), 'utf8'));
    for (const path of walk(vendorDir)) {
      const rel = relative(vendorDir, path).split('\\').join('/');
      if (rel !== 'go.mod' && rel !== 'go.sum') files.set(`vendor/${rel}`, readFileSync(path, 'utf8'));
    }
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const primByGoName: ReadonlyMap<string, PrimInfo> = new Map(prims.flatMap((p) => [[goPrimValue(p.name), p], [goPrimFunc(p.name), p]] as const));

/** The primitives a generated file refers to (as `rt.P_…` or `rt.F_…`), sorted by name. */
export function primsUsed(f: G.File): PrimInfo[] {
  const found = new Map<string, PrimInfo>();
  // A walk over every expression by kind (plain switches: it visits every node of files tens of thousands of
  // lines long; a generic walk over all fields took 10-20 ms per compile).
  const expr = (e: G.Expr | null): void => {
    if (e === null) return;
    switch (e.tag) {
      case 'Ident': case 'BasicLit': return;
      case 'SelectorExpr':
        if (e.x.tag === 'Ident' && e.x.name === 'rt') {
          const p = primByGoName.get(e.sel);
          if (p !== undefined) found.set(p.name, p);
        }
        return expr(e.x);
      case 'CallExpr': expr(e.fun); return exprs(e.args);
      case 'CompositeLit': expr(e.type); return exprs(e.elts);
      case 'FuncLit': expr(e.type); return stmt(e.body);
      case 'IndexExpr': expr(e.x); return expr(e.index);
      case 'TypeAssertExpr': expr(e.x); return expr(e.type);
      case 'UnaryExpr': case 'ParenExpr': case 'StarExpr': return expr(e.x);
      case 'BinaryExpr': expr(e.x); return expr(e.y);
      case 'SliceExpr': expr(e.x); expr(e.low); return expr(e.high);
      case 'KeyValueExpr': case 'MapType': expr(e.key); return expr(e.value);
      case 'ArrayType': expr(e.len); return expr(e.elt);
      case 'FuncType':
        for (const p of e.params) expr(p.type);
        return exprs(e.results);
      default: return assertNever(e, 'emit');
    }
  };
  const exprs = (es: readonly G.Expr[]): void => {
    for (const e of es) expr(e);
  };
  const stmt = (s: G.Stmt | null): void => {
    if (s === null) return;
    switch (s.tag) {
      case 'AssignStmt': exprs(s.lhs); return exprs(s.rhs);
      case 'DeclStmt': return decl(s.decl);
      case 'ExprStmt': return expr(s.x);
      case 'ReturnStmt': return exprs(s.results);
      case 'IfStmt': stmt(s.init); expr(s.cond); stmt(s.body); return stmt(s.else);
      case 'SwitchStmt': stmt(s.init); expr(s.subject); return clauses(s.clauses);
      case 'TypeSwitchStmt': expr(s.x); return clauses(s.clauses);
      case 'BlockStmt': for (const x of s.stmts) stmt(x); return;
      case 'ForStmt': stmt(s.init); expr(s.cond); stmt(s.post); return stmt(s.body);
      case 'BranchStmt': return;
      default: return assertNever(s, 'emit');
    }
  };
  const clauses = (cs: readonly G.CaseClause[]): void => {
    for (const c of cs) {
      exprs(c.list);
      for (const x of c.body) stmt(x);
    }
  };
  const decl = (d: G.Decl): void => {
    switch (d.tag) {
      case 'FuncDecl': expr(d.type); return stmt(d.body);
      case 'GenDecl': expr(d.type); return expr(d.value);
      default: return assertNever(d, 'emit');
    }
  };
  for (const d of f.decls) decl(d);
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** True when the program needs rt/stm.go (and so the vendored anacrolix/stm). */
export const usesStm = (f: G.File): boolean => primsUsed(f).some((p) => p.group === 'stm');
