// ir/core/load.ts: reads a Core file from disk and picks the reader by its content: a `lune --core` dump
// (`CoreModule {…}`), a Lune frontend error report (refused by readDump), or readable Core (`parseCore`).
import { readFileSync } from 'node:fs';
import type * as Core from './core';
import { CompileError } from '../shared/diagnostic';
import { noSpan } from '../shared/span';
import { frontendErrorReport, readDump } from './read';
import { parseCore } from './parse';

/** Reads `path` as Core, whichever of the two syntaxes it is in. Throws CompileError for any user error. */
export function loadModule(path: string): Core.Module {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CompileError('read', { ...noSpan, file: path }, `cannot read ${path}: ${reason(e)}`);
  }
  return readCoreText(text, path);
}

/** The content-based choice of `loadModule`, for text already in memory. */
export function readCoreText(text: string, file: string): Core.Module {
  if (/^\s*CoreModule\b/.test(text) || frontendErrorReport(text) !== undefined) return readDump(text, file);
  return parseCore(text, file);
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
