// ir/shared/value.ts: runtime values of the reference evaluator (PRIMITIVES.md §1.4). Every IR's evaluator
// and every primitive implementation (ir/shared/prim-impl/) uses these. Values are never mutated.
//
//   Int      bigint (unbounded)               String  string (JS string; code-point operations use Array.from)
//   Float    { tag: 'Float', value }          Char    { tag: 'Char', code }
//   Con      { tag: 'Con', name, args }       Record  { tag: 'Record', fields: Map }
//   everything else (closures, primitives, IO, STM, Template, Json, Bytes, TVar, Fiber, handles) is an
//   object with its own tag; the evaluator-specific kinds are declared by the evaluator as `Opaque`.

export type Value = bigint | string | FloatV | CharV | ConV | RecordV | TemplateV | JsonV | BytesV | FuncV | Opaque;

export interface FloatV { readonly tag: 'Float'; readonly value: number }
export interface CharV { readonly tag: 'Char'; readonly code: number }
export interface ConV { readonly tag: 'Con'; readonly name: string; readonly args: readonly Value[] }
export interface RecordV { readonly tag: 'Record'; readonly fields: ReadonlyMap<string, Value> }
export interface BytesV { readonly tag: 'Bytes'; readonly bytes: Uint8Array }

/** JSON trees (PRIMITIVES.md §3.10): ints are unbounded, objects keep order and duplicates. */
export type Json =
  | { readonly k: 'null' }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'int'; readonly v: bigint }
  | { readonly k: 'float'; readonly v: number }
  | { readonly k: 'string'; readonly v: string }
  | { readonly k: 'array'; readonly v: readonly Json[] }
  | { readonly k: 'object'; readonly v: readonly (readonly [string, Json])[] };
export interface JsonV { readonly tag: 'Json'; readonly json: Json }

/**
 * Templates (PRIMITIVES.md §3.6). A hole is an unevaluated computation: `force()` evaluates it with the
 * plain evaluator each time it is called (holes are re-evaluated at every render).
 */
export interface TemplateV { readonly tag: 'Template'; readonly node: TemplateNode }
export interface TemplateFlags { readonly empty: boolean; readonly startsNL: boolean; readonly endsNL: boolean; readonly block: boolean }
export type TemplatePart = { readonly k: 'text'; readonly text: string } | { readonly k: 'hole'; readonly force: () => Value };
export type TemplateNode =
  | ({ readonly k: 'leaf'; readonly parts: readonly TemplatePart[] } & TemplateFlags)
  | ({ readonly k: 'append'; readonly a: TemplateNode; readonly b: TemplateNode } & TemplateFlags)
  | ({ readonly k: 'indent'; readonly n: bigint; readonly t: TemplateNode } & TemplateFlags)
  | ({ readonly k: 'ensureNL'; readonly t: TemplateNode } & TemplateFlags);

/**
 * A function value the evaluator can apply: closures and primitives. `apply` is evaluator-defined, so
 * FuncV only fixes the shape needed by printing (§1.11 prints `<closure>` / `<prim>`).
 */
export interface FuncV { readonly tag: 'Closure' | 'Prim'; readonly [k: string]: unknown }

/** Evaluator-specific values (IO, STM, TVar, Fiber, Socket, Conn, TlsConn, Process, Thunk). */
export interface Opaque { readonly tag: 'IO' | 'STM' | 'TVar' | 'Fiber' | 'Socket' | 'Conn' | 'TlsConn' | 'Process' | 'Thunk'; readonly [k: string]: unknown }

export const mkFloat = (value: number): FloatV => ({ tag: 'Float', value });
export const mkChar = (code: number): CharV => ({ tag: 'Char', code });
export const mkCon = (name: string, args: readonly Value[] = []): ConV => ({ tag: 'Con', name, args });
export const mkRecord = (fields: ReadonlyMap<string, Value>): RecordV => ({ tag: 'Record', fields });
export const mkBytes = (bytes: Uint8Array): BytesV => ({ tag: 'Bytes', bytes });
export const mkJson = (json: Json): JsonV => ({ tag: 'Json', json });

export const unit: ConV = mkCon('Lune.Prelude.Unit');
export const trueV: ConV = mkCon('Lune.Prelude.True');
export const falseV: ConV = mkCon('Lune.Prelude.False');
export const nil: ConV = mkCon('Lune.Prelude.Nil');
export const nothing: ConV = mkCon('Lune.Prelude.Nothing');
export const bool = (b: boolean): ConV => (b ? trueV : falseV);
export const cons = (x: Value, xs: Value): ConV => mkCon('Lune.Prelude.Cons', [x, xs]);
export const just = (x: Value): ConV => mkCon('Lune.Prelude.Just', [x]);
export const ok = (x: Value): ConV => mkCon('Lune.Prelude.Ok', [x]);
export const err = (x: Value): ConV => mkCon('Lune.Prelude.Err', [x]);

/** A Lune runtime error (PRIMITIVES.md §1.10). `show` is the Haskell `show` form, e.g. `NonExhaustiveCase Just 3`. */
export class LuneError extends Error {
  constructor(readonly show: string) {
    super(show);
    this.name = 'LuneError';
  }
}

export const isCon = (v: Value): v is ConV => typeof v === 'object' && v.tag === 'Con';
