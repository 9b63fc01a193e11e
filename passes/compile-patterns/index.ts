// passes/compile-patterns/index.ts: Renamed -> PatternCompiled. Delta: removes Case and patterns; adds
// Switch on one local variable (a decision tree, ./decision-tree.ts), Fail, and join points.
//
// Variables bound by patterns are not re-bound with lets: a substitution maps each pattern variable to
// the occurrence variable holding its value while the right-hand side is compiled. A right-hand side
// reached from several leaves is compiled once, as `let j = \vars -> rhs` (a join point) before the tree,
// and each leaf calls `j` with its occurrences (or with Unit when the clause binds nothing), so code size
// stays linear in the clauses. Atomic right-hand sides (a variable or literal) are simply repeated.
import { match } from 'ts-pattern';
import * as R from '../../ir/renamed/renamed';
import * as PC from '../../ir/pattern-compiled/pattern-compiled';
import { Fresh } from '../../ir/shared/fresh';
import { assertNever } from '../../ir/shared/diagnostic';
import type { Span } from '../../ir/shared/span';
import { type Row, type Tree, buildTree, leafCounts, nameBinders } from './decision-tree';
import { showPattern } from '../../ir/pattern-compiled/show-pattern';

/** Compiles every Case and lambda parameter pattern into decision trees. */
export function compilePatterns(m: R.Module): PC.Module {
  const c = new Compiler(new Fresh(binders(m)));
  return PC.mk.module(m.name, m.decls.map((d) => PC.mk.decl(d.name, c.decl(d), d.span)), m.main, m.span);
}

type Subst = ReadonlyMap<string, string>;
const noSubst: Subst = new Map();
// A right-hand side, compiled under the substitution its leaf provides.
type Rhs = { readonly vars: readonly string[]; readonly atomic: boolean; readonly compile: (s: Subst) => PC.Expr };

class Compiler {
  private where = '';
  // Variables switched on along the path being generated: a case on one of them needs a fresh alias,
  // so that no path tests one variable twice (the checker's invariant).
  private readonly tested = new Set<string>();
  // Pattern variables already used as constructor-field binders (a name binds once per module).
  private readonly claimed = new Set<string>();

  constructor(private readonly fresh: Fresh) {}

  decl(d: R.Decl): PC.Expr {
    this.where = d.name;
    return this.expr(d.body, noSubst);
  }

  private expr(e: R.Expr, s: Subst): PC.Expr {
    // The hottest kinds first (95% of the nodes), match() for the rest: building a ts-pattern matcher per node
    // (and failing the arms before the right one) was most of this pass's time and allocation.
    switch (e.tag) {
      case 'Var': return PC.mk.var(e.scope === 'local' ? s.get(e.name) ?? e.name : e.name, e.scope, e.span);
      case 'App': return PC.mk.app(this.expr(e.fn, s), this.expr(e.arg, s), e.span);
      case 'Lit': return PC.mk.lit(e.value, e.span);
      case 'Lam': return this.lam(e.params, e.body, s, e.span);
      case 'Case': return this.caseOf(e, s);
    }
    return match<Exclude<R.Expr, R.Var | R.App | R.Lit | R.Lam | R.Case>, PC.Expr>(e)
      .with({ tag: 'Select' }, (x) => PC.mk.select(this.expr(x.record, s), x.label, x.span))
      .with({ tag: 'Let' }, (l) => PC.mk.let(l.name, this.expr(l.rhs, s), this.expr(l.body, s), l.span))
      .with({ tag: 'Record' }, (r) => PC.mk.record(r.fields.map((f) => ({ label: f.label, value: this.expr(f.value, s) })), r.span))
      .with({ tag: 'Template' }, (t) =>
        PC.mk.template(t.block, t.parts.map((p) => (p.tag === 'Text' ? PC.mk.text(p.text) : PC.mk.hole(this.expr(p.body, s)))), t.span))
      .exhaustive();
  }

  // A local scrutinee is switched on directly; anything else is bound to a fresh local first.
  private caseOf(c: R.Case, s: Subst): PC.Expr {
    const scrutinee = this.expr(c.scrutinee, s);
    const direct = scrutinee.tag === 'Var' && scrutinee.scope === 'local' && !this.tested.has(scrutinee.name);
    const root = direct ? scrutinee.name : this.fresh.next('_s');
    const rows = c.alts.map((a, i): Row => ({ pats: [a.pattern], binds: [], rhs: i }));
    const rhss = c.alts.map((a): Rhs => ({ vars: patternVars(a.pattern), atomic: isAtomic(a.body), compile: (s2) => this.expr(a.body, s2) }));
    const fail = (): PC.Expr => PC.mk.fail('NonExhaustiveCase', root, '', this.where, c.span);
    const tree = this.match(root, rows, rhss, fail, s, c.span);
    return direct ? tree : PC.mk.let(root, scrutinee, tree, c.span);
  }

  // Parameters up to and including the first refutable one form one lambda; the match runs when that
  // argument arrives (§1.5), and the remaining parameters become a lambda inside the match.
  private lam(params: readonly R.Pattern[], body: R.Expr, s: Subst, span: Span): PC.Expr {
    const names: string[] = [];
    for (const [i, p] of params.entries()) {
      if (p.tag === 'PVar') names.push(p.name);
      else if (p.tag === 'PWild') names.push(this.fresh.next('_w'));
      else {
        const x = this.fresh.next('_p');
        names.push(x);
        const rest = params.slice(i + 1);
        const rhs: Rhs = {
          vars: patternVars(p),
          atomic: false,
          compile: (s2) => (rest.length > 0 ? this.lam(rest, body, s2, span) : this.expr(body, s2)),
        };
        const fail = (): PC.Expr => PC.mk.fail('PatternMatchFailure', x, showPattern(p), this.where, p.span);
        return PC.mk.lam(names, this.match(x, [{ pats: [p], binds: [], rhs: 0 }], [rhs], fail, s, span), this.where, span);
      }
    }
    return PC.mk.lam(names, this.expr(body, s), this.where, span);
  }

  // The decision tree for `rows` against the local `root`, with join points for shared right-hand sides.
  private match(root: string, rows: readonly Row[], rhss: readonly Rhs[], fail: () => PC.Expr, s: Subst, span: Span): PC.Expr {
    const raw = buildTree([root], rows, this.fresh);
    const joins = new Map<number, { name: string; params: readonly string[] }>();
    const lets: [string, PC.Expr][] = [];
    const counts = [...leafCounts(raw)].sort((a, b) => a[0] - b[0]);
    const joined = (i: number): boolean => (counts.find(([j]) => j === i)?.[1] ?? 0) > 1 && !rhss[i]!.atomic;
    const tree = nameBinders(raw, (x, rhs) => !joined(rhs) && !this.claimed.has(x) && this.claimed.add(x) !== undefined);
    for (const [i, n] of counts) {
      const rhs = rhss[i]!;
      if (n < 2 || rhs.atomic) continue;
      const name = this.fresh.next('_j');
      const params = rhs.vars.length > 0 ? rhs.vars : [this.fresh.next('_u')];
      joins.set(i, { name, params });
      // The join's parameters are the pattern variables themselves, so the body needs no renaming.
      lets.push([name, PC.mk.lam(params, rhs.compile(s), this.where, span)]);
    }
    const gen = (t: Tree): PC.Expr => {
      switch (t.k) {
        case 'fail': return fail();
        case 'leaf': {
          const j = joins.get(t.rhs);
          const rhs = rhss[t.rhs]!;
          if (j === undefined) return rhs.compile(new Map([...s, ...t.binds]));
          const args = rhs.vars.length > 0
            ? rhs.vars.map((v) => PC.mk.var(t.binds.get(v)!, 'local', span))
            : [PC.mk.var('Lune.Prelude.Unit', 'con', span)];
          return PC.mk.apps(PC.mk.var(j.name, 'local', span), args, span);
        }
        case 'switch': {
          this.tested.add(t.occ);
          const arms = t.arms.map((a) => (a.k === 'con' ? PC.mk.conArm(a.con, a.binders, gen(a.sub)) : PC.mk.stringArm(a.value, gen(a.sub))));
          const dflt = gen(t.dflt);
          this.tested.delete(t.occ);
          return PC.mk.switch(t.occ, arms, dflt, span);
        }
      }
    };
    return lets.reduceRight<PC.Expr>((body, [name, rhs]) => PC.mk.let(name, rhs, body, span), gen(tree));
  }
}

const isAtomic = (e: R.Expr): boolean => e.tag === 'Var' || e.tag === 'Lit';

// The variables a pattern binds, left to right (all unique after renaming).
function patternVars(p: R.Pattern): string[] {
  if (p.tag === 'PVar') return [p.name]; // the hottest kind first (see Compiler.expr)
  return match(p)
    .with({ tag: 'PCon' }, (c) => c.args.flatMap(patternVars))
    .with({ tag: 'PWild' }, { tag: 'PString' }, () => [])
    .exhaustive();
}

// Every local binder of the module, so compiler temporaries never collide with them.
function binders(m: R.Module): Set<string> {
  const out = new Set<string>();
  const pat = (p: R.Pattern): void => {
    if (p.tag === 'PVar') out.add(p.name);
    else if (p.tag === 'PCon') p.args.forEach(pat);
  };
  // A plain switch (+ assertNever), not match(), as in anf.ts's binders: an analysis visiting every node.
  const walk = (e: R.Expr): void => {
    switch (e.tag) {
      case 'Var': case 'Lit': return;
      case 'App': walk(e.fn); walk(e.arg); return;
      case 'Lam': e.params.forEach(pat); walk(e.body); return;
      case 'Let': out.add(e.name); walk(e.rhs); walk(e.body); return;
      case 'Case':
        walk(e.scrutinee);
        for (const a of e.alts) {
          pat(a.pattern);
          walk(a.body);
        }
        return;
      case 'Record': for (const f of e.fields) walk(f.value); return;
      case 'Select': walk(e.record); return;
      case 'Template': for (const p of e.parts) if (p.tag === 'Hole') walk(p.body); return;
      default: assertNever(e, 'compile-patterns');
    }
  };
  m.decls.forEach((d) => walk(d.body));
  return out;
}
