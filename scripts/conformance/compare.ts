// scripts/conformance/compare.ts: how a run's output is judged: output normalisation (trailing spaces and
// blank lines, the manifest's known rewrites), exact and unordered comparison, and refusal messages.
import type { Case } from './manifest';

/** Trailing spaces of each line and trailing blank lines removed, as the corpus's expected files are. */
export function outputLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A rewrite both outputs get before comparing, learnt from a case's manifest note. */
export interface Normalisation {
  readonly describe: string;
  readonly apply: (line: string) => string;
}

/**
 * The rewrites a case's note asks for. Known phrasing: "the line starting dt_ms= is replaced by
 * dt_ms=<elapsed> before comparing" (any `PREFIX` / replacement).
 */
export function normalisationsFor(c: Pick<Case, 'note'>): Normalisation[] {
  const out: Normalisation[] = [];
  const re = /the line starting (\S+) is replaced by (\S+)/g;
  for (const m of (c.note ?? '').matchAll(re)) {
    const [, prefix, replacement] = m as unknown as [string, string, string];
    out.push({ describe: `${prefix}… → ${replacement}`, apply: (l) => (l.startsWith(prefix) ? replacement : l) });
  }
  return out;
}

/** True when the note says repeated lines depend on timing (e.g. "tick counts depend on timing"). */
export const timingDependent = (c: Pick<Case, 'note'>): boolean => /timing/.test(c.note ?? '');

const normalise = (text: string, ns: readonly Normalisation[]): string[] =>
  outputLines(text).map((l) => ns.reduce((acc, n) => n.apply(acc), l));

const quote = (s: string | undefined): string => (s === undefined ? '(nothing)' : JSON.stringify(s));

/** undefined when `actual` equals `expected` line for line; otherwise why not (the first difference). */
export function compareExact(actual: string, expected: string, ns: readonly Normalisation[] = []): string | undefined {
  const a = normalise(actual, ns);
  const e = normalise(expected, ns);
  const n = Math.max(a.length, e.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== e[i]) return `line ${i + 1}: expected ${quote(e[i])}, got ${quote(a[i])}`;
  }
  return undefined;
}

/**
 * undefined when both outputs hold the same lines the same number of times, in any order. With
 * `timing`, a line the expected output repeats only needs to appear at least once (its count is timing).
 */
export function compareUnordered(actual: string, expected: string, ns: readonly Normalisation[] = [], timing = false): string | undefined {
  const count = (lines: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const a = count(normalise(actual, ns));
  const e = count(normalise(expected, ns));
  const problems: string[] = [];
  for (const [line, n] of e) {
    const got = a.get(line) ?? 0;
    const ok = timing && n > 1 ? got >= 1 : got === n;
    if (!ok) problems.push(`${quote(line)} expected ${timing && n > 1 ? 'at least once' : `${n}×`}, got ${got}×`);
  }
  for (const [line, n] of a) if (!e.has(line)) problems.push(`unexpected ${quote(line)} ${n}×`);
  if (problems.length === 0) return undefined;
  return problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
}

/** What a refusal's stderr must mention, learnt from the dump itself. */
export interface DumpFacts {
  /** `coreName` of the module ('' when the dump is not a CoreModule). */
  readonly moduleName: string;
  /** C symbols of `CForeignImport`s. */
  readonly foreignSymbols: readonly string[];
}

/** Reads the facts with patterns on the raw text, so the runner does not depend on the reader it tests. */
export function dumpFacts(text: string): DumpFacts {
  const moduleName = /^\s*CoreModule\s*\{\s*coreName\s*=\s*"([^"]*)"/.exec(text)?.[1] ?? '';
  const foreignSymbols = [...text.matchAll(/CForeignImport\s+\w+\s+"([^"]*)"/g)].map((m) => m[1]!);
  return { moduleName, foreignSymbols };
}

/**
 * For the kinds that must be refused: undefined when the program failed (non-zero exit) with a clear
 * message on stderr; otherwise why not. A JS stack trace never counts as a clear message.
 */
export function checkRefusal(kind: 'no-main' | 'frontend-error' | 'ffi', exitCode: number, stderr: string, facts: DumpFacts): string | undefined {
  const first = stderr.trim().split('\n')[0] ?? '';
  if (exitCode === 0) return `expected a non-zero exit, got 0${first === '' ? '' : ` (stderr: ${first})`}`;
  if (stderr.trim() === '') return `exit ${exitCode} with nothing on stderr`;
  if (/^\s+at .+:\d+:\d+\)?$/m.test(stderr)) return `stderr holds a stack trace: ${first}`;
  switch (kind) {
    case 'no-main':
      if (!/\bmain\b/.test(stderr)) return `stderr does not mention main: ${first}`;
      if (facts.moduleName !== '' && !stderr.includes(facts.moduleName)) return `stderr does not name the module ${facts.moduleName}: ${first}`;
      return undefined;
    case 'frontend-error':
      return /frontend error/i.test(stderr) ? undefined : `stderr does not say "frontend error": ${first}`;
    case 'ffi': {
      const missing = facts.foreignSymbols.filter((s) => !stderr.includes(s));
      if (facts.foreignSymbols.length === 0) return 'the dump has no CForeignImport to check against';
      return missing.length === 0 ? undefined : `stderr does not name the C symbol ${missing.join(', ')}: ${first}`;
    }
  }
}
