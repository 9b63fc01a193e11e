// emit/build.ts: runs `go build` on a written module, offline (GOPROXY=off, vendored dependencies), keeping
// Go's build cache so repeated builds of the runtime stay fast.
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';

/** The outcome of one `go build`. */
export interface BuildResult {
  readonly ok: boolean;
  readonly stderr: string;
  readonly ms: number;
}

/** The environment every go command of the emitter runs with. */
export function goEnv(): NodeJS.ProcessEnv {
  const path = [process.env.PATH ?? '', '/usr/local/go/bin'].filter((p) => p !== '').join(delimiter);
  return { ...process.env, PATH: path, GOFLAGS: '-mod=vendor', GOPROXY: 'off', GOTOOLCHAIN: 'local' };
}

/**
 * The flags of every build. -trimpath keeps file-system paths out of the compiled packages, so Go's build cache
 * entry for the runtime package (identical in every generated module) is reused whatever directory a program is
 * written to: without it, each new output directory recompiled rt (about 1 s). -s -w leave out the symbol table
 * and DWARF, which only debuggers read: the link step takes about a third less, and Go's own stack traces
 * (LUNE_TRACEBACK=1) still name functions, from the runtime's pc tables.
 */
export const goBuildArgs: readonly string[] = ['build', '-trimpath', '-ldflags=-s -w', '-o', 'program', '.'];

/** `go build` (goBuildArgs) in `dir`; never throws for a failed build (ok=false, Go's messages in stderr). */
export function goBuild(dir: string): Promise<BuildResult> {
  const t0 = performance.now();
  return new Promise((done) => {
    const p = spawn('go', [...goBuildArgs], { cwd: dir, env: goEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', (e) => done({ ok: false, stderr: `could not run go: ${e.message}\n`, ms: performance.now() - t0 }));
    p.on('close', (code) => done({ ok: code === 0, stderr, ms: performance.now() - t0 }));
  });
}
