// ir/core/eval/values.ts: the evaluator-specific runtime values (closures, primitives, IO and STM
// descriptions, handles) layered on ir/shared/value.ts, plus the error builders of PRIMITIVES.md §1.10.
import { LuneError, type Value } from '../../shared/value';
import { showValue } from '../../shared/show';
import type { Env, LamCode } from './code';

/** A closure: the lambda, how many of its patterns are already matched, and the captured environment. */
export interface ClosureV { readonly tag: 'Closure'; readonly lam: LamCode; readonly idx: number; readonly env: Env }
/** A primitive with the arguments collected so far (arity ≥ 1; arity-0 primitives are plain values). */
export interface PrimV {
  readonly tag: 'Prim';
  readonly name: string;
  readonly arity: number;
  readonly args: readonly Value[];
  readonly impl: (args: readonly Value[]) => Value;
}

/** What running one primitive effect step produces (PRIMITIVES.md §2.1 step results). */
export type Eff =
  | { readonly k: 'done'; readonly v: Value }
  | { readonly k: 'yield' }
  /** Park for ms; then `after` (default: finish with Unit) decides the next step: process polling. */
  | { readonly k: 'sleep'; readonly ms: number; readonly after?: () => Eff }
  | { readonly k: 'await'; readonly fiber: number }
  | { readonly k: 'awaitAny'; readonly fibers: readonly number[] }
  | { readonly k: 'spawn'; readonly io: IOV }
  /** Node I/O: the scheduler awaits it right away (Lune blocks its only scheduler thread here too). */
  | { readonly k: 'block'; readonly p: Promise<Eff> };

/** The world an effect runs against; implemented by the scheduler. */
export interface World {
  readonly io: import('../eval').EvalIO;
  /** The bind step counter of §2.2 (global, not per fiber). */
  stepCount: number;
  readonly stm: { store: Map<number, Value>; nextId: number };
  readonly handles: import('./handles').Handles;
}

/** IO descriptions (§2.1): building one runs nothing; running happens in the scheduler. */
export type IOV =
  | { readonly tag: 'IO'; readonly op: 'pure'; readonly v: Value }
  | { readonly tag: 'IO'; readonly op: 'bind'; readonly m: IOV; readonly k: Value }
  | { readonly tag: 'IO'; readonly op: 'then'; readonly m: IOV; readonly n: IOV }
  | { readonly tag: 'IO'; readonly op: 'eff'; readonly run: (w: World) => Eff };

/** STM descriptions (§2.4). */
export type STMV =
  | { readonly tag: 'STM'; readonly op: 'pure'; readonly v: Value }
  | { readonly tag: 'STM'; readonly op: 'bind'; readonly m: STMV; readonly k: Value }
  | { readonly tag: 'STM'; readonly op: 'new'; readonly v: Value }
  | { readonly tag: 'STM'; readonly op: 'read'; readonly id: number }
  | { readonly tag: 'STM'; readonly op: 'write'; readonly id: number; readonly v: Value }
  | { readonly tag: 'STM'; readonly op: 'retry' }
  | { readonly tag: 'STM'; readonly op: 'orElse'; readonly a: STMV; readonly b: STMV };

/** Handle values: TVar, Fiber, Socket, Conn and TlsConn carry an integer id; show.ts prints `<tvar:N>` etc. */
export interface HandleV { readonly tag: 'TVar' | 'Fiber' | 'Socket' | 'Conn' | 'TlsConn'; readonly id: number }
export interface ProcessV { readonly tag: 'Process'; readonly id: number }

export const isIO = (v: Value): v is IOV & Value => typeof v === 'object' && v.tag === 'IO';
export const isSTM = (v: Value): v is STMV & Value => typeof v === 'object' && v.tag === 'STM';

export const ioPure = (v: Value): IOV => ({ tag: 'IO', op: 'pure', v });
export const ioEff = (run: (w: World) => Eff): IOV => ({ tag: 'IO', op: 'eff', run });
export const done = (v: Value): Eff => ({ k: 'done', v });
export const handle = (tag: HandleV['tag'], id: number): HandleV => ({ tag, id });
/** Widens an evaluator value to the shared Value union (they are Opaque/FuncV members). */
export const V = (v: IOV | STMV | HandleV | ProcessV | ClosureV | PrimV): Value => v as unknown as Value;

// The Show forms of the evaluator's errors (§1.10): values inside are printed with §1.11, unparenthesised.
const str = (s: string): string => showValue(s);
export const unboundVariable = (name: string): LuneError => new LuneError(`UnboundVariable ${str(name)}`);
export const notAFunction = (v: Value): LuneError => new LuneError(`NotAFunction ${showValue(v)}`);
export const notAnIO = (v: Value): LuneError => new LuneError(`NotAnIO ${showValue(v)}`);
export const nonExhaustive = (v: Value): LuneError => new LuneError(`NonExhaustiveCase ${showValue(v)}`);
export const notARecord = (v: Value): LuneError => new LuneError(`NotARecord ${showValue(v)}`);
export const missingField = (label: string): LuneError => new LuneError(`MissingField ${str(label)}`);
/**
 * The evaluator's catch-all for a primitive given arguments of the wrong shape: `NotAFunction` of the
 * primitive itself, printed `<prim>` (as prim-impl does for the pure primitives).
 */
export const wrongShape = (): LuneError => new LuneError('NotAFunction <prim>');
export const foreignError = (text: string): LuneError => new LuneError(`ForeignError ${str(text)}`);
