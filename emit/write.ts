// emit/write.ts: the only code that writes a compiled program to disk. The module is written into a temporary
// directory next to OUT and renamed into place, so OUT is either the old output or the complete new one.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Replaces directory `outDir` with exactly `files` (slash-separated relative path → content). */
export function writeModule(files: ReadonlyMap<string, string>, outDir: string): void {
  const out = resolve(outDir);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const temp = join(parent, `.${basename(out)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(out)}.old-${stamp}`);
  try {
    const made = new Set<string>(); // directories already created (most files share rt/)
    for (const [path, text] of files) {
      if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`refusing to write outside the module: ${path}`);
      const target = join(temp, ...path.split('/'));
      const dir = dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(target, text);
    }
    if (existsSync(out)) renameSync(out, old);
    renameSync(temp, out);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(out)) renameSync(old, out); // put the previous output back
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
