// ir/core/eval/byte-stream.ts: a Node readable stream turned into a pull-style byte buffer, so Lune's
// "receive up to n bytes" calls can be answered from what has arrived (§3.14–3.16).
import type { Readable, Writable } from 'node:stream';

/** Buffers everything a readable delivers; `read(n)` waits for data, end of stream or an error. */
export class ByteStream {
  private chunks: Buffer[] = [];
  ended = false;
  error: Error | null = null;
  /** Set once a reader has been told about the end of the stream (process reads report errors after it). */
  endReported = false;
  private wakers: (() => void)[] = [];

  constructor(readonly readable: Readable, readonly writable: Writable | null, private readonly chunkLimit = Infinity) {
    readable.on('data', (b: Buffer) => {
      for (let i = 0; i < b.length; i += this.chunkLimit === Infinity ? b.length : this.chunkLimit)
        this.chunks.push(b.subarray(i, this.chunkLimit === Infinity ? b.length : i + this.chunkLimit));
      this.wake();
    });
    readable.on('end', () => {
      this.ended = true;
      this.wake();
    });
    readable.on('close', () => {
      this.ended = true;
      this.wake();
    });
    readable.on('error', (e: Error) => {
      this.error = e;
      this.ended = true;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const f of w) f();
  }

  /** True when a read would not have to wait. */
  ready(): boolean {
    return this.chunks.length > 0 || this.ended;
  }

  /** Takes up to n bytes of the next chunk (the rest stays for the next read); null at end of stream. */
  take(n: number): Buffer | null {
    const c = this.chunks[0];
    if (c === undefined) return null;
    if (c.length <= n) {
      this.chunks.shift();
      return c;
    }
    this.chunks[0] = c.subarray(n);
    return c.subarray(0, n);
  }

  /** Waits until a read would not have to wait. */
  whenReady(): Promise<void> {
    if (this.ready()) return Promise.resolve();
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  /** Writes all bytes; resolves with an error message or null. */
  write(bytes: Uint8Array): Promise<string | null> {
    const w = this.writable;
    if (w === null || w.destroyed || w.writableEnded) return Promise.resolve('stream is closed');
    return new Promise((resolve) => w.write(bytes, (e) => resolve(e ? e.message : null)));
  }

  destroy(): void {
    this.readable.destroy();
    if (this.writable !== null && this.writable !== (this.readable as unknown)) this.writable.destroy();
  }
}
