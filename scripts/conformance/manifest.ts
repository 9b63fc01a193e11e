// scripts/conformance/manifest.ts: the corpus manifest (shared/lune-corpus/README.md): one case per program,
// with its kind, its expected output and the environment it runs in.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The case kinds of shared/lune-corpus/README.md. */
export const kinds = ['exact', 'unordered', 'no-main', 'frontend-error', 'ffi', 'server', 'compile-only'] as const;
/** One of `kinds`. */
export type Kind = (typeof kinds)[number];

export interface Case {
  readonly name: string;
  /** Relative to the corpus directory. */
  readonly dump: string;
  readonly kind: Kind;
  readonly expected?: string;
  readonly note?: string;
  /** Values naming a file or directory of the corpus are relative to it (see `caseEnv`). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Reads DIR/manifest.json, refusing anything malformed with a message that names the entry. */
export function loadManifest(dir: string): Case[] {
  const path = join(dir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const cases = (raw as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) throw new Error(`${path}: expected an object with a "cases" array`);
  return cases.map((c: unknown, i) => {
    const o = c as Record<string, unknown>;
    const where = `${path}: case ${i}${typeof o.name === 'string' ? ` (${o.name})` : ''}`;
    if (typeof o.name !== 'string' || typeof o.dump !== 'string') throw new Error(`${where}: needs string "name" and "dump"`);
    if (!kinds.includes(o.kind as Kind)) throw new Error(`${where}: unknown kind ${JSON.stringify(o.kind)}`);
    if (o.expected !== undefined && typeof o.expected !== 'string') throw new Error(`${where}: "expected" must be a string`);
    if (o.env !== undefined && (typeof o.env !== 'object' || o.env === null)) throw new Error(`${where}: "env" must be an object`);
    return o as unknown as Case;
  });
}

/** The case's environment additions: a value naming something that exists in the corpus becomes its absolute path. */
export function caseEnv(c: Case, dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.env ?? {})) env[k] = !v.startsWith('/') && existsSync(join(dir, v)) ? resolve(dir, v) : v;
  return env;
}
