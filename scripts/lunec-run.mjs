// scripts/lunec-run.mjs (npm run compile / npm run eval): runs the bundled CLI dist/lunec.mjs, rebuilding it
// first when a TypeScript source is newer, so edits take effect without a separate build step.
import { ensureBundle } from './build-cli.mjs';

await import(await ensureBundle());
