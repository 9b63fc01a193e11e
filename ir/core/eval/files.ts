// ir/core/eval/files.ts: prim_readFile (with LUNE_SYSTEM_ROOT) and prim_writeFile (§3.8). Errors are
// `Err` values worded like GHC's IOError rendering: `<path>: openFile: <kind> (<OS message>)`.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { err, ok, unit, type Value } from '../../shared/value';
import { type World, V, done, ioEff, wrongShape } from './values';

type Impl = (args: readonly Value[]) => Value;

const asString = (v: Value): string => {
  if (typeof v !== 'string') throw wrongShape();
  return v;
};

// GHC's IOErrorType names and the strerror texts for the errno values a file open can give.
const kinds: Record<string, readonly [string, string]> = {
  ENOENT: ['does not exist', 'No such file or directory'],
  ENOTDIR: ['does not exist', 'Not a directory'],
  EISDIR: ['inappropriate type', 'is a directory'],
  EACCES: ['permission denied', 'Permission denied'],
  EPERM: ['permission denied', 'Operation not permitted'],
  EROFS: ['permission denied', 'Read-only file system'],
  EEXIST: ['already exists', 'File exists'],
  ENOSPC: ['resource exhausted', 'No space left on device'],
  EMFILE: ['resource exhausted', 'Too many open files'],
  ENAMETOOLONG: ['invalid argument', 'File name too long'],
  ELOOP: ['invalid argument', 'Too many levels of symbolic links'],
};

/** GHC's rendering of a failed file operation on `path`. */
export function ioErrorText(path: string, op: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const k = kinds[code];
  if (k !== undefined) return `${path}: ${op}: ${k[0]} (${k[1]})`;
  return `${path}: ${op}: failed (${(e as Error).message})`;
}

/** The path actually opened: LUNE_SYSTEM_ROOT + path for /proc and /sys paths (plain prefix test). */
export function systemPath(path: string, env: Record<string, string | undefined>): string {
  const root = env['LUNE_SYSTEM_ROOT'];
  return root !== undefined && root !== '' && (path.startsWith('/proc') || path.startsWith('/sys')) ? root + path : path;
}

const envOf = (w: World): Record<string, string | undefined> => w.io.env ?? process.env;
const onDisk = (w: World, path: string): string => resolve(w.io.cwd ?? process.cwd(), path);

function readFile(w: World, path: string): Value {
  const p = systemPath(path, envOf(w));
  let bytes: Buffer;
  try {
    bytes = readFileSync(onDisk(w, p));
  } catch (e) {
    return err(ioErrorText(p, 'openFile', e));
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return err(`${p}: hGetContents: invalid argument (invalid byte sequence)`);
  }
}

function writeFile(w: World, path: string, text: string): Value {
  try {
    writeFileSync(onDisk(w, path), text, 'utf8');
    return ok(unit);
  } catch (e) {
    return err(ioErrorText(path, 'openFile', e));
  }
}

/** The file primitives by name. */
export const filePrims: Readonly<Record<string, Impl>> = {
  prim_readFile: ([p]) => {
    const path = asString(p!);
    return V(ioEff((w) => done(readFile(w, path))));
  },
  prim_writeFile: ([p, t]) => {
    const path = asString(p!);
    const text = asString(t!);
    return V(ioEff((w) => done(writeFile(w, path, text))));
  },
};
