// ir/pattern-compiled/pattern-compiled.ts: patterns compiled to decision trees (PRIMITIVES.md §1.5).
//
//   Module ::= name Decl* main          Decl ::= name Expr
//   Expr   ::= Var x scope | Lit l | App e e | Lam x+ e | Let x e e | Record (l, e)* | Select e l
//            | Template block (Text s | Hole e)* | Switch x Arm* [default e] | Fail kind x pattern where
//   Arm    ::= ConArm K (x | _)* e | StringArm s e
//
// From Renamed: removes Case, Alt and all patterns (Lam takes plain names); adds Switch (a flat test of
// ONE local variable, binding the fields of the matched constructor) and Fail (an explicit match failure).
// Shared right-hand sides become join points: `Let j (Lam params rhs)` called from several leaves.
import type { Span } from '../shared/span';
import { noSpan } from '../shared/span';
import type { Literal } from '../shared/literal';
import type { Scope } from '../shared/name';

export type { Scope } from '../shared/name';

export interface Module {
  readonly tag: 'Module';
  readonly name: string;
  readonly decls: readonly Decl[];
  /** The entry point's declaration name (`Main.main`). */
  readonly main: string;
  readonly span: Span;
}

export interface Decl { readonly tag: 'Decl'; readonly name: string; readonly body: Expr; readonly span: Span }

export type Expr = Var | Lit | App | Lam | Let | Record | Select | Template | Switch | Fail;

export interface Var { readonly tag: 'Var'; readonly name: string; readonly scope: Scope; readonly span: Span }
export interface Lit { readonly tag: 'Lit'; readonly value: Literal; readonly span: Span }
export interface App { readonly tag: 'App'; readonly fn: Expr; readonly arg: Expr; readonly span: Span }
/** Curried; the parameters are unique local names. `name`: the Lune declaration it belongs to. */
export interface Lam { readonly tag: 'Lam'; readonly params: readonly string[]; readonly body: Expr; readonly name: string; readonly span: Span }
export interface Let { readonly tag: 'Let'; readonly name: string; readonly rhs: Expr; readonly body: Expr; readonly span: Span }
export interface Record { readonly tag: 'Record'; readonly fields: readonly Field[]; readonly span: Span }
export interface Field { readonly label: string; readonly value: Expr }
export interface Select { readonly tag: 'Select'; readonly record: Expr; readonly label: string; readonly span: Span }
export interface Template { readonly tag: 'Template'; readonly block: boolean; readonly parts: readonly TemplatePart[]; readonly span: Span }
export type TemplatePart = { readonly tag: 'Text'; readonly text: string } | { readonly tag: 'Hole'; readonly body: Expr };
/**
 * Tests the local `scrutinee` against each arm in order; no match runs `default` (null: none, which the
 * pattern compiler never produces). A ConArm matches exactly `con` with exactly binders.length arguments.
 */
export interface Switch {
  readonly tag: 'Switch';
  readonly scrutinee: string;
  readonly arms: readonly Arm[];
  readonly default: Expr | null;
  readonly span: Span;
}
export type Arm = ConArm | StringArm;
/** `binders[i]` names argument i (null: unused). */
export interface ConArm { readonly tag: 'ConArm'; readonly con: string; readonly binders: readonly (string | null)[]; readonly body: Expr }
export interface StringArm { readonly tag: 'StringArm'; readonly value: string; readonly body: Expr }
/**
 * `NonExhaustiveCase v` (case) or `PatternMatchFailure pattern v` (lambda parameter), v = the local
 * `scrutinee` (the whole matched value). `pattern`: the parameter pattern printed as it appears in the
 * error, parentheses included (./show-pattern.ts); '' for case. `where`: the Lune declaration.
 */
export interface Fail {
  readonly tag: 'Fail';
  readonly kind: 'NonExhaustiveCase' | 'PatternMatchFailure';
  readonly scrutinee: string;
  readonly pattern: string;
  readonly where: string;
  readonly span: Span;
}

/** Constructors; `span` defaults to the unknown span. */
export const mk = {
  module: (name: string, decls: readonly Decl[], main: string, span: Span = noSpan): Module => ({ tag: 'Module', name, decls, main, span }),
  decl: (name: string, body: Expr, span: Span = noSpan): Decl => ({ tag: 'Decl', name, body, span }),
  var: (name: string, scope: Scope, span: Span = noSpan): Var => ({ tag: 'Var', name, scope, span }),
  lit: (value: Literal, span: Span = noSpan): Lit => ({ tag: 'Lit', value, span }),
  app: (fn: Expr, arg: Expr, span: Span = noSpan): App => ({ tag: 'App', fn, arg, span }),
  /** `f a b` as nested App. */
  apps: (fn: Expr, args: readonly Expr[], span: Span = noSpan): Expr => args.reduce<Expr>((f, a) => ({ tag: 'App', fn: f, arg: a, span }), fn),
  lam: (params: readonly string[], body: Expr, name: string, span: Span = noSpan): Lam => ({ tag: 'Lam', params, body, name, span }),
  let: (name: string, rhs: Expr, body: Expr, span: Span = noSpan): Let => ({ tag: 'Let', name, rhs, body, span }),
  record: (fields: readonly Field[], span: Span = noSpan): Record => ({ tag: 'Record', fields, span }),
  select: (record: Expr, label: string, span: Span = noSpan): Select => ({ tag: 'Select', record, label, span }),
  template: (block: boolean, parts: readonly TemplatePart[], span: Span = noSpan): Template => ({ tag: 'Template', block, parts, span }),
  text: (text: string): TemplatePart => ({ tag: 'Text', text }),
  hole: (body: Expr): TemplatePart => ({ tag: 'Hole', body }),
  switch: (scrutinee: string, arms: readonly Arm[], dflt: Expr | null, span: Span = noSpan): Switch =>
    ({ tag: 'Switch', scrutinee, arms, default: dflt, span }),
  conArm: (con: string, binders: readonly (string | null)[], body: Expr): ConArm => ({ tag: 'ConArm', con, binders, body }),
  stringArm: (value: string, body: Expr): StringArm => ({ tag: 'StringArm', value, body }),
  fail: (kind: Fail['kind'], scrutinee: string, pattern: string, where: string, span: Span = noSpan): Fail =>
    ({ tag: 'Fail', kind, scrutinee, pattern, where, span }),
};

export const isVar = (e: Expr): e is Var => e.tag === 'Var';
export const isLam = (e: Expr): e is Lam => e.tag === 'Lam';
export const isSwitch = (e: Expr): e is Switch => e.tag === 'Switch';
