// scripts/conformance/ratchet.ts: a ratchet file lists the cases that must keep passing, one name per line
// (blank lines and `#` comments ignored). Newly passing cases can be added; none is ever removed here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The case names listed in `path` (a missing file lists none). */
export function readRatchet(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
}

/** What a run means for a ratchet: listed cases that did not pass, and passing cases not yet listed. */
export function judgeRatchet(listed: readonly string[], ran: ReadonlyMap<string, string>): { broken: string[]; newlyPassing: string[] } {
  const set = new Set(listed);
  const broken = listed.filter((n) => ran.has(n) && ran.get(n) !== 'pass');
  const newlyPassing = [...ran].filter(([n, s]) => s === 'pass' && !set.has(n)).map(([n]) => n);
  return { broken, newlyPassing };
}

/** Adds `names` to the ratchet file, keeping it sorted and its existing lines. */
export function addToRatchet(path: string, names: readonly string[]): void {
  const existing = existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '') : [];
  const listed = new Set(readRatchet(path));
  const lines = [...existing, ...names.filter((n) => !listed.has(n))];
  const comments = lines.filter((l) => l.trim().startsWith('#'));
  const entries = lines.filter((l) => !l.trim().startsWith('#')).sort();
  writeFileSync(path, [...comments, ...entries].join('\n') + '\n');
}
