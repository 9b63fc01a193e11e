// passes/pipeline.ts: the one ordered list of stages (Core → Renamed → PatternCompiled → Anf → GoAst) that the
// CLI (--dump, --stop-after), the golden runner and the property tests read; `compile` runs it with checks.
import type * as Core from '../ir/core/core';
import { check as checkCore } from '../ir/core/check';
import { print as printCore } from '../ir/core/print';
import * as Renamed from '../ir/renamed';
import * as PatternCompiled from '../ir/pattern-compiled';
import * as Anf from '../ir/anf';
import * as GoAst from '../ir/goast';
import { CompileError, type Diagnostic, InternalError } from '../ir/shared/diagnostic';
import type { Target } from '../ir/shared/prims';
import { rename } from './rename';
import { compilePatterns } from './compile-patterns';
import { toAnf } from './anf';
import { toGoAst } from './to-goast';
import { simplifyAnf } from './simplify-anf';
import { resolveDicts } from './resolve-dicts';
import { fuseLists } from './fuse-lists';

export type StageName = 'core' | 'renamed' | 'pattern-compiled' | 'anf' | 'anf-dicts' | 'anf-simplified' | 'anf-fused' | 'goast';

/** What every stage's `run` may need. */
export interface RunOptions {
  readonly target: Target;
  /** Where passes report warnings (problems that do not stop the compile); default: dropped. */
  readonly onWarning?: (d: Diagnostic) => void;
  /** Run the optimizing passes and code generation choices (default true; the CLI's `-O0` turns them off). */
  readonly optimize?: boolean;
}

/** One pass and its output IR: `run` produces it from the previous stage's output, `print` dumps it. */
export interface Stage<I, O> {
  readonly name: StageName;
  readonly run: (input: I, opts: RunOptions) => O;
  readonly print: (out: O, opts: { readonly spans: boolean }) => string;
  readonly check: (out: O) => Diagnostic[];
}

// Ties each entry's input type to the previous entry's output type where it is written, then erases it.
type AnyStage = Stage<any, any>;
const stage = <I, O>(s: Stage<I, O>): AnyStage => s;

/** The stages in order. `core` is the input itself (run = identity), checked before anything else runs. */
export const stages: readonly AnyStage[] = [
  stage<Core.Module, Core.Module>({ name: 'core', run: (m) => m, print: (m, o) => printCore(m, o), check: checkCore }),
  stage<Core.Module, Renamed.Module>({ name: 'renamed', run: (m, o) => rename(m, o.target, o.onWarning), print: (m, o) => Renamed.print(m, o), check: Renamed.check }),
  stage<Renamed.Module, PatternCompiled.Module>({
    name: 'pattern-compiled', run: (m) => compilePatterns(m), print: (m, o) => PatternCompiled.print(m, o), check: PatternCompiled.check,
  }),
  stage<PatternCompiled.Module, Anf.Module>({ name: 'anf', run: (m) => toAnf(m), print: (m, o) => Anf.print(m, o), check: Anf.check }),
  // Optimizing passes: each is the identity when `optimize` is false (`-O0`).
  stage<Anf.Module, Anf.Module>({
    name: 'anf-dicts', run: (m, o) => (o.optimize === false ? m : resolveDicts(m)), print: (m, o) => Anf.print(m, o), check: Anf.check,
  }),
  stage<Anf.Module, Anf.Module>({
    name: 'anf-simplified', run: (m, o) => (o.optimize === false ? m : simplifyAnf(m)), print: (m, o) => Anf.print(m, o), check: Anf.check,
  }),
  stage<Anf.Module, Anf.Module>({
    name: 'anf-fused', run: (m, o) => (o.optimize === false ? m : fuseLists(m)), print: (m, o) => Anf.print(m, o), check: Anf.check,
  }),
  stage<Anf.Module, GoAst.File>({ name: 'goast', run: (m, o) => toGoAst(m, { optimize: o.optimize !== false }), print: (f) => GoAst.print(f), check: GoAst.check }),
];

/** The names of the stages, in order. */
export const stageNames: readonly StageName[] = stages.map((s) => s.name);

export interface CompileOptions extends RunOptions {
  /** Stop after this stage (its output is still checked and reported to onStage). */
  readonly stopAfter?: string;
  /** Print spans in dumps. */
  readonly spans?: boolean;
  /**
   * Also reject input Core that fails the Core checker anywhere (default false: a problem such as an unbound
   * variable only matters where main reaches it, PRIMITIVES.md §1.5, and the renamer decides that).
   */
  readonly strictInput?: boolean;
  /** Called after each stage with a lazy printer of its output and the time the stage took. */
  readonly onStage?: (name: StageName, printed: () => string, ms: number) => void;
}

/** What `compile` produced: the Go file (null when stopped earlier) and every stage's output by name. */
export interface CompileResult {
  readonly file: GoAst.File | null;
  readonly outputs: ReadonlyMap<StageName, unknown>;
}

/**
 * Runs the stages in order, checking each pass's output: a problem there is the compiler's (InternalError naming
 * the stage). The input Core is checked only with `strictInput`, and its problems are the user's (CompileError).
 */
export function compile(m: Core.Module, opts: CompileOptions): CompileResult {
  if (opts.stopAfter !== undefined && !stageNames.includes(opts.stopAfter as StageName)) {
    throw new InternalError('pipeline', `unknown stage ${opts.stopAfter} (stages: ${stageNames.join(', ')})`);
  }
  const outputs = new Map<StageName, unknown>();
  let current: unknown = m;
  for (const s of stages) {
    const t0 = performance.now();
    current = s.run(current, opts);
    const ms = performance.now() - t0;
    const problems = s.name === 'core' && opts.strictInput !== true ? [] : s.check(current);
    if (problems.length > 0) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      if (s.name === 'core') throw new CompileError('core', first.span, first.message, problems.slice(1).map((p) => p.message));
      throw new InternalError(s.name, `the ${s.name} checker rejected the pass output: ${first.message}${more}`);
    }
    outputs.set(s.name, current);
    let printed: string | undefined;
    const out = current;
    opts.onStage?.(s.name, () => (printed ??= s.print(out, { spans: opts.spans ?? false })), ms);
    if (s.name === opts.stopAfter) return { file: s.name === 'goast' ? (current as GoAst.File) : null, outputs };
  }
  return { file: current as GoAst.File, outputs };
}
