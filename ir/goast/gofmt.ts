// ir/goast/gofmt.ts: test support: runs gofmt over printed Go sources (all at once, one process) and reports
// the files gofmt would change, with its diff. Used by the printer and emitter tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** The gofmt binary, or null when Go is not installed. */
export function gofmtPath(): string | null {
  for (const p of ['/usr/local/go/bin/gofmt', 'gofmt']) {
    const r = spawnSync(p, ['-l'], { input: 'package x\n', encoding: 'utf8' });
    if (r.status === 0) return p;
  }
  return null;
}

/** `gofmt -d` over the sources: '' when every one is gofmt-clean, else the diff (or gofmt's error). */
export function gofmtDiff(sources: readonly string[]): string {
  const gofmt = gofmtPath();
  if (gofmt === null) throw new Error('gofmt not found (expected /usr/local/go/bin/gofmt)');
  const dir = mkdtempSync(join(tmpdir(), 'goast-gofmt-'));
  try {
    const files = sources.map((s, i) => {
      const f = join(dir, `sample${i}.go`);
      writeFileSync(f, s);
      return f;
    });
    const r = spawnSync(gofmt, ['-d', ...files], { encoding: 'utf8' });
    return (r.stdout ?? '') + (r.stderr ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
