// ir/core/core.ts: Lune Core exactly as `lune --core` prints it (PRIMITIVES.md §1.2–1.3).
//
//   Module  ::= name Decl*                      Decl ::= name Expr   (name "" = placeholder, skipped)
//   Expr    ::= Var x | Str s | Template block Part* | Int n | Float d | Char c | App e e
//             | Lam Pat+ e | Let x e e | Case e Alt* | Record (l, e)* | Select e l
//             | DictWanted Constraint | ForeignImport conv sym Type
//   Pat     ::= PVar x | PWildcard | PCon K Pat* | PString s        Alt ::= Pat -> Expr
//   Part    ::= Text s | Hole Type Expr                               Type ::= TVar | TCon | TApp | TArrow | TRecord
//
// Node tags keep Lune's constructor names (CVar, CApp, …) so a dump and its TypeScript form read alike.
// Every node carries a span; dumps only give real positions on PCon sub-patterns (`Located`), the
// readable syntax gives them everywhere. `Located`'s comments are always empty in practice and dropped.
import type { Span } from '../shared/span';

export interface Module {
  readonly tag: 'Module';
  readonly name: string;
  readonly decls: readonly Decl[];
  readonly span: Span;
}

export interface Decl {
  readonly tag: 'Decl';
  /** Fully qualified (`Main.main`, `$dictMonad_IO`); '' for the elaborator's placeholder entries. */
  readonly name: string;
  readonly body: Expr;
  readonly span: Span;
}

export type Expr =
  | CVar | CString | CTemplate | CInt | CFloat | CChar | CApp | CLam | CLet | CCase | CRecord | CSelect
  | CDictWanted | CForeignImport;

export interface CVar { readonly tag: 'CVar'; readonly name: string; readonly span: Span }
export interface CString { readonly tag: 'CString'; readonly value: string; readonly span: Span }
export interface CTemplate {
  readonly tag: 'CTemplate';
  /** True for a block literal `''…''`, false for an inline string literal with `${}` holes. */
  readonly block: boolean;
  readonly parts: readonly TemplatePart[];
  readonly span: Span;
}
/** Int literals are unbounded (Lune's Int is arbitrary precision). */
export interface CInt { readonly tag: 'CInt'; readonly value: bigint; readonly span: Span }
export interface CFloat { readonly tag: 'CFloat'; readonly value: number; readonly span: Span }
/** A Unicode code point. */
export interface CChar { readonly tag: 'CChar'; readonly value: number; readonly span: Span }
export interface CApp { readonly tag: 'CApp'; readonly fn: Expr; readonly arg: Expr; readonly span: Span }
export interface CLam {
  readonly tag: 'CLam';
  /** Non-empty: one curried parameter per pattern. */
  readonly params: readonly Pattern[];
  readonly body: Expr;
  readonly span: Span;
}
/** Non-recursive, strict. */
export interface CLet { readonly tag: 'CLet'; readonly name: string; readonly rhs: Expr; readonly body: Expr; readonly span: Span }
export interface CCase { readonly tag: 'CCase'; readonly scrutinee: Expr; readonly alts: readonly Alt[]; readonly span: Span }
export interface CRecord { readonly tag: 'CRecord'; readonly fields: readonly Field[]; readonly span: Span }
export interface CSelect { readonly tag: 'CSelect'; readonly record: Expr; readonly label: string; readonly span: Span }
export interface CDictWanted { readonly tag: 'CDictWanted'; readonly constraint: Constraint; readonly span: Span }
export interface CForeignImport {
  readonly tag: 'CForeignImport';
  /** Only `CCall` exists in Lune. */
  readonly convention: string;
  readonly symbol: string;
  readonly type: Type;
  readonly span: Span;
}

export interface Field { readonly label: string; readonly value: Expr }
export interface Alt { readonly tag: 'Alt'; readonly pattern: Pattern; readonly body: Expr; readonly span: Span }

export type TemplatePart = TText | THole;
export interface TText { readonly tag: 'TText'; readonly text: string }
/** `type` is the hole's static type: informational only. `expr` is already wrapped in `toTemplate`. */
export interface THole { readonly tag: 'THole'; readonly type: Type; readonly expr: Expr }

export type Pattern = PVar | PWildcard | PCon | PString;
export interface PVar { readonly tag: 'PVar'; readonly name: string; readonly span: Span }
export interface PWildcard { readonly tag: 'PWildcard'; readonly span: Span }
/** Matches a constructor with exactly this qualified name and exactly args.length arguments. */
export interface PCon { readonly tag: 'PCon'; readonly con: string; readonly args: readonly Pattern[]; readonly span: Span }
export interface PString { readonly tag: 'PString'; readonly value: string; readonly span: Span }

export type Type = TVar | TCon | TApp | TArrow | TRecord;
export interface TVar { readonly tag: 'TVar'; readonly name: string }
export interface TCon { readonly tag: 'TCon'; readonly name: string }
export interface TApp { readonly tag: 'TApp'; readonly fn: Type; readonly arg: Type }
export interface TArrow { readonly tag: 'TArrow'; readonly from: Type; readonly to: Type }
export interface TRecord { readonly tag: 'TRecord'; readonly fields: readonly { readonly label: string; readonly type: Type }[] }

export interface Constraint { readonly className: string; readonly args: readonly Type[] }

import { noSpan } from '../shared/span';

/** Constructors; `span` defaults to the unknown span. */
export const mk = {
  module: (name: string, decls: readonly Decl[], span: Span = noSpan): Module => ({ tag: 'Module', name, decls, span }),
  decl: (name: string, body: Expr, span: Span = noSpan): Decl => ({ tag: 'Decl', name, body, span }),
  var: (name: string, span: Span = noSpan): CVar => ({ tag: 'CVar', name, span }),
  str: (value: string, span: Span = noSpan): CString => ({ tag: 'CString', value, span }),
  template: (block: boolean, parts: readonly TemplatePart[], span: Span = noSpan): CTemplate => ({ tag: 'CTemplate', block, parts, span }),
  int: (value: bigint, span: Span = noSpan): CInt => ({ tag: 'CInt', value, span }),
  float: (value: number, span: Span = noSpan): CFloat => ({ tag: 'CFloat', value, span }),
  char: (value: number, span: Span = noSpan): CChar => ({ tag: 'CChar', value, span }),
  app: (fn: Expr, arg: Expr, span: Span = noSpan): CApp => ({ tag: 'CApp', fn, arg, span }),
  /** `f a b c` as nested CApp. */
  apps: (fn: Expr, args: readonly Expr[], span: Span = noSpan): Expr => args.reduce<Expr>((f, a) => ({ tag: 'CApp', fn: f, arg: a, span }), fn),
  lam: (params: readonly Pattern[], body: Expr, span: Span = noSpan): CLam => ({ tag: 'CLam', params, body, span }),
  let: (name: string, rhs: Expr, body: Expr, span: Span = noSpan): CLet => ({ tag: 'CLet', name, rhs, body, span }),
  case: (scrutinee: Expr, alts: readonly Alt[], span: Span = noSpan): CCase => ({ tag: 'CCase', scrutinee, alts, span }),
  alt: (pattern: Pattern, body: Expr, span: Span = noSpan): Alt => ({ tag: 'Alt', pattern, body, span }),
  record: (fields: readonly Field[], span: Span = noSpan): CRecord => ({ tag: 'CRecord', fields, span }),
  select: (record: Expr, label: string, span: Span = noSpan): CSelect => ({ tag: 'CSelect', record, label, span }),
  dictWanted: (constraint: Constraint, span: Span = noSpan): CDictWanted => ({ tag: 'CDictWanted', constraint, span }),
  foreignImport: (convention: string, symbol: string, type: Type, span: Span = noSpan): CForeignImport =>
    ({ tag: 'CForeignImport', convention, symbol, type, span }),
  text: (text: string): TText => ({ tag: 'TText', text }),
  hole: (type: Type, expr: Expr): THole => ({ tag: 'THole', type, expr }),
  pvar: (name: string, span: Span = noSpan): PVar => ({ tag: 'PVar', name, span }),
  pwild: (span: Span = noSpan): PWildcard => ({ tag: 'PWildcard', span }),
  pcon: (con: string, args: readonly Pattern[], span: Span = noSpan): PCon => ({ tag: 'PCon', con, args, span }),
  pstring: (value: string, span: Span = noSpan): PString => ({ tag: 'PString', value, span }),
  tvar: (name: string): TVar => ({ tag: 'TVar', name }),
  tcon: (name: string): TCon => ({ tag: 'TCon', name }),
  tapp: (fn: Type, arg: Type): TApp => ({ tag: 'TApp', fn, arg }),
  tarrow: (from: Type, to: Type): TArrow => ({ tag: 'TArrow', from, to }),
  trecord: (fields: readonly { label: string; type: Type }[]): TRecord => ({ tag: 'TRecord', fields }),
};

export const isLam = (e: Expr): e is CLam => e.tag === 'CLam';
export const isVar = (e: Expr): e is CVar => e.tag === 'CVar';

/**
 * The constructor rule of PRIMITIVES.md §1.6: a name that is not bound anywhere denotes a constructor
 * when its last dot-separated segment starts with an upper-case letter. Callers must look the name up
 * first (dictionary names such as `$dictJson.Decode_String` contain dots).
 */
export function looksLikeConstructor(name: string): boolean {
  // Haskell's isUpper: categories Lu and Lt.
  return /^[\p{Lu}\p{Lt}]/u.test(name.slice(name.lastIndexOf('.') + 1));
}

/** The last segment of a qualified constructor name (`Lune.Prelude.Just` → `Just`). */
export const shortName = (name: string): string => name.slice(name.lastIndexOf('.') + 1);
