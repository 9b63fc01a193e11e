// ir/anf/anf.ts: A-normal form, the last IR before Go.
//
//   Module ::= name Decl* main            Decl ::= name Expr          (a Decl whose body is `Ret (Lam …)` is a function)
//   Expr   ::= Let x Comp Expr | Ret Comp
//   Comp   ::= Atom | App Atom Atom+ | Lam x+ Expr | Record (l, Atom)* | Select Atom l
//            | Template block (Text s | Hole Expr)* | Switch Atom Arm* [default Expr] | Fail kind Atom where
//   Atom   ::= Var x scope | Lit literal
//   Arm    ::= ConArm K (x | _)* Expr | StringArm s Expr
//
// From PatternCompiled: removes nested operands (every operand of App/Record/Select/Switch is an Atom);
// adds Atom, Comp, Let/Ret. Names are unique in the module (the renamer made them so): a Go emitter may
// map each local to one Go variable. `Switch` is a Comp: `Let x (Switch …) body` binds the arm's result.
import type { Span } from '../shared/span';
import type { Literal } from '../shared/literal';

export interface Module {
  readonly tag: 'Module';
  /** The Lune module name (`Main`). */
  readonly name: string;
  /** Only what `main` reaches, in a deterministic order. */
  readonly decls: readonly Decl[];
  /** The declaration name of the entry point (`Main.main`). */
  readonly main: string;
  readonly span: Span;
}

export interface Decl { readonly tag: 'Decl'; readonly name: string; readonly body: Expr; readonly span: Span }

export type Expr = Let | Ret;
export interface Let { readonly tag: 'Let'; readonly name: string; readonly rhs: Comp; readonly body: Expr; readonly span: Span }
export interface Ret { readonly tag: 'Ret'; readonly value: Comp; readonly span: Span }

/** What a variable refers to (PRIMITIVES.md §1.1, §1.6). */
export type Scope = 'local' | 'global' | 'prim' | 'con';

export type Atom = Var | Lit;
/** `name` is the unique local name, the qualified global name, the primitive name, or the constructor name. */
export interface Var { readonly tag: 'Var'; readonly name: string; readonly scope: Scope; readonly span: Span }
export interface Lit { readonly tag: 'Lit'; readonly value: Literal; readonly span: Span }

export type Comp = Atom | App | Lam | Record | Select | Template | Switch | Fail;
/** `fn a1 … an`: applied one argument at a time, left to right (partial application allowed). */
export interface App { readonly tag: 'App'; readonly fn: Atom; readonly args: readonly Atom[]; readonly span: Span }
/** A curried lambda; parameters are plain unique names (patterns were compiled away). */
export interface Lam {
  readonly tag: 'Lam';
  readonly params: readonly string[];
  readonly body: Expr;
  /** The Lune name of the function this lambda implements, for error messages (may be ''). */
  readonly name: string;
  readonly span: Span;
}
/** Fields in source order; a repeated label: the last wins. */
export interface Record { readonly tag: 'Record'; readonly fields: readonly { readonly label: string; readonly value: Atom }[]; readonly span: Span }
export interface Select { readonly tag: 'Select'; readonly record: Atom; readonly label: string; readonly span: Span }
/** Hole bodies are evaluated at render time, every time (PRIMITIVES.md §1.8), hence Expr not Atom. */
export interface Template { readonly tag: 'Template'; readonly block: boolean; readonly parts: readonly TemplatePart[]; readonly span: Span }
export type TemplatePart = { readonly tag: 'Text'; readonly text: string } | { readonly tag: 'Hole'; readonly body: Expr };
/**
 * Tests `scrutinee` against each arm in order; the first that matches runs. A ConArm matches a
 * constructor value with exactly that name and exactly binders.length arguments, binding them
 * (null = unused). A StringArm matches a String equal to `value`. No arm and no default: `Fail` semantics
 * are carried by an explicit Fail in `default`.
 */
export interface Switch {
  readonly tag: 'Switch';
  readonly scrutinee: Atom;
  readonly arms: readonly Arm[];
  readonly default: Expr | null;
  readonly span: Span;
}
export type Arm = ConArm | StringArm;
export interface ConArm { readonly tag: 'ConArm'; readonly con: string; readonly binders: readonly (string | null)[]; readonly body: Expr }
export interface StringArm { readonly tag: 'StringArm'; readonly value: string; readonly body: Expr }
/**
 * A match failure: `NonExhaustiveCase v` for case, `PatternMatchFailure <pattern> v` for a lambda
 * parameter. `where` names the Lune function it happened in; `pattern` is the printed pattern (lambda only).
 */
export interface Fail {
  readonly tag: 'Fail';
  readonly kind: 'NonExhaustiveCase' | 'PatternMatchFailure';
  readonly scrutinee: Atom;
  readonly pattern: string;
  readonly where: string;
  readonly span: Span;
}

import { noSpan } from '../shared/span';

export const mk = {
  module: (name: string, decls: readonly Decl[], main: string, span: Span = noSpan): Module => ({ tag: 'Module', name, decls, main, span }),
  decl: (name: string, body: Expr, span: Span = noSpan): Decl => ({ tag: 'Decl', name, body, span }),
  let: (name: string, rhs: Comp, body: Expr, span: Span = noSpan): Let => ({ tag: 'Let', name, rhs, body, span }),
  ret: (value: Comp, span: Span = value.span): Ret => ({ tag: 'Ret', value, span }),
  var: (name: string, scope: Scope, span: Span = noSpan): Var => ({ tag: 'Var', name, scope, span }),
  lit: (value: Literal, span: Span = noSpan): Lit => ({ tag: 'Lit', value, span }),
  app: (fn: Atom, args: readonly Atom[], span: Span = noSpan): App => ({ tag: 'App', fn, args, span }),
  lam: (params: readonly string[], body: Expr, name = '', span: Span = noSpan): Lam => ({ tag: 'Lam', params, body, name, span }),
  record: (fields: readonly { label: string; value: Atom }[], span: Span = noSpan): Record => ({ tag: 'Record', fields, span }),
  select: (record: Atom, label: string, span: Span = noSpan): Select => ({ tag: 'Select', record, label, span }),
  template: (block: boolean, parts: readonly TemplatePart[], span: Span = noSpan): Template => ({ tag: 'Template', block, parts, span }),
  switch: (scrutinee: Atom, arms: readonly Arm[], dflt: Expr | null, span: Span = noSpan): Switch =>
    ({ tag: 'Switch', scrutinee, arms, default: dflt, span }),
  conArm: (con: string, binders: readonly (string | null)[], body: Expr): ConArm => ({ tag: 'ConArm', con, binders, body }),
  stringArm: (value: string, body: Expr): StringArm => ({ tag: 'StringArm', value, body }),
  fail: (kind: Fail['kind'], scrutinee: Atom, pattern: string, where: string, span: Span = noSpan): Fail =>
    ({ tag: 'Fail', kind, scrutinee, pattern, where, span }),
};

export const isAtom = (c: Comp): c is Atom => c.tag === 'Var' || c.tag === 'Lit';
