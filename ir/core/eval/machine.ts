// ir/core/eval/machine.ts: the CEK machine that evaluates Code (§1.5): strict call-by-value, continuations in
// an explicit heap stack (deep recursion never grows the JS stack), and optional fuel (§2.2) so a bind
// continuation can be suspended after ~100 steps and resumed later by the scheduler.
import { CompileError } from '../../shared/diagnostic';
import { LuneError, mkCon, mkRecord, type TemplateNode, type TemplatePart, type Value } from '../../shared/value';
import { showValue } from '../../shared/show';
import type { AltCode, Code, Env, GlobalCell, LamCode, TemplatePartCode } from './code';
import { matchInto } from './match';
import { type ClosureV, type PrimV, V, missingField, nonExhaustive, notAFunction, notARecord, unboundVariable } from './values';

// Call frames: CallFn waits for the function, CallArg for argument i; while a multi-parameter closure
// takes its arguments the frame holds (lam, cidx, cenv) instead of allocating a partial closure.
const enum F { Apply, Let, Case, Rec, Select, Memo, PrimArgs, CallFn, CallArg }

// One frame shape for every continuation kind keeps the hot loop monomorphic.
class Frame {
  constructor(
    public k: F,
    public code: Code | null,
    public env: Env,
    public fn: Value | null,
    public alts: readonly AltCode[] | null,
    public i: number,
    public vals: Value[] | null,
    public label: string,
    public cell: GlobalCell | null,
  ) {}
  lam: LamCode | null = null;
  cidx = 0;
  cenv: Env = null;
}

/**
 * One evaluation in progress. `run(fuel)` returns true when finished (result in `value`) and false when the
 * fuel ran out; calling `run` again continues where it stopped.
 */
export class Machine {
  private stack: Frame[] = [];
  private evaluating: boolean;
  private code: Code | null;
  private env: Env;
  value: Value | undefined;

  private constructor(code: Code | null, env: Env, value: Value | undefined) {
    this.code = code;
    this.env = env;
    this.value = value;
    this.evaluating = code !== null;
  }

  /** A machine that will evaluate `code` in `env`. */
  static ofCode(code: Code, env: Env): Machine {
    return new Machine(code, env, undefined);
  }

  /** A machine that will apply `f` to `x` (the first step costs one unit of fuel, like any application). */
  static ofApply(f: Value, x: Value): Machine {
    return new Machine(null, null, undefined).startApply(f, x);
  }

  /** Reuses a finished machine (the scheduler keeps one per fiber) to apply `f` to `x`. */
  startApply(f: Value, x: Value): this {
    if (this.stack.length !== 0) this.stack.length = 0;
    this.stack.push(new Frame(F.Apply, null, null, f, null, 0, null, '', null));
    this.code = null;
    this.env = null;
    this.value = x;
    this.evaluating = false;
    return this;
  }

  run(fuel: number): boolean {
    const stack = this.stack;
    let code = this.code;
    let env = this.env;
    let value = this.value;
    let evaluating = this.evaluating;
    for (;;) {
      if (!evaluating && stack.length === 0) {
        this.value = value;
        this.code = null;
        return true;
      }
      if (fuel <= 0) {
        this.code = code;
        this.env = env;
        this.value = value;
        this.evaluating = evaluating;
        return false;
      }
      if (evaluating) {
        fuel--;
        const c = code!;
        switch (c.k) {
          case 'lit':
            value = c.v;
            evaluating = false;
            break;
          case 'local': {
            let e = env!;
            for (let d = c.depth; d > 0; d--) e = e.n!;
            value = e.v;
            evaluating = false;
            break;
          }
          case 'global':
            if (c.cell.value !== undefined) {
              value = c.cell.value;
              evaluating = false;
            } else {
              stack.push(new Frame(F.Memo, null, null, null, null, 0, null, '', c.cell));
              code = c.cell.code;
              env = null;
            }
            break;
          case 'prim':
            value = c.get();
            evaluating = false;
            break;
          case 'unbound':
            throw unboundVariable(c.name);
          case 'call':
            stack.push(new Frame(F.CallFn, c, env, null, null, 0, null, '', null));
            code = c.fn;
            break;
          case 'primCall':
            stack.push(new Frame(F.PrimArgs, c, env, null, null, 0, [], '', null));
            code = c.args[0]!;
            break;
          case 'lam':
            value = V({ tag: 'Closure', lam: c, idx: 0, env });
            evaluating = false;
            break;
          case 'let':
            stack.push(new Frame(F.Let, c.body, env, null, null, 0, null, '', null));
            code = c.rhs;
            break;
          case 'case':
            stack.push(new Frame(F.Case, null, env, null, c.alts, 0, null, '', null));
            code = c.scrut;
            break;
          case 'record':
            if (c.fields.length === 0) {
              value = mkRecord(new Map());
              evaluating = false;
            } else {
              stack.push(new Frame(F.Rec, c, env, null, null, 0, [], '', null));
              code = c.fields[0]!;
            }
            break;
          case 'select':
            stack.push(new Frame(F.Select, null, null, null, null, 0, null, c.label, null));
            code = c.rec;
            break;
          case 'template':
            value = templateLeaf(c.block, c.parts, env);
            evaluating = false;
            break;
          case 'dictWanted':
            throw new LuneError(`UnexpectedDictWanted (${c.show})`); // derived Show parenthesises the record
          case 'foreign':
            throw new CompileError('eval', c.span, foreignMessage(c.symbol));
        }
        continue;
      }
      const fr = stack[stack.length - 1]!;
      switch (fr.k) {
        case F.CallFn: {
          // The function (or, after a closure's body, the function it returned) is ready: next argument.
          fr.k = F.CallArg;
          fr.fn = value!;
          fr.lam = null;
          const cc = fr.code as Extract<Code, { k: 'call' }>;
          code = cc.args[fr.i]!;
          env = fr.env;
          evaluating = true;
          break;
        }
        case F.CallArg: {
          fuel--;
          const cc = fr.code as Extract<Code, { k: 'call' }>;
          const x = value!;
          const last = fr.i + 1 === cc.args.length;
          let lam = fr.lam;
          let cidx = fr.cidx;
          let cenv = fr.cenv;
          if (lam === null) {
            const f = fr.fn!;
            if (typeof f === 'object' && f.tag === 'Closure') {
              const cl = f as unknown as ClosureV;
              lam = cl.lam;
              cidx = cl.idx;
              cenv = cl.env;
            } else {
              // Constructors and primitives: the ordinary one-argument application.
              const v = applyNonClosure(f, x);
              if (last) {
                stack.pop();
                value = v;
              } else {
                fr.fn = v;
                fr.i++;
                code = cc.args[fr.i]!;
                env = fr.env;
                evaluating = true;
              }
              break;
            }
          }
          const e2 = matchInto(lam.params[cidx]!, x, cenv);
          if (e2 === undefined) throw patternFailure(lam, cidx, x);
          if (cidx + 1 < lam.params.length) {
            if (last) {
              stack.pop();
              value = V({ tag: 'Closure', lam, idx: cidx + 1, env: e2 });
            } else {
              fr.lam = lam;
              fr.cidx = cidx + 1;
              fr.cenv = e2;
              fr.i++;
              code = cc.args[fr.i]!;
              env = fr.env;
              evaluating = true;
            }
          } else {
            // Saturated: run the body. As the last argument this is a tail call (frame gone first);
            // otherwise the body's value becomes the function for the remaining arguments.
            if (last) stack.pop();
            else {
              fr.k = F.CallFn;
              fr.i++;
            }
            code = lam.body;
            env = e2;
            evaluating = true;
          }
          break;
        }
        case F.Apply: {
          stack.pop();
          fuel--;
          const f = fr.fn!;
          const x = value!;
          if (typeof f === 'object' && f.tag === 'Closure') {
            const cl = f as unknown as ClosureV;
            const lam = cl.lam;
            const e2 = matchInto(lam.params[cl.idx]!, x, cl.env);
            if (e2 === undefined) throw patternFailure(lam, cl.idx, x);
            if (cl.idx + 1 < lam.params.length) value = V({ tag: 'Closure', lam, idx: cl.idx + 1, env: e2 });
            else {
              code = lam.body;
              env = e2;
              evaluating = true;
            }
          } else value = applyNonClosure(f, x);
          break;
        }
        case F.Let:
          stack.pop();
          env = { v: value!, n: fr.env };
          code = fr.code;
          evaluating = true;
          break;
        case F.Case: {
          stack.pop();
          const alts = fr.alts!;
          let chosen = false;
          for (let i = 0; i < alts.length; i++) {
            const e2 = matchInto(alts[i]!.pat, value!, fr.env);
            if (e2 !== undefined) {
              env = e2;
              code = alts[i]!.body;
              evaluating = true;
              chosen = true;
              break;
            }
          }
          if (!chosen) throw nonExhaustive(value!);
          break;
        }
        case F.Rec: {
          const rc = fr.code as Extract<Code, { k: 'record' }>;
          fr.vals!.push(value!);
          fr.i++;
          if (fr.i < rc.fields.length) {
            code = rc.fields[fr.i]!;
            env = fr.env;
            evaluating = true;
          } else {
            stack.pop();
            const m = new Map<string, Value>();
            for (let i = 0; i < rc.labels.length; i++) m.set(rc.labels[i]!, fr.vals![i]!); // last wins
            value = mkRecord(m);
          }
          break;
        }
        case F.PrimArgs: {
          const pc = fr.code as Extract<Code, { k: 'primCall' }>;
          fr.vals!.push(value!);
          fr.i++;
          if (fr.i < pc.args.length) {
            code = pc.args[fr.i]!;
            env = fr.env;
            evaluating = true;
          } else {
            stack.pop();
            fuel--;
            value = pc.impl(fr.vals!); // vals is fresh per call: constructors may keep it
          }
          break;
        }
        case F.Select: {
          stack.pop();
          const r = value!;
          if (typeof r !== 'object' || r.tag !== 'Record') throw notARecord(r);
          const got = r.fields.get(fr.label);
          if (got === undefined) throw missingField(fr.label);
          value = got;
          break;
        }
        case F.Memo:
          stack.pop();
          fr.cell!.value = value;
          break;
      }
    }
  }
}

// Applies a constructor (appends the argument) or a primitive (collects it; runs when saturated).
function applyNonClosure(f: Value, x: Value): Value {
  if (typeof f === 'object') {
    if (f.tag === 'Prim') {
      const p = f as unknown as PrimV;
      const args = [...p.args, x];
      return args.length === p.arity ? p.impl(args) : V({ tag: 'Prim', name: p.name, arity: p.arity, args, impl: p.impl });
    }
    if (f.tag === 'Con') return mkCon(f.name, [...f.args, x]);
  }
  throw notAFunction(f);
}

/** Evaluates `code` to completion without preemption (main, STM continuations, template holes, tests). */
export function evalPlain(code: Code, env: Env): Value {
  const m = Machine.ofCode(code, env);
  m.run(Infinity);
  return m.value!;
}

/** Applies `f` to `x` to completion without preemption. */
export function applyPlain(f: Value, x: Value): Value {
  const m = Machine.ofApply(f, x);
  m.run(Infinity);
  return m.value!;
}

/** Evaluates a top-level cell (memoised) without preemption. */
export function forceCell(cell: GlobalCell): Value {
  if (cell.value !== undefined) return cell.value;
  return evalPlain({ k: 'global', cell }, null);
}

export const foreignMessage = (symbol: string): string =>
  `foreign import of C symbol "${symbol}" is not supported by the evaluator`;

function patternFailure(lam: LamCode, idx: number, v: Value): LuneError {
  return new LuneError(`PatternMatchFailure (${lam.patterns[idx]}) ${showValue(v)}`);
}

// A CTemplate becomes a leaf (§1.8): adjacent texts merged, empty texts dropped, holes kept unevaluated
// with the current environment; each render re-runs a hole with the plain evaluator.
function templateLeaf(block: boolean, parts: readonly TemplatePartCode[], env: Env): Value {
  const out: TemplatePart[] = [];
  for (const p of parts) {
    if (p.k === 'hole') {
      const code = p.code;
      out.push({ k: 'hole', force: () => evalPlain(code, env) });
    } else if (p.text !== '') {
      const last = out[out.length - 1];
      if (last !== undefined && last.k === 'text') out[out.length - 1] = { k: 'text', text: last.text + p.text };
      else out.push({ k: 'text', text: p.text });
    }
  }
  const first = out[0];
  const last = out[out.length - 1];
  const node: TemplateNode = {
    k: 'leaf',
    parts: out,
    empty: out.length === 0,
    startsNL: first !== undefined && first.k === 'text' && first.text.startsWith('\n'),
    endsNL: last !== undefined && last.k === 'text' && last.text.endsWith('\n'),
    block,
  };
  return { tag: 'Template', node };
}
