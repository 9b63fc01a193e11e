// ir/core/eval/code.ts: the evaluator's internal form of Core: every variable already resolved to a
// local slot (de Bruijn depth), a top-level cell, a primitive value or a constructor, so the machine never
// looks a name up by string. Built once per module by resolve.ts.
import type { Span } from '../../shared/span';
import type { Value } from '../../shared/value';

/** Environments are linked frames, one value per bound variable, innermost first. */
export interface EnvFrame { readonly v: Value; readonly n: Env }
export type Env = EnvFrame | null;

/** A top-level declaration: evaluated on first use and memoised (values are immutable, §1.5). */
export interface GlobalCell {
  readonly name: string;
  code: Code | null; // null until resolve.ts fills it (declarations refer to each other)
  value: Value | undefined;
}

/** Patterns: binders are pushed left to right by match.ts. */
export type PatCode =
  | { readonly k: 'var' }
  | { readonly k: 'wild' }
  | { readonly k: 'con'; readonly name: string; readonly args: readonly PatCode[] }
  | { readonly k: 'str'; readonly s: string };

export interface LamCode { readonly k: 'lam'; readonly params: readonly PatCode[]; readonly patterns: readonly string[]; readonly body: Code }
export interface AltCode { readonly pat: PatCode; readonly body: Code }
export type TemplatePartCode = { readonly k: 'text'; readonly text: string } | { readonly k: 'hole'; readonly code: Code };

export type Code =
  | { readonly k: 'lit'; readonly v: Value }
  | { readonly k: 'local'; readonly depth: number }
  | { readonly k: 'global'; readonly cell: GlobalCell }
  /** A primitive, or a name the evaluator cannot run (`unsupported`). */
  | { readonly k: 'prim'; readonly get: () => Value }
  | { readonly k: 'unbound'; readonly name: string }
  /** `fn a1 … an` (n ≥ 1): applied one argument at a time, in order (§1.5), without intermediate closures. */
  | { readonly k: 'call'; readonly fn: Code; readonly args: readonly Code[] }
  /**
   * A primitive applied to exactly its arity of arguments: evaluates them left to right, then runs it.
   * Same order and errors as the chain of `app`s it replaces (the primitive only acts when saturated).
   */
  | { readonly k: 'primCall'; readonly impl: (args: readonly Value[]) => Value; readonly args: readonly Code[] }
  | LamCode
  | { readonly k: 'let'; readonly rhs: Code; readonly body: Code }
  | { readonly k: 'case'; readonly scrut: Code; readonly alts: readonly AltCode[] }
  | { readonly k: 'record'; readonly labels: readonly string[]; readonly fields: readonly Code[] }
  | { readonly k: 'select'; readonly rec: Code; readonly label: string }
  | { readonly k: 'template'; readonly block: boolean; readonly parts: readonly TemplatePartCode[] }
  | { readonly k: 'dictWanted'; readonly show: string }
  | { readonly k: 'foreign'; readonly symbol: string; readonly span: Span };
