// scripts/lunec-run.mjs (npm run compile / npm run eval): runs the bundled CLI dist/lunec.mjs, rebuilding it
// first when a TypeScript source is newer, so edits take effect without a separate build step.
// The main thread only launches the worker on the bundle (it never evaluates the compiler itself).
import { ensureBundle } from './build-cli.mjs';
import { launch } from './lunec-launch.mjs';

let bundle;
try {
  bundle = await ensureBundle();
} catch (e) {
  // esbuild has already printed the problems (file:line) it found.
  process.stderr.write(`lunec: could not bundle the compiler (scripts/build-cli.mjs): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exit(70);
}
launch(new URL(bundle));
