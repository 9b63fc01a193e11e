// scripts/lunec-run.mjs (npm run compile / npm run eval): runs the bundled CLI dist/lunec.mjs, rebuilding it
// first when a TypeScript source is newer, so edits take effect without a separate build step.
// The main thread only launches the worker on the bundle (it never evaluates the compiler itself).
import { ensureBundle } from './build-cli.mjs';
import { launch } from './lunec-launch.mjs';

launch(new URL(await ensureBundle()));
