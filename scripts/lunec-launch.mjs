// scripts/lunec-launch.mjs: starts lunec's worker thread (the CLI proper runs there, with a 1 GiB stack so the
// passes and the evaluator's set-up handle programs nested tens of thousands of levels deep; Node's main thread
// has about 1 MB) and relays its standard input and exit code. Used by scripts/lunec.ts under tsx and by
// scripts/lunec-run.mjs for the bundle, so the main thread never loads the compiler itself.
import { Worker } from 'node:worker_threads';

/** The worker's stack size in MiB. */
export const stackSizeMb = 1024;

/** Runs `entry` (a module URL that runs the CLI when not on the main thread) in a worker with this process's arguments. */
export function launch(entry) {
  const worker = new Worker(entry, { argv: process.argv.slice(2), stdin: true, resourceLimits: { stackSizeMb } });
  // Standard input is forwarded only once the program asks for it, so that a program that never reads
  // does not wait for an interactive stdin to close.
  worker.on('message', (m) => {
    if (m === 'lunec:stdin') process.stdin.pipe(worker.stdin);
  });
  worker.on('error', (e) => {
    process.stderr.write(`lunec: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(70);
  });
  worker.on('exit', (code) => process.exit(code));
}
