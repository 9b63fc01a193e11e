// properties/merge.ts: many generated programs in one Core module, so that one `go build` serves them all.
// Program i's declarations are renamed `P<i>.<name>`; the merged main reads an index from stdin and runs
// that program's main. Everything is ordinary Core, so no compiler support is needed.
import * as Core from '../ir/core/core';

const { mk } = Core;

/** Renames every reference to a top-level name of `m` with `rename`, leaving locals alone. */
export function renameGlobals(m: Core.Module, rename: (name: string) => string): Core.Decl[] {
  const globals = new Set(m.decls.map((d) => d.name).filter((n) => n !== ''));
  const expr = (e: Core.Expr, bound: ReadonlySet<string>): Core.Expr => {
    switch (e.tag) {
      case 'CVar':
        return globals.has(e.name) && !bound.has(e.name) ? mk.var(rename(e.name), e.span) : e;
      case 'CApp':
        return mk.app(expr(e.fn, bound), expr(e.arg, bound), e.span);
      case 'CLam': {
        const b = new Set(bound);
        for (const p of e.params) for (const x of patternVars(p)) b.add(x);
        return mk.lam(e.params, expr(e.body, b), e.span);
      }
      case 'CLet':
        return mk.let(e.name, expr(e.rhs, bound), expr(e.body, new Set([...bound, e.name])), e.span);
      case 'CCase':
        return mk.case(expr(e.scrutinee, bound), e.alts.map((a) =>
          mk.alt(a.pattern, expr(a.body, new Set([...bound, ...patternVars(a.pattern)])), a.span)), e.span);
      case 'CRecord':
        return mk.record(e.fields.map((f) => ({ label: f.label, value: expr(f.value, bound) })), e.span);
      case 'CSelect':
        return mk.select(expr(e.record, bound), e.label, e.span);
      case 'CTemplate':
        return mk.template(e.block, e.parts.map((p) => (p.tag === 'THole' ? mk.hole(p.type, expr(p.expr, bound)) : p)), e.span);
      case 'CString': case 'CInt': case 'CFloat': case 'CChar': case 'CDictWanted': case 'CForeignImport':
        return e;
    }
  };
  return m.decls.filter((d) => d.name !== '').map((d) => mk.decl(rename(d.name), expr(d.body, new Set()), d.span));
}

function patternVars(p: Core.Pattern): string[] {
  switch (p.tag) {
    case 'PVar': return [p.name];
    case 'PCon': return p.args.flatMap(patternVars);
    case 'PWildcard': case 'PString': return [];
  }
}

/** One module running program `i` when stdin's first line is `i`. Each input must define `Main.main`. */
export function mergePrograms(ms: readonly Core.Module[]): Core.Module {
  const decls = ms.flatMap((m, i) => renameGlobals(m, (n) => `P${i}.${n}`));
  const alts = ms.map((_, i) => mk.alt(mk.pstring(String(i)), mk.var(`P${i}.Main.main`)));
  alts.push(mk.alt(mk.pwild(), mk.app(mk.var('prim_putStrLn'), mk.str('no such program'))));
  const main = mk.apps(mk.var('$primIOBind'), [mk.var('prim_readLine'), mk.lam([mk.pvar('which')], mk.case(mk.var('which'), alts))]);
  return mk.module('Main', [...decls, mk.decl('Main.main', main)]);
}
