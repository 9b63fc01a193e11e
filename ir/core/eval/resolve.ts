// ir/core/eval/resolve.ts: Core.Module -> the machine's Code (code.ts). Resolves every name once, with the
// lookup order of PRIMITIVES.md §1.5–1.6: local binders, then primitives, then top-level declarations,
// then the constructor rule; anything else becomes an `unbound` node that fails only if evaluated.
import { match } from 'ts-pattern';
import type * as Core from '../core';
import { looksLikeConstructor } from '../core';
import { mkChar, mkCon, mkFloat, type Value } from '../../shared/value';
import { showValue } from '../../shared/show';
import type { AltCode, Code, GlobalCell, PatCode, TemplatePartCode } from './code';
import type { PrimV } from './values';

/** A resolved module: one cell per non-placeholder declaration, in a name-keyed map. */
export interface Program {
  readonly name: string;
  readonly cells: ReadonlyMap<string, GlobalCell>;
  /** The Core of each declaration, for the reachability scan of runMain. */
  readonly decls: ReadonlyMap<string, Core.Decl>;
}

/** Primitive lookup supplied by prims.ts: the Code for a primitive name, or undefined. */
export type PrimLookup = (name: string) => Code | undefined;

// Scope mirrors the runtime Env: innermost binder first.
interface Scope { readonly name: string; readonly n: Scope | null }

/** Resolves every declaration of `m`. Placeholder declarations (name '') are skipped (§1.1). */
export function resolveModule(m: Core.Module, prim: PrimLookup): Program {
  const cells = new Map<string, GlobalCell>();
  const decls = new Map<string, Core.Decl>();
  for (const d of m.decls) {
    if (d.name === '') continue;
    // A later duplicate wins, as when Lune builds its environment map.
    cells.set(d.name, { name: d.name, code: null, value: undefined });
    decls.set(d.name, d);
  }
  const r = new Resolver(cells, prim);
  for (const [name, d] of decls) cells.get(name)!.code = r.expr(d.body, null);
  return { name: m.name, cells, decls };
}

class Resolver {
  private readonly conCache = new Map<string, Code>();
  constructor(private readonly cells: ReadonlyMap<string, GlobalCell>, private readonly prim: PrimLookup) {}

  /**
   * Resolves `root` in scope `s`. Iterative (an explicit stack of visits and builds) so a deeply nested
   * expression, such as a long list literal, cannot overflow the JS stack.
   */
  expr(root: Core.Expr, scope: Scope | null): Code {
    type Task = { readonly e: Core.Expr; readonly s: Scope | null } | { readonly n: number; readonly build: (kids: Code[]) => Code };
    const tasks: Task[] = [{ e: root, s: scope }];
    const results: Code[] = [];
    const later = (build: (kids: Code[]) => Code, kids: readonly (readonly [Core.Expr, Scope | null])[]): void => {
      tasks.push({ n: kids.length, build });
      for (let i = kids.length - 1; i >= 0; i--) tasks.push({ e: kids[i]![0], s: kids[i]![1] });
    };
    for (let t = tasks.pop(); t !== undefined; t = tasks.pop()) {
      if ('build' in t) {
        results.push(t.build(results.splice(results.length - t.n, t.n)));
        continue;
      }
      const s = t.s;
      match<Core.Expr, void>(t.e)
        .with({ tag: 'CVar' }, (v) => void results.push(this.variable(v.name, s)))
        .with({ tag: 'CString' }, (x) => void results.push({ k: 'lit', v: x.value }))
        .with({ tag: 'CInt' }, (x) => void results.push({ k: 'lit', v: x.value }))
        .with({ tag: 'CFloat' }, (x) => void results.push({ k: 'lit', v: mkFloat(x.value) }))
        .with({ tag: 'CChar' }, (x) => void results.push({ k: 'lit', v: mkChar(x.value) }))
        .with({ tag: 'CApp' }, (a) => {
          const args: Core.Expr[] = [];
          let head: Core.Expr = a;
          while (head.tag === 'CApp') {
            args.push(head.arg);
            head = head.fn;
          }
          args.reverse();
          later((kids) => this.application(kids[0]!, kids.slice(1)), [head, ...args].map((x) => [x, s] as const));
        })
        .with({ tag: 'CLam' }, (l) => {
          let inner = s;
          const params = l.params.map((p) => {
            const pc = pattern(p);
            inner = bind(p, inner);
            return pc;
          });
          const patterns = l.params.map(showPattern);
          later(([body]) => ({ k: 'lam', params, patterns, body: body! }), [[l.body, inner]]);
        })
        .with({ tag: 'CLet' }, (l) => later(([rhs, body]) => ({ k: 'let', rhs: rhs!, body: body! }), [[l.rhs, s], [l.body, { name: l.name, n: s }]]))
        .with({ tag: 'CCase' }, (c) => {
          const pats = c.alts.map((a) => pattern(a.pattern));
          later(([scrut, ...bodies]) => ({ k: 'case', scrut: scrut!, alts: bodies.map((body, i): AltCode => ({ pat: pats[i]!, body })) }),
            [[c.scrutinee, s], ...c.alts.map((a) => [a.body, bind(a.pattern, s)] as const)]);
        })
        .with({ tag: 'CRecord' }, (r) => {
          const labels = r.fields.map((f) => f.label);
          later((fields) => ({ k: 'record', labels, fields }), r.fields.map((f) => [f.value, s] as const));
        })
        .with({ tag: 'CSelect' }, (x) => later(([rec]) => ({ k: 'select', rec: rec!, label: x.label }), [[x.record, s]]))
        .with({ tag: 'CTemplate' }, (t) => {
          const holes = t.parts.flatMap((p) => (p.tag === 'THole' ? [[p.expr, s] as const] : []));
          later((codes) => {
            let h = 0;
            const parts = t.parts.map((p): TemplatePartCode => (p.tag === 'TText' ? { k: 'text', text: p.text } : { k: 'hole', code: codes[h++]! }));
            return { k: 'template', block: t.block, parts };
          }, holes);
        })
        .with({ tag: 'CDictWanted' }, (d) => void results.push({ k: 'dictWanted', show: showConstraint(d.constraint) }))
        .with({ tag: 'CForeignImport' }, (f) => void results.push({ k: 'foreign', symbol: f.symbol, span: f.span }))
        .exhaustive();
    }
    return results[0]!;
  }

  // `f a1 … an` (already resolved): a saturated call of a known primitive, or a constructor application,
  // becomes one primCall node (the hot path of arithmetic and data building); everything else stays a
  // chain of single-argument applications.
  private application(fn: Code, args: readonly Code[]): Code {
    let code: Code = fn;
    let used = 0;
    if (fn.k === 'lit' && typeof fn.v === 'object' && fn.v.tag === 'Prim') {
      const p = fn.v as unknown as PrimV;
      if (p.args.length === 0 && args.length >= p.arity) {
        code = { k: 'primCall', impl: p.impl, args: args.slice(0, p.arity) };
        used = p.arity;
      }
    } else if (fn.k === 'lit' && typeof fn.v === 'object' && fn.v.tag === 'Con' && fn.v.args.length === 0) {
      // Applying a constructor never fails, so building it from all the arguments at once is the same.
      const name = fn.v.name;
      code = { k: 'primCall', impl: (vals) => mkCon(name, vals), args };
      used = args.length;
    }
    return used < args.length ? { k: 'call', fn: code, args: args.slice(used) } : code;
  }

  private variable(name: string, s: Scope | null): Code {
    let depth = 0;
    for (let sc = s; sc !== null; sc = sc.n, depth++) if (sc.name === name) return { k: 'local', depth };
    const p = this.prim(name);
    if (p !== undefined) return p;
    const cell = this.cells.get(name);
    if (cell !== undefined) return { k: 'global', cell };
    if (looksLikeConstructor(name)) {
      let c = this.conCache.get(name);
      if (c === undefined) this.conCache.set(name, (c = { k: 'lit', v: mkCon(name) }));
      return c;
    }
    return { k: 'unbound', name };
  }
}

function pattern(p: Core.Pattern): PatCode {
  return match<Core.Pattern, PatCode>(p)
    .with({ tag: 'PVar' }, () => ({ k: 'var' }))
    .with({ tag: 'PWildcard' }, () => ({ k: 'wild' }))
    .with({ tag: 'PCon' }, (c) => ({ k: 'con', name: c.con, args: c.args.map(pattern) }))
    .with({ tag: 'PString' }, (x) => ({ k: 'str', s: x.value }))
    .exhaustive();
}

/** The binder names of `p`, left to right (duplicates kept). */
function binders(p: Core.Pattern, out: string[]): string[] {
  if (p.tag === 'PVar') out.push(p.name);
  else if (p.tag === 'PCon') for (const a of p.args) binders(a, out);
  return out;
}

// match.ts pushes bound values left to right, so the rightmost binder is innermost. A name bound twice
// in one pattern keeps its leftmost binding (§1.5): later occurrences get a name no variable can have.
const shadowed = '\u0000repeated binder';
function bind(p: Core.Pattern, s: Scope | null): Scope | null {
  const seen = new Set<string>();
  for (const name of binders(p, [])) {
    s = { name: seen.has(name) ? shadowed : name, n: s };
    seen.add(name);
  }
  return s;
}

// Haskell's derived Show of a pattern (used by PatternMatchFailure), without the Located wrappers.
function showPattern(p: Core.Pattern): string {
  return match(p)
    .with({ tag: 'PVar' }, (v) => `PVar ${showValue(v.name)}`)
    .with({ tag: 'PWildcard' }, () => 'PWildcard')
    .with({ tag: 'PCon' }, (c) => `PCon ${showValue(c.con)} [${c.args.map(showPattern).join(',')}]`)
    .with({ tag: 'PString' }, (x) => `PString ${showValue(x.value)}`)
    .exhaustive();
}

function showType(t: Core.Type): string {
  return match(t)
    .with({ tag: 'TVar' }, (x) => `TVar ${showValue(x.name)}`)
    .with({ tag: 'TCon' }, (x) => `TCon ${showValue(x.name)}`)
    .with({ tag: 'TApp' }, (x) => `TApp (${showType(x.fn)}) (${showType(x.arg)})`)
    .with({ tag: 'TArrow' }, (x) => `TArrow (${showType(x.from)}) (${showType(x.to)})`)
    .with({ tag: 'TRecord' }, (x) => `TRecord [${x.fields.map((f) => `(${showValue(f.label)},${showType(f.type)})`).join(',')}]`)
    .exhaustive();
}

const showConstraint = (c: Core.Constraint): string =>
  `Constraint {constraintClass = ${showValue(c.className)}, constraintArgs = [${c.args.map(showType).join(',')}]}`;

