// ir/core/eval/stdin.ts: the default line reader over process.stdin, used when EvalIO has no readLine.
// Started lazily so a program that never reads does not keep stdin open.

import { isMainThread, parentPort } from 'node:worker_threads';

let reader: { lines: string[]; partial: string; ended: boolean; waiting: (() => void)[] } | null = null;

function start(): NonNullable<typeof reader> {
  // Inside lunec's worker thread, stdin only flows once the main thread is asked to forward it.
  if (!isMainThread) parentPort?.postMessage('lunec:stdin');
  const r = { lines: [] as string[], partial: '', ended: false, waiting: [] as (() => void)[] };
  const wake = (): void => {
    const w = r.waiting;
    r.waiting = [];
    for (const f of w) f();
  };
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    const parts = (r.partial + chunk).split('\n');
    r.partial = parts.pop()!;
    r.lines.push(...parts);
    if (r.lines.length > 0) process.stdin.pause();
    wake();
  });
  process.stdin.on('end', () => {
    r.ended = true;
    if (r.partial !== '') r.lines.push(r.partial);
    r.partial = '';
    wake();
  });
  return r;
}

/** The next line of standard input without its newline, or null at end of input. */
export async function readStdinLine(): Promise<string | null> {
  reader ??= start();
  const r = reader;
  for (;;) {
    const line = r.lines.shift();
    if (line !== undefined) return line;
    if (r.ended) return null;
    process.stdin.resume();
    await new Promise<void>((res) => r.waiting.push(res));
  }
}
