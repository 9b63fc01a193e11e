// ir/renamed/renamed.ts: Core with every name resolved, only what main reaches (PRIMITIVES.md §1.1, §1.9).
//
//   Module ::= name Decl* main          Decl ::= name Expr
//   Expr   ::= Var x scope | Lit l | App e e | Lam Pat+ e | Let x e e | Case e Alt* | Record (l, e)*
//            | Select e l | Template block (Text s | Hole e)*
//   Pat    ::= PVar x | PWild | PCon K Pat* | PString s            Alt ::= Pat -> Expr
//
// From Core: removes placeholder decls, DictWanted and ForeignImport (rejected by the renamer), template
// hole types, and the four literal forms (one Lit); adds Var scopes and the module's entry point. Every
// local binder in the module has a unique name, so later passes never need to think about shadowing.
import type { Span } from '../shared/span';
import { noSpan } from '../shared/span';
import type { Literal } from '../shared/literal';
import type { Scope } from '../shared/name';

export type { Scope } from '../shared/name';

export interface Module {
  readonly tag: 'Module';
  readonly name: string;
  /** Only the declarations `main` reaches, in the order the Core module listed them. */
  readonly decls: readonly Decl[];
  /** The entry point's declaration name (`Main.main`). */
  readonly main: string;
  readonly span: Span;
}

export interface Decl { readonly tag: 'Decl'; readonly name: string; readonly body: Expr; readonly span: Span }

export type Expr = Var | Lit | App | Lam | Let | Case | Record | Select | Template;

/** `name`: the unique local name, or the qualified global / primitive / constructor name. */
export interface Var { readonly tag: 'Var'; readonly name: string; readonly scope: Scope; readonly span: Span }
export interface Lit { readonly tag: 'Lit'; readonly value: Literal; readonly span: Span }
export interface App { readonly tag: 'App'; readonly fn: Expr; readonly arg: Expr; readonly span: Span }
/** Curried; each pattern is matched when its argument arrives (§1.5). Non-empty. */
export interface Lam { readonly tag: 'Lam'; readonly params: readonly Pattern[]; readonly body: Expr; readonly span: Span }
/** Non-recursive, strict. */
export interface Let { readonly tag: 'Let'; readonly name: string; readonly rhs: Expr; readonly body: Expr; readonly span: Span }
export interface Case { readonly tag: 'Case'; readonly scrutinee: Expr; readonly alts: readonly Alt[]; readonly span: Span }
export interface Alt { readonly tag: 'Alt'; readonly pattern: Pattern; readonly body: Expr; readonly span: Span }
export interface Record { readonly tag: 'Record'; readonly fields: readonly Field[]; readonly span: Span }
export interface Field { readonly label: string; readonly value: Expr }
export interface Select { readonly tag: 'Select'; readonly record: Expr; readonly label: string; readonly span: Span }
/** Hole bodies are evaluated at each render (§1.8), so they stay expressions. */
export interface Template { readonly tag: 'Template'; readonly block: boolean; readonly parts: readonly TemplatePart[]; readonly span: Span }
export type TemplatePart = { readonly tag: 'Text'; readonly text: string } | { readonly tag: 'Hole'; readonly body: Expr };

export type Pattern = PVar | PWild | PCon | PString;
/** `name`: the unique binder; `source`: the name as written (for `PatternMatchFailure` messages). */
export interface PVar { readonly tag: 'PVar'; readonly name: string; readonly source: string; readonly span: Span }
export interface PWild { readonly tag: 'PWild'; readonly span: Span }
/** Matches exactly this constructor name with exactly args.length arguments. */
export interface PCon { readonly tag: 'PCon'; readonly con: string; readonly args: readonly Pattern[]; readonly span: Span }
export interface PString { readonly tag: 'PString'; readonly value: string; readonly span: Span }

/** Constructors; `span` defaults to the unknown span. */
export const mk = {
  module: (name: string, decls: readonly Decl[], main: string, span: Span = noSpan): Module => ({ tag: 'Module', name, decls, main, span }),
  decl: (name: string, body: Expr, span: Span = noSpan): Decl => ({ tag: 'Decl', name, body, span }),
  var: (name: string, scope: Scope, span: Span = noSpan): Var => ({ tag: 'Var', name, scope, span }),
  lit: (value: Literal, span: Span = noSpan): Lit => ({ tag: 'Lit', value, span }),
  app: (fn: Expr, arg: Expr, span: Span = noSpan): App => ({ tag: 'App', fn, arg, span }),
  /** `f a b` as nested App. */
  apps: (fn: Expr, args: readonly Expr[], span: Span = noSpan): Expr => args.reduce<Expr>((f, a) => ({ tag: 'App', fn: f, arg: a, span }), fn),
  lam: (params: readonly Pattern[], body: Expr, span: Span = noSpan): Lam => ({ tag: 'Lam', params, body, span }),
  let: (name: string, rhs: Expr, body: Expr, span: Span = noSpan): Let => ({ tag: 'Let', name, rhs, body, span }),
  case: (scrutinee: Expr, alts: readonly Alt[], span: Span = noSpan): Case => ({ tag: 'Case', scrutinee, alts, span }),
  alt: (pattern: Pattern, body: Expr, span: Span = noSpan): Alt => ({ tag: 'Alt', pattern, body, span }),
  record: (fields: readonly Field[], span: Span = noSpan): Record => ({ tag: 'Record', fields, span }),
  select: (record: Expr, label: string, span: Span = noSpan): Select => ({ tag: 'Select', record, label, span }),
  template: (block: boolean, parts: readonly TemplatePart[], span: Span = noSpan): Template => ({ tag: 'Template', block, parts, span }),
  text: (text: string): TemplatePart => ({ tag: 'Text', text }),
  hole: (body: Expr): TemplatePart => ({ tag: 'Hole', body }),
  pvar: (name: string, span: Span = noSpan, source: string = name): PVar => ({ tag: 'PVar', name, source, span }),
  pwild: (span: Span = noSpan): PWild => ({ tag: 'PWild', span }),
  pcon: (con: string, args: readonly Pattern[], span: Span = noSpan): PCon => ({ tag: 'PCon', con, args, span }),
  pstring: (value: string, span: Span = noSpan): PString => ({ tag: 'PString', value, span }),
};

export const isVar = (e: Expr): e is Var => e.tag === 'Var';
export const isLam = (e: Expr): e is Lam => e.tag === 'Lam';
/** PVar and PWild match anything. */
export const isIrrefutable = (p: Pattern): p is PVar | PWild => p.tag === 'PVar' || p.tag === 'PWild';
