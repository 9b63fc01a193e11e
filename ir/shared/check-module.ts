// ir/shared/check-module.ts: the module-level checks every IR after Core shares: declarations are defined once
// and the entry point is one of them.
import { type Diagnostic, diag } from './diagnostic';
import type { Span } from './span';

interface ModuleLike {
  readonly decls: readonly { readonly name: string; readonly span: Span }[];
  readonly main: string;
  readonly span: Span;
}

/** The set of top-level names; reports duplicates and a missing main into `out`. */
export function topLevelNames(stage: string, m: ModuleLike, out: Diagnostic[]): Set<string> {
  const globals = new Set<string>();
  for (const d of m.decls) {
    if (globals.has(d.name)) out.push(diag(stage, `declaration ${d.name} is defined twice`, d.span));
    globals.add(d.name);
  }
  if (!globals.has(m.main)) out.push(diag(stage, `main declaration ${m.main} is missing`, m.span));
  return globals;
}
