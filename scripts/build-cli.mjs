// scripts/build-cli.mjs (npm run build:cli): bundles the TypeScript CLI (scripts/lunec.ts and everything it
// imports) into one plain-JS file, dist/lunec.mjs, so `npm run compile` starts without transpiling at each run.
// Also exports `ensureBundle`, which scripts/lunec-run.mjs calls to rebuild only when a source is newer.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
/** Where the bundle goes (dist/ is ignored by git). */
export const bundlePath = join(root, 'dist', 'lunec.mjs');
// Every directory whose TypeScript the CLI may import; a change in any makes the bundle stale.
const sourceDirs = ['ir', 'passes', 'emit', 'scripts'];

function newestSource(dir, newest = 0) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = newestSource(p, newest);
    else if (e.name.endsWith('.ts') || e.name.endsWith('.mjs')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/lunec.mjs is missing or older than a source file (or package.json / the lock file). */
export function bundleIsStale() {
  if (!existsSync(bundlePath)) return true;
  const built = statSync(bundlePath).mtimeMs;
  let newest = Math.max(statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'package-lock.json')).mtimeMs);
  for (const d of sourceDirs) newest = newestSource(join(root, d), newest);
  return newest > built;
}

/** Bundles scripts/lunec.ts into dist/lunec.mjs (ESM, Node 20, npm packages included). */
export async function buildBundle() {
  // esbuild comes with tsx (a dev dependency), so a fresh clone has it after `npm run setup`.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(root, 'scripts', 'lunec.ts')],
    outfile: bundlePath,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Tells lunec.ts that its worker thread runs this same file rather than the tsx loader.
    define: { LUNEC_BUNDLED: 'true' },
    // Some bundled CommonJS packages call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __lunecCreateRequire } from 'node:module'; const require = __lunecCreateRequire(import.meta.url);" },
  });
  // Written under a temporary name and renamed: a compile started meanwhile never loads half a bundle.
  mkdirSync(dirname(bundlePath), { recursive: true });
  for (const f of result.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
}

/** Rebuilds the bundle when stale; returns its file URL. */
export async function ensureBundle() {
  if (bundleIsStale()) await buildBundle();
  return pathToFileURL(bundlePath).href;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildBundle();
  process.stderr.write(`built ${bundlePath}\n`);
}
