// ir/shared/diagnostic.ts: how every stage reports problems. A user error is a CompileError (printed as
// `FILE:LINE:COL: error: …`, exit 2); an impossible state inside the compiler is a bug() (exit 70).
import { type Span, isKnown, noSpan } from './span';

/** A problem found by a checker; `stage` names the IR or pass that found it. */
export interface Diagnostic {
  readonly stage: string;
  readonly span: Span;
  readonly message: string;
}

/** A user error at compile time. The CLI prints it with `formatDiagnostic` and exits 2. */
export class CompileError extends Error {
  constructor(
    readonly stage: string,
    readonly span: Span,
    message: string,
    /** Optional secondary lines (notes), printed after the main line. */
    readonly notes: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

/** An internal compiler error: a state the types allow but the pipeline should never produce. */
export class InternalError extends Error {
  constructor(readonly stage: string, message: string) {
    super(`internal error in ${stage}: ${message}`);
    this.name = 'InternalError';
  }
}

/** Throws an InternalError describing `what` (already printed by the caller's IR printer if it is a node). */
export function bug(stage: string, what: string): never {
  throw new InternalError(stage, what);
}

/** `FILE:LINE:COL: error: message` (position parts dropped when unknown). */
export function formatDiagnostic(file: string, span: Span, message: string, severity: 'error' | 'warning' = 'error'): string {
  const f = span.file ?? file;
  const pos = isKnown(span) ? `${f}:${span.startLine}:${span.startCol}` : f;
  return `${pos}: ${severity}: ${message}`;
}

export const diag = (stage: string, message: string, span: Span = noSpan): Diagnostic => ({ stage, span, message });

/** Exhaustiveness helper for plain `switch` statements (ts-pattern's `.exhaustive()` elsewhere). */
export function assertNever(x: never, stage = 'unknown'): never {
  throw new InternalError(stage, `unexpected value ${JSON.stringify(x)}`);
}

/** The program has no entry point: an error in the program (exit 1), not bad input. */
export class NoMainError extends CompileError {
  constructor(stage: string, moduleName: string) {
    super(stage, noSpan, `module ${moduleName} has no main binding (expected ${moduleName}.main)`);
    this.name = 'NoMainError';
  }
}
