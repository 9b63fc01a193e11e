// ir/core/eval.ts: the reference evaluator of Lune Core (PRIMITIVES.md §1–2): `runMain` runs a program's
// main under the fiber scheduler; `evalDecl` evaluates one declaration. The machinery is in ./eval/.
import type * as Core from './core';
import { CompileError, NoMainError } from '../shared/diagnostic';
import { entryName, withEntry } from './entry';
import { noSpan } from '../shared/span';
import { LuneError, type Value } from '../shared/value';
import type { GlobalCell } from './eval/code';
import { forceCell, foreignMessage } from './eval/machine';
import { primLookup } from './eval/prims';
import { type Program, resolveModule } from './eval/resolve';
import { Scheduler } from './eval/scheduler';
import { isIO, notAnIO } from './eval/values';

/** Where a run's console and environment come from (defaults: the Node process's). */
export interface EvalIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The next line of input without its newline, or null at end of input. */
  readLine?(): Promise<string | null>;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface RunResult {
  exitCode: 0 | 1;
  /** The Show form of the Lune error, e.g. 'NonExhaustiveCase Just 3'. */
  error?: string;
}

const programs = new WeakMap<Core.Module, Program>();

function programOf(m: Core.Module): Program {
  let p = programs.get(m);
  if (p === undefined) programs.set(m, (p = resolveModule(m, primLookup())));
  return p;
}

/**
 * Runs the module's entry (§1.9: `<Module>.main`, else `main`) as fiber 0. Lune runtime errors resolve to
 * `{ exitCode: 1, error }`; problems the evaluator refuses (no main, a reachable foreign import) throw a
 * CompileError.
 */
export async function runMain(m: Core.Module, io: EvalIO, opts: { entry?: string } = {}): Promise<RunResult> {
  // A module with demo/demo2 but no main gets a main printing them (ir/core/entry.ts, shared with Go).
  const full = withEntry(m);
  const entry = opts.entry ?? entryName(full);
  if (entry === undefined) throw new NoMainError('eval', m.name);
  const p = programOf(full);
  const cell = entryCell(p, entry);
  rejectForeignImports(p, cell.name);
  try {
    let v = forceCell(cell);
    if (typeof v === 'object' && v.tag === 'Con' && v.name === 'Lune.Prelude.Task' && v.args.length === 1) v = v.args[0]!;
    if (!isIO(v)) throw notAnIO(v);
    await new Scheduler(io).run(v);
    return { exitCode: 0 };
  } catch (e) {
    if (e instanceof LuneError) return { exitCode: 1, error: e.show };
    throw e;
  }
}

/** Evaluates one top-level declaration without preemption (throws LuneError on a Lune runtime error). */
export function evalDecl(m: Core.Module, name: string): Value {
  const cell = programOf(m).cells.get(name);
  if (cell === undefined) throw new CompileError('eval', noSpan, `module ${m.name} has no declaration named ${name}`);
  return forceCell(cell);
}

function entryCell(p: Program, entry: string): GlobalCell {
  const c = p.cells.get(entry);
  if (c === undefined) throw new CompileError('eval', noSpan, `module ${p.name} has no binding ${entry}`);
  return c;
}

// The evaluator cannot call C: refuse, before running anything, a program whose entry can reach a
// CForeignImport (through any top-level name it mentions).
function rejectForeignImports(p: Program, entry: string): void {
  const seen = new Set<string>([entry]);
  const todo: Core.Expr[] = [p.decls.get(entry)!.body];
  for (let e = todo.pop(); e !== undefined; e = todo.pop()) {
    switch (e.tag) {
      case 'CForeignImport':
        throw new CompileError('eval', e.span, foreignMessage(e.symbol));
      case 'CVar':
        if (!seen.has(e.name) && p.decls.has(e.name)) {
          seen.add(e.name);
          todo.push(p.decls.get(e.name)!.body);
        }
        break;
      case 'CApp':
        todo.push(e.fn, e.arg);
        break;
      case 'CLam':
        todo.push(e.body);
        break;
      case 'CLet':
        todo.push(e.rhs, e.body);
        break;
      case 'CCase':
        todo.push(e.scrutinee, ...e.alts.map((a) => a.body));
        break;
      case 'CRecord':
        todo.push(...e.fields.map((f) => f.value));
        break;
      case 'CSelect':
        todo.push(e.record);
        break;
      case 'CTemplate':
        for (const part of e.parts) if (part.tag === 'THole') todo.push(part.expr);
        break;
      case 'CString': case 'CInt': case 'CFloat': case 'CChar': case 'CDictWanted':
        break;
    }
  }
}
