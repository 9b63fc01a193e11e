// passes/rename.ts: Core -> Renamed. Delta: resolves every name (local, global, primitive, constructor),
// makes local binders unique, keeps only what main reaches, and rejects what the target cannot run.
//
// Errors: every problem in the reachable declarations is collected first; one CompileError is thrown
// whose message is the first problem (with its span when known) and whose notes list the others, each
// once. So a user sees all the unsupported primitives of a program in one run.
import { match } from 'ts-pattern';
import type * as Core from '../ir/core/core';
import * as R from '../ir/renamed/renamed';
import { CompileError, type Diagnostic, NoMainError, assertNever, diag } from '../ir/shared/diagnostic';
import { Fresh } from '../ir/shared/fresh';
import { mainName, resolveName } from '../ir/shared/name';
import { lookupPrim, type Target } from '../ir/shared/prims';
import { type Span, isKnown, showSpan } from '../ir/shared/span';

const stage = 'rename';

/** Resolves names and drops unreachable declarations; throws CompileError listing every problem found. */
export function rename(m: Core.Module, target: Target, warn?: (d: Diagnostic) => void): R.Module {
  const globals = new Map<string, Core.Decl>();
  for (const d of m.decls) if (d.name !== '') globals.set(d.name, d); // Haskell Map.fromList: the last wins
  // `<Module>.main`, else a declaration literally named `main` (the Go target's defensive fallback, §1.9).
  const main = [mainName(m.name), 'main'].find((n) => globals.has(n));
  if (main === undefined) throw new NoMainError(stage, m.name);
  const live = reachable(main, globals);
  const r = new Renamer(target, globals, warn);
  const decls: R.Decl[] = [];
  for (const [name, d] of globals) {
    if (live.has(name)) decls.push(R.mk.decl(name, r.decl(d), d.span));
  }
  r.throwProblems();
  return R.mk.module(m.name, decls, main, m.span);
}

// The top-level names reachable from `main` through references not shadowed by a local binder.
function reachable(main: string, globals: ReadonlyMap<string, Core.Decl>): Set<string> {
  const seen = new Set<string>([main]);
  const todo = [main];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    for (const g of globalRefs(globals.get(n)!.body, globals)) {
      if (!seen.has(g)) {
        seen.add(g);
        todo.push(g);
      }
    }
  }
  return seen;
}

// Global names an expression refers to. Locals are tracked with counts so shadowing is exact.
function globalRefs(e: Core.Expr, globals: ReadonlyMap<string, Core.Decl>): Set<string> {
  const out = new Set<string>();
  const locals = new Map<string, number>();
  const bind = (ns: readonly string[], delta: number): void => {
    for (const n of ns) locals.set(n, (locals.get(n) ?? 0) + delta);
  };
  // A plain switch (+ assertNever), not match(): this walk visits every node of every reachable declaration, and
  // ts-pattern's per-node matchers were most of the renamer's time even with the hottest kinds handled first.
  const walk = (x: Core.Expr): void => {
    switch (x.tag) {
      case 'CVar':
        if (!locals.get(x.name) && lookupPrim(x.name) === undefined && globals.has(x.name)) out.add(x.name);
        return;
      case 'CApp': walk(x.fn); walk(x.arg); return;
      case 'CString': case 'CInt': case 'CFloat': case 'CChar': case 'CDictWanted': case 'CForeignImport': return;
      case 'CLam': {
        const ns = x.params.flatMap(patternVars);
        bind(ns, 1), walk(x.body), bind(ns, -1);
        return;
      }
      case 'CLet':
        walk(x.rhs);
        bind([x.name], 1), walk(x.body), bind([x.name], -1);
        return;
      case 'CCase':
        walk(x.scrutinee);
        for (const a of x.alts) {
          const ns = patternVars(a.pattern);
          bind(ns, 1), walk(a.body), bind(ns, -1);
        }
        return;
      case 'CSelect': walk(x.record); return;
      case 'CRecord': for (const f of x.fields) walk(f.value); return;
      case 'CTemplate': for (const p of x.parts) if (p.tag === 'THole') walk(p.expr); return;
      default: assertNever(x, stage);
    }
  };
  walk(e);
  return out;
}

function patternVars(p: Core.Pattern): string[] {
  if (p.tag === 'PVar') return [p.name]; // the hottest kind first (see Renamer.expr)
  return match(p)
    .with({ tag: 'PCon' }, (c) => c.args.flatMap(patternVars))
    .with({ tag: 'PWildcard' }, { tag: 'PString' }, () => [])
    .exhaustive();
}

interface Problem { readonly span: Span; readonly message: string }
// The expression kinds Renamer.expr handles before match().
type HotExpr = Core.CVar | Core.CApp | Core.CInt | Core.CLam | Core.CCase | Core.CSelect | Core.CString;

// Renames declarations one after another with one Fresh, so local names are deterministic per module.
class Renamer {
  private readonly fresh = new Fresh();
  // Source name -> unique name of the innermost enclosing binder (saved and restored around scopes).
  private readonly env = new Map<string, string>();
  private readonly problems: Problem[] = [];
  private where = '';

  constructor(
    private readonly target: Target,
    private readonly globals: ReadonlyMap<string, Core.Decl>,
    private readonly warn?: (d: Diagnostic) => void,
  ) {}

  decl(d: Core.Decl): R.Expr {
    this.where = d.name;
    return this.expr(d.body);
  }

  throwProblems(): void {
    const seen = new Set<string>();
    const unique = this.problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
    const [first, ...rest] = unique;
    if (first === undefined) return;
    const notes = rest.map((p) => (isKnown(p.span) ? `${showSpan(p.span)}: ${p.message}` : p.message));
    throw new CompileError(stage, first.span, first.message, notes);
  }

  private problem(span: Span, message: string): R.Expr {
    this.problems.push({ span, message });
    return R.mk.lit({ kind: 'int', value: 0n }, span); // never used: rename throws before returning
  }

  private expr(e: Core.Expr): R.Expr {
    // The hottest kinds first (97% of the nodes), match() for the rest: building a ts-pattern matcher per node
    // (and failing the arms before the right one) was most of the renamer's time and allocation.
    switch (e.tag) {
      case 'CVar': return this.variable(e);
      case 'CApp': return R.mk.app(this.expr(e.fn), this.expr(e.arg), e.span);
      case 'CInt': return R.mk.lit({ kind: 'int', value: e.value }, e.span);
      case 'CLam': return this.lam(e);
      case 'CCase': return this.caseOf(e);
      case 'CSelect': return R.mk.select(this.expr(e.record), e.label, e.span);
      case 'CString': return R.mk.lit({ kind: 'string', value: e.value }, e.span);
    }
    return match<Exclude<Core.Expr, HotExpr>, R.Expr>(e)
      .with({ tag: 'CRecord' }, (r) => R.mk.record(r.fields.map((f) => ({ label: f.label, value: this.expr(f.value) })), r.span))
      .with({ tag: 'CLet' }, (l) => {
        const rhs = this.expr(l.rhs); // not recursive: the rhs does not see the new name
        const saved: [string, string | undefined][] = [];
        const name = this.bind(l.name, saved);
        const body = this.expr(l.body);
        this.restore(saved);
        return R.mk.let(name, rhs, body, l.span);
      })
      .with({ tag: 'CFloat' }, (f) => R.mk.lit({ kind: 'float', value: f.value }, f.span))
      .with({ tag: 'CChar' }, (c) => R.mk.lit({ kind: 'char', value: c.value }, c.span))
      .with({ tag: 'CTemplate' }, (t) => {
        if (!this.target.capabilities.has('templates')) {
          return this.problem(t.span, `unsupported template literal on the ${this.target.name} target (capability: templates)`);
        }
        const parts = t.parts.map((p) => (p.tag === 'TText' ? R.mk.text(p.text) : R.mk.hole(this.expr(p.expr))));
        return R.mk.template(t.block, parts, t.span);
      })
      .with({ tag: 'CDictWanted' }, (d) =>
        this.problem(d.span, `unresolved type-class dictionary ${d.constraint.className} in ${this.where}`))
      .with({ tag: 'CForeignImport' }, (f) =>
        this.problem(f.span, `foreign import of C symbol "${f.symbol}" (in ${this.where}) is not supported on the ${this.target.name} target (capability: ffi)`))
      .exhaustive();
  }

  private lam(l: Core.CLam): R.Expr {
    const saved: [string, string | undefined][] = [];
    // Each parameter's binders shadow the earlier parameters' (they are added in front, §1.5).
    const params = l.params.map((p) => this.pattern(p, saved, new Set()));
    const body = this.expr(l.body);
    this.restore(saved);
    return R.mk.lam(params, body, l.span);
  }

  private caseOf(c: Core.CCase): R.Expr {
    const scrutinee = this.expr(c.scrutinee);
    const alts = c.alts.map((a) => {
      const saved: [string, string | undefined][] = [];
      const pattern = this.pattern(a.pattern, saved, new Set());
      const body = this.expr(a.body);
      this.restore(saved);
      return R.mk.alt(pattern, body, a.span);
    });
    return R.mk.case(scrutinee, alts, c.span);
  }

  private variable(v: Core.CVar): R.Expr {
    const scope = resolveName(v.name, (n) => this.env.has(n), (n) => this.globals.has(n));
    if (scope === null && v.name.startsWith('prim_')) {
      // A primitive the frontend accepted but nobody documents (PRIMITIVES.md lists what exists). Lune's
      // evaluator fails with UnboundVariable only if it is evaluated, which well-behaved programs never do
      // (corpus 10_Json_Parse carries such names in an unused dictionary): compile the same failure.
      this.warn?.(diag(stage, `unknown primitive ${v.name} in ${this.where}: it fails with UnboundVariable if evaluated`, v.span));
      return R.mk.app(R.mk.var('$primUnbound', 'prim', v.span), R.mk.lit({ kind: 'string', value: v.name }, v.span), v.span);
    }
    if (scope === null) return this.problem(v.span, `unknown name ${v.name} in ${this.where}`);
    if (scope === 'local') return R.mk.var(this.env.get(v.name)!, 'local', v.span);
    if (scope === 'prim') {
      const group = lookupPrim(v.name)!.group;
      if (!this.target.capabilities.has(group)) {
        return this.problem(v.span, `unsupported primitive ${v.name} on the ${this.target.name} target (capability: ${group})`);
      }
    }
    return R.mk.var(v.name, scope, v.span);
  }

  // `inPattern`: names already bound by this same pattern; a repeat is not visible (the leftmost wins, §1.5).
  private pattern(p: Core.Pattern, saved: [string, string | undefined][], inPattern: Set<string>): R.Pattern {
    if (p.tag === 'PVar') {
      // The hottest kinds first (see expr). A repeat gets a fresh name nothing refers to, so the pattern still
      // prints as written.
      if (inPattern.has(p.name)) return R.mk.pvar(this.fresh.fresh(p.name), p.span, p.name);
      inPattern.add(p.name);
      return R.mk.pvar(this.bind(p.name, saved), p.span, p.name);
    }
    if (p.tag === 'PCon') return R.mk.pcon(p.con, p.args.map((a) => this.pattern(a, saved, inPattern)), p.span);
    return match<Core.PWildcard | Core.PString, R.Pattern>(p)
      .with({ tag: 'PWildcard' }, (w) => R.mk.pwild(w.span))
      .with({ tag: 'PString' }, (s) => R.mk.pstring(s.value, s.span))
      .exhaustive();
  }

  private bind(name: string, saved: [string, string | undefined][]): string {
    const unique = this.fresh.fresh(name);
    saved.push([name, this.env.get(name)]);
    this.env.set(name, unique);
    return unique;
  }

  // Undo bindings in reverse order, so a name bound twice in one scope gets its outer meaning back.
  private restore(saved: [string, string | undefined][]): void {
    for (let i = saved.length - 1; i >= 0; i--) {
      const [name, prev] = saved[i]!;
      if (prev === undefined) this.env.delete(name);
      else this.env.set(name, prev);
    }
  }
}
