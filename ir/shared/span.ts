// ir/shared/span.ts: source positions. Lune's `Located` spans are 1-based lines and columns;
// an all-zero span means "unknown" (synthesised by the elaborator).

/** A source range. `file` is set when the span comes from a file we parsed ourselves. */
export interface Span {
  readonly file?: string;
  readonly startLine: number;
  readonly startCol: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** The unknown span: what Lune writes for synthesised nodes, and what dumps give most nodes. */
export const noSpan: Span = Object.freeze({ startLine: 0, startCol: 0, endLine: 0, endCol: 0 });

export const isKnown = (s: Span): boolean => s.startLine > 0;

export function mkSpan(startLine: number, startCol: number, endLine: number, endCol: number, file?: string): Span {
  return file === undefined ? { startLine, startCol, endLine, endCol } : { file, startLine, startCol, endLine, endCol };
}

/** `LINE:COL`, or '' when unknown. */
export function showSpan(s: Span): string {
  return isKnown(s) ? `${s.startLine}:${s.startCol}` : '';
}
