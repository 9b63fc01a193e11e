// ir/goast/check.ts: what Go's compiler would reject and the types cannot express: names used before they are
// declared, locals declared and never used, `:=` with nothing new, and duplicate top-level names.
import { match } from 'ts-pattern';
import { assertNever, type Diagnostic, diag } from '../shared/diagnostic';
import { goPredeclared } from './ident';
import type * as G from './goast';

/** Problems Go would report for this file (empty when it is fine). */
export function check(f: G.File): Diagnostic[] {
  const out: Diagnostic[] = [];
  const top = new Set<string>();
  for (const i of f.imports) top.add(i.slice(i.lastIndexOf('/') + 1));
  for (const d of f.decls) {
    if (d.name === 'init' && d.tag === 'FuncDecl') continue; // any number of init functions is allowed
    if (top.has(d.name)) out.push(diag('goast', `duplicate top-level name ${d.name}`));
    top.add(d.name);
  }
  for (const d of f.decls) {
    const c = new Checker(d.name, top, out);
    match(d)
      .with({ tag: 'FuncDecl' }, (fn) => c.func(fn.type, fn.body))
      .with({ tag: 'GenDecl' }, (g) => {
        if (g.type !== null) c.expr(g.type);
        if (g.value !== null) c.expr(g.value);
      })
      .exhaustive();
  }
  return out;
}

interface Local { used: boolean; reportUnused: boolean }

// Walks one top-level declaration with a stack of scopes.
class Checker {
  private readonly scopes: Map<string, Local>[] = [];
  // Name → its declarations in the open scopes, innermost last: a lookup is one map access instead of a walk
  // down the scope stack (tens of scopes deep in large functions, for every identifier).
  private readonly visible = new Map<string, Local[]>();

  constructor(private readonly where: string, private readonly top: ReadonlySet<string>, private readonly out: Diagnostic[]) {}

  func(type: G.FuncType, body: G.BlockStmt): void {
    for (const p of type.params) this.expr(p.type);
    for (const r of type.results) this.expr(r);
    this.open();
    for (const p of type.params) if (p.name !== null && p.name !== '_') this.declare(p.name, false);
    this.stmts(body.stmts);
    this.close();
  }

  // Scopes are opened and closed explicitly (no callbacks): nesting depth costs as few stack frames as possible.
  private open(): void {
    this.scopes.push(new Map());
  }

  private close(): void {
    const scope = this.scopes.pop()!;
    for (const [name, l] of scope) {
      if (l.reportUnused && !l.used) this.report(`declared and not used: ${name}`);
      this.visible.get(name)!.pop();
    }
  }

  private report(message: string): void {
    this.out.push(diag('goast', `${message} (in ${this.where})`));
  }

  private declare(name: string, reportUnused: boolean): void {
    this.bind(name, { used: false, reportUnused });
  }

  // Binds `name` in the innermost scope; a second binding there replaces the first (as Map.set did).
  private bind(name: string, l: Local): void {
    const scope = this.scopes[this.scopes.length - 1]!;
    let stack = this.visible.get(name);
    if (stack === undefined) this.visible.set(name, (stack = []));
    if (scope.has(name)) stack[stack.length - 1] = l;
    else stack.push(l);
    scope.set(name, l);
  }

  private lookup(name: string): Local | undefined {
    const stack = this.visible.get(name);
    return stack === undefined ? undefined : stack[stack.length - 1];
  }

  // A name read in an expression, or (`write`) assigned with `=`, which Go does not count as a use.
  private use(name: string, write = false): void {
    if (name === '_' && write) return;
    const l = this.lookup(name);
    if (l !== undefined) {
      if (!write) l.used = true;
    } else if (!this.top.has(name) && !goPredeclared.has(name)) this.report(`undefined: ${name}`);
  }

  private stmts(ss: readonly G.Stmt[]): void {
    for (const s of ss) this.stmt(s);
  }

  private stmt(s: G.Stmt): void {
    switch (s.tag) {
      case 'AssignStmt': return this.assign(s);
      case 'DeclStmt':
        if (s.decl.type !== null) this.expr(s.decl.type);
        if (s.decl.value !== null) this.expr(s.decl.value);
        if (s.decl.name !== '_') this.declare(s.decl.name, s.decl.tok === 'var');
        return;
      case 'ExprStmt': return this.expr(s.x);
      case 'ReturnStmt':
        for (const x of s.results) this.expr(x);
        return;
      case 'IfStmt': return this.ifStmt(s);
      case 'SwitchStmt':
        this.open();
        if (s.init !== null) this.stmt(s.init);
        if (s.subject !== null) this.expr(s.subject);
        for (const c of s.clauses) {
          for (const x of c.list) this.expr(x);
          this.open();
          this.stmts(c.body);
          this.close();
        }
        return this.close();
      case 'TypeSwitchStmt': {
        this.expr(s.x);
        const bound: Local = { used: false, reportUnused: false };
        for (const c of s.clauses) {
          for (const t of c.list) this.expr(t);
          this.open();
          if (s.bind !== null) this.bind(s.bind, bound);
          this.stmts(c.body);
          this.close();
        }
        if (s.bind !== null && !bound.used) this.report(`declared and not used: ${s.bind}`);
        return;
      }
      case 'BlockStmt':
        this.open();
        this.stmts(s.stmts);
        return this.close();
      case 'ForStmt':
        this.open();
        if (s.init !== null) this.stmt(s.init);
        if (s.cond !== null) this.expr(s.cond);
        if (s.post !== null) this.stmt(s.post);
        this.open();
        this.stmts(s.body.stmts);
        this.close();
        return this.close();
      case 'BranchStmt': return;
      default: return assertNever(s, 'goast');
    }
  }

  private assign(a: G.AssignStmt): void {
    for (const r of a.rhs) this.expr(r);
    if (a.tok === '=') {
      for (const l of a.lhs) (l.tag === 'Ident' ? this.use(l.name, true) : this.expr(l));
      return;
    }
    const scope = this.scopes[this.scopes.length - 1]!;
    let fresh = 0;
    for (const l of a.lhs) {
      if (l.tag !== 'Ident') this.report(`non-name on left side of :=`);
      else if (l.name !== '_' && !scope.has(l.name)) {
        this.declare(l.name, true);
        fresh++;
      }
    }
    if (fresh === 0) this.report('no new variables on left side of :=');
  }

  private ifStmt(i: G.IfStmt): void {
    this.open();
    if (i.init !== null) this.stmt(i.init);
    this.expr(i.cond);
    this.open();
    this.stmts(i.body.stmts);
    this.close();
    const els = i.else;
    if (els?.tag === 'IfStmt') this.ifStmt(els);
    else if (els?.tag === 'BlockStmt') {
      this.open();
      this.stmts(els.stmts);
      this.close();
    }
    this.close();
  }

  // A plain switch: this runs once per node of very large files (see print.ts).
  expr(e: G.Expr): void {
    switch (e.tag) {
      case 'Ident': return this.use(e.name);
      case 'BasicLit': return;
      case 'CompositeLit':
        this.expr(e.type);
        // A key that is a bare name is a struct field name, not a variable.
        for (const x of e.elts) (x.tag === 'KeyValueExpr' && x.key.tag === 'Ident' ? this.expr(x.value) : this.expr(x));
        return;
      case 'FuncLit': return this.func(e.type, e.body);
      case 'CallExpr':
        this.expr(e.fun);
        for (const a of e.args) this.expr(a);
        return;
      case 'SelectorExpr': return this.expr(e.x);
      case 'IndexExpr':
        this.expr(e.x);
        return this.expr(e.index);
      case 'TypeAssertExpr':
        this.expr(e.x);
        if (e.type !== null) this.expr(e.type);
        return;
      case 'UnaryExpr': return this.expr(e.x);
      case 'BinaryExpr':
        this.expr(e.x);
        return this.expr(e.y);
      case 'ParenExpr': return this.expr(e.x);
      case 'StarExpr': return this.expr(e.x);
      case 'SliceExpr':
        this.expr(e.x);
        if (e.low !== null) this.expr(e.low);
        if (e.high !== null) this.expr(e.high);
        return;
      case 'KeyValueExpr':
        this.expr(e.key);
        return this.expr(e.value);
      case 'ArrayType':
        if (e.len !== null) this.expr(e.len);
        return this.expr(e.elt);
      case 'MapType':
        this.expr(e.key);
        return this.expr(e.value);
      case 'FuncType':
        for (const p of e.params) this.expr(p.type);
        for (const r of e.results) this.expr(r);
        return;
      default: return assertNever(e, 'goast');
    }
  }
}
