// emit/module.ts: GoAst.File → the files of a Go module (path → text): go.mod, main.go (printed), the rt/*.go
// files of runtime/ the program needs (runtime-files.ts), and, only for programs that get rt/stm.go (an STM
// primitive), go.sum and vendor/ from vendor/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import * as G from '../ir/goast';
import { goPrimFunc, goPrimValue, prims, type PrimInfo } from '../ir/shared/prims';
import { runtimeFilesFor } from './runtime-files';

/** Where the runtime and the vendored modules are read from (defaults: this repository's runtime/ and vendor/). */
export interface EmitOptions {
  readonly runtimeDir?: string;
  readonly vendorDir?: string;
}

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const plainGoMod = 'module lunegen\n\ngo 1.25\n';

/** The module's files, keyed by slash-separated path relative to the module root, in a stable order. */
export function emitModule(f: G.File, opts: EmitOptions = {}): Map<string, string> {
  const runtimeDir = opts.runtimeDir ?? join(repoDir, 'runtime');
  const vendorDir = opts.vendorDir ?? join(repoDir, 'vendor');
  const sources = new Map<string, string>();
  for (const name of readdirSync(runtimeDir).sort()) {
    if (name.endsWith('.go') && !name.endsWith('_test.go')) sources.set(name, readFileSync(join(runtimeDir, name), 'utf8'));
  }
  const included = runtimeFilesFor(sources, rtNamesUsed(f));
  const stm = included.has('stm.go');
  const files = new Map<string, string>();
  files.set('go.mod', stm ? readFileSync(join(vendorDir, 'go.mod'), 'utf8') : plainGoMod);
  files.set('main.go', G.print(f));
  for (const [name, text] of sources) if (included.has(name)) files.set(`rt/${name}`, text);
  if (stm) {
    if (!existsSync(join(vendorDir, 'modules.txt'))) {
      throw new Error(`this program uses STM, whose Go dependency is not vendored yet: run \`npm run setup\` (fills ${vendorDir})`);
    }
    files.set('go.sum', readFileSync(join(vendorDir, 'go.sum'), 'utf8'));
    for (const path of walk(vendorDir)) {
      const rel = relative(vendorDir, path).split('\\').join('/');
      if (rel !== 'go.mod' && rel !== 'go.sum') files.set(`vendor/${rel}`, readFileSync(path, 'utf8'));
    }
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const primByGoName: ReadonlyMap<string, PrimInfo> = new Map(prims.flatMap((p) => [[goPrimValue(p.name), p], [goPrimFunc(p.name), p]] as const));

/** The primitives a generated file refers to (as `rt.P_…` or `rt.F_…`), sorted by name. */
export function primsUsed(f: G.File): PrimInfo[] {
  const found = new Map<string, PrimInfo>();
  for (const n of rtNamesUsed(f)) {
    const p = primByGoName.get(n);
    if (p !== undefined) found.set(p.name, p);
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every name a generated file selects from package rt (`rt.X`). */
export function rtNamesUsed(f: G.File): Set<string> {
  const found = new Set<string>();
  // A generic walk over every field (any node kind may hold expressions), without per-node arrays; `origin`
  // (a Lune name and span) holds no Go code.
  const visit = (x: unknown): void => {
    if (typeof x !== 'object' || x === null) return;
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    const node = x as { readonly [k: string]: unknown; tag?: string; x?: { tag?: string; name?: string }; sel?: string };
    if (node.tag === 'SelectorExpr' && node.x?.tag === 'Ident' && node.x.name === 'rt' && node.sel !== undefined) found.add(node.sel);
    for (const k in node) if (k !== 'origin') visit(node[k]);
  };
  visit(f.decls);
  return found;
}

