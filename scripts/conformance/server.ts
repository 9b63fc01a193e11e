// scripts/conformance/server.ts: talks to the corpus's servers on 127.0.0.1:8080. The protocols come from the
// dumps: 16_Echo_Server answers each message with "Echo: <msg>" on its one connection, then exits when the
// client hangs up; 18_Api_Server answers one HTTP request per connection (lines joined with "\n").
import { connect, type Socket } from 'node:net';
import type { Child } from './process';
import { compareExact } from './compare';

/** The port every corpus server listens on. */
export const port = 8080;

/** A connection with a buffer of what it received so far. */
class Client {
  received = '';
  closed = false;
  private waiters: (() => void)[] = [];
  constructor(readonly sock: Socket) {
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => {
      this.received += d;
      this.wake();
    });
    sock.on('close', () => {
      this.closed = true;
      this.wake();
    });
    sock.on('error', () => { /* 'close' follows */ });
  }
  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
  /** Resolves once `ready()` holds, or rejects at the deadline. */
  async until(ready: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (received so far: ${JSON.stringify(this.received.slice(0, 200))})`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }
}

function tryConnect(): Promise<Socket | undefined> {
  return new Promise((res) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => res(s));
    s.once('error', () => {
      s.destroy();
      res(undefined);
    });
  });
}

/**
 * Connects as soon as the server listens. The first successful connection is the session itself: a probe
 * connection would be taken by the echo server as its one client.
 */
export async function connectWhenUp(server: Child, ms: number): Promise<Client> {
  const deadline = Date.now() + ms;
  let exited = false;
  void server.done.then(() => (exited = true));
  for (;;) {
    const s = await tryConnect();
    if (s !== undefined) return new Client(s);
    if (exited) throw new Error(`the server exited before accepting connections on port ${port}`);
    if (Date.now() > deadline) throw new Error(`nothing accepted connections on port ${port} within ${Math.round(ms / 1000)} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The echo session; returns why it failed, or undefined. Stops the server if it does not stop itself. */
export async function echoSession(server: Child, startMs: number): Promise<string | undefined> {
  const messages = ['hello', 'second message'];
  try {
    const c = await connectWhenUp(server, startMs);
    let want = '';
    for (const m of messages) {
      want += `Echo: ${m}`;
      c.sock.write(m);
      await c.until(() => c.received.length >= want.length || c.closed, 10_000, `the echo of ${JSON.stringify(m)}`);
      if (c.received !== want) return `sent ${JSON.stringify(m)}, expected ${JSON.stringify(want)} in total, got ${JSON.stringify(c.received)}`;
    }
    c.sock.end();
    const exited = await Promise.race([server.done.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000))]);
    if (!exited) return 'the server did not exit after the client hung up';
    const expected = ['Starting echo server on port 8080...', 'Waiting for connection...', 'Client connected!',
      ...messages.map((m) => `Received: ${m}`), 'Client disconnected', 'Server shutdown'].join('\n');
    const why = compareExact(server.stdout, expected);
    return why === undefined ? undefined : `stdout ${why}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    server.kill();
  }
}

interface HttpExchange {
  readonly request: string;
  readonly status: string;
  readonly body: string;
}

const exchanges: readonly HttpExchange[] = [
  { request: 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', status: 'HTTP/1.1 200 OK', body: '{"status":"ok"}' },
  { request: 'GET /users/123 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', status: 'HTTP/1.1 200 OK', body: '{"id":123,"name":"Alice"}' },
  {
    request: 'POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{"name":"Bob"}',
    status: 'HTTP/1.1 201 Created', body: '{"id":456,"name":"Created"}',
  },
  { request: 'GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', status: 'HTTP/1.1 404 Not Found', body: '{"error":"Not Found"}' },
];

/** Checks one HTTP response: status line, JSON content type, a matching Content-Length, the body. */
export function checkHttpResponse(raw: string, want: Omit<HttpExchange, 'request'>): string | undefined {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  if (split < 0) return `no blank line between headers and body in ${JSON.stringify(raw.slice(0, 200))}`;
  const [statusLine, ...headers] = text.slice(0, split).split('\n');
  const body = text.slice(split + 2);
  if (statusLine !== want.status) return `expected status line ${JSON.stringify(want.status)}, got ${JSON.stringify(statusLine)}`;
  const header = (name: string): string | undefined =>
    headers.find((h) => h.toLowerCase().startsWith(name.toLowerCase() + ':'))?.slice(name.length + 1).trim();
  if (header('Content-Type') !== 'application/json') return `expected Content-Type: application/json, got ${JSON.stringify(header('Content-Type'))}`;
  if (body !== want.body) return `expected body ${JSON.stringify(want.body)}, got ${JSON.stringify(body)}`;
  if (header('Content-Length') !== String([...body].length)) return `Content-Length ${JSON.stringify(header('Content-Length'))} does not match the body (${[...body].length})`;
  return undefined;
}

/** The HTTP session: each exchange on a fresh connection, read until the server closes it. Always stops the server. */
export async function httpSession(server: Child, startMs: number): Promise<string | undefined> {
  try {
    for (const [i, x] of exchanges.entries()) {
      const c = i === 0 ? await connectWhenUp(server, startMs) : await connectWhenUp(server, 5_000);
      c.sock.write(x.request);
      await c.until(() => c.closed, 10_000, `the response to ${x.request.split('\r\n')[0]}`);
      const why = checkHttpResponse(c.received, x);
      if (why !== undefined) return `${x.request.split('\r\n')[0]}: ${why}`;
    }
    // The server never exits by itself, so its stdout may still sit in a buffer: check it only if it arrived.
    const out = server.stdout;
    const first = out.split('\n')[0];
    if (out !== '' && first !== 'Starting HTTP server on port 8080') return `stdout: expected "Starting HTTP server on port 8080" first, got ${JSON.stringify(first)}`;
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    server.kill();
  }
}
