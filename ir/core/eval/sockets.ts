// ir/core/eval/sockets.ts: TCP sockets (§3.14) on node:net. Like Lune, every call blocks the scheduler
// until it completes. Handles index per-run tables; a closed or unknown handle gives `Err "invalid …"`.
import { createServer, connect, type Socket } from 'node:net';
import { err, mkBytes, ok, unit, type Value } from '../../shared/value';
import { ByteStream } from './byte-stream';
import type { ListenerEntry } from './handles';
import { type Eff, type World, V, done, handle, ioEff, wrongShape } from './values';

type Impl = (args: readonly Value[]) => Value;

const block = (run: (w: World) => Promise<Value>): Value => V(ioEff((w): Eff => ({ k: 'block', p: run(w).then(done) })));

export const asInt = (v: Value): bigint => {
  if (typeof v !== 'bigint') throw wrongShape();
  return v;
};
export const asString = (v: Value): string => {
  if (typeof v !== 'string') throw wrongShape();
  return v;
};
export const asBytes = (v: Value): Uint8Array => {
  if (typeof v !== 'object' || v.tag !== 'Bytes') throw wrongShape();
  return v.bytes;
};
export const handleId = (v: Value, tag: 'Socket' | 'Conn' | 'TlsConn'): number => {
  if (typeof v !== 'object' || v.tag !== tag) throw wrongShape();
  return v['id'] as number;
};

// The network library's rendering of the common errno values (wording is not stable in Lune either).
function netError(op: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EADDRINUSE': return `Network.Socket.${op}: resource busy (Address already in use)`;
    case 'EACCES': return `Network.Socket.${op}: permission denied (Permission denied)`;
    case 'ECONNREFUSED': return `Network.Socket.${op}: does not exist (Connection refused)`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'getAddrInfo: does not exist (Name or service not known)';
    case 'ECONNRESET': return `Network.Socket.${op}: resource vanished (Connection reset by peer)`;
    case 'EPIPE': return `Network.Socket.${op}: resource vanished (Broken pipe)`;
    default: return `Network.Socket.${op}: failed (${(e as Error).message})`;
  }
}

function listen(w: World, port: bigint): Promise<Value> {
  const server = createServer();
  const entry: ListenerEntry = { server, pending: [], waiting: null };
  server.on('connection', (s: Socket) => {
    const stream = new ByteStream(s, s);
    if (entry.waiting !== null) {
      const take = entry.waiting;
      entry.waiting = null;
      take(stream);
    } else entry.pending.push(stream);
  });
  return new Promise((resolve) => {
    server.once('error', (e) => resolve(err(netError('bind', e))));
    // Lune converts the port to 16 bits without validation (§3.14).
    server.listen({ port: Number(BigInt.asUintN(16, port)), host: '0.0.0.0', backlog: 5 }, () => {
      server.on('error', () => {}); // later failures surface on accept/recv; never crash the evaluator
      const id = w.handles.nextSocket++;
      w.handles.sockets.set(id, entry);
      resolve(ok(V(handle('Socket', id))));
    });
  });
}

async function accept(w: World, id: number): Promise<Value> {
  const entry = w.handles.sockets.get(id);
  if (entry === undefined) return err('invalid socket');
  const stream = entry.pending.shift() ?? (await new Promise<ByteStream>((r) => (entry.waiting = r)));
  const cid = w.handles.nextConn++;
  w.handles.conns.set(cid, { stream });
  return ok(V(handle('Conn', cid)));
}

function tcpConnect(w: World, host: string, port: bigint): Promise<Value> {
  return new Promise((resolve) => {
    const s = connect({ host, port: Number(BigInt.asUintN(16, port)) });
    const stream = new ByteStream(s, s);
    let settled = false;
    s.once('error', (e) => {
      if (!settled) resolve(err(netError('connect', e)));
      settled = true;
    });
    s.once('connect', () => {
      settled = true;
      const id = w.handles.nextConn++;
      w.handles.conns.set(id, { stream });
      resolve(ok(V(handle('Conn', id))));
    });
  });
}

/** One receive of up to n bytes: waits for data; empty at end of stream (shared with TLS). */
export async function receive(stream: ByteStream, n: number, op: string): Promise<Value> {
  await stream.whenReady();
  const b = stream.take(n);
  if (b !== null) return ok(mkBytes(new Uint8Array(b)));
  if (stream.error !== null) return err(netError(op, stream.error));
  return ok(mkBytes(new Uint8Array(0)));
}

async function send(w: World, id: number, bytes: Uint8Array): Promise<Value> {
  const c = w.handles.conns.get(id);
  if (c === undefined) return err('invalid connection');
  const e = await c.stream.write(bytes);
  return e === null ? ok(unit) : err(`Network.Socket.sendBuf: failed (${e})`);
}

const textDecoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a BOM is data, as in Haskell's utf8

/** The socket primitives by name. */
export const socketPrims: Readonly<Record<string, Impl>> = {
  prim_tcpListen: ([p]) => {
    const port = asInt(p!);
    return block((w) => listen(w, port));
  },
  prim_tcpAccept: ([s]) => {
    const id = handleId(s!, 'Socket');
    return block((w) => accept(w, id));
  },
  prim_tcpConnect: ([h, p]) => {
    const host = asString(h!);
    const port = asInt(p!);
    return block((w) => tcpConnect(w, host, port));
  },
  prim_connRecv: ([c]) => {
    const id = handleId(c!, 'Conn');
    return block(async (w) => {
      const entry = w.handles.conns.get(id);
      if (entry === undefined) return err('invalid connection');
      const r = await receive(entry.stream, 4096, 'recvBuf');
      if (typeof r !== 'object' || r.tag !== 'Con' || r.name !== 'Lune.Prelude.Ok') return r;
      return ok(textDecoder.decode(asBytes(r.args[0]!)));
    });
  },
  prim_connSend: ([c, t]) => {
    const id = handleId(c!, 'Conn');
    const bytes = new TextEncoder().encode(asString(t!));
    return block((w) => send(w, id, bytes));
  },
  prim_connSendBytes: ([c, b]) => {
    const id = handleId(c!, 'Conn');
    const bytes = asBytes(b!);
    return block((w) => send(w, id, bytes));
  },
  prim_connRecvBytes: ([c, n]) => {
    const id = handleId(c!, 'Conn');
    const len = asInt(n!);
    return block(async (w) => {
      const entry = w.handles.conns.get(id);
      if (entry === undefined) return err('invalid connection');
      if (len < 0n) return err('Network.Socket.recvBuf: invalid argument (non-positive length)');
      if (len === 0n) return ok(mkBytes(new Uint8Array(0)));
      return receive(entry.stream, Number(len), 'recvBuf');
    });
  },
  prim_connClose: ([c]) => {
    const id = handleId(c!, 'Conn');
    return block(async (w) => {
      const entry = w.handles.conns.get(id);
      if (entry === undefined) return err('invalid connection');
      w.handles.conns.delete(id);
      (entry.stream.readable as Socket).end();
      return ok(unit);
    });
  },
  prim_socketClose: ([s]) => {
    const id = handleId(s!, 'Socket');
    return block(async (w) => {
      const entry = w.handles.sockets.get(id);
      if (entry === undefined) return err('invalid socket');
      w.handles.sockets.delete(id);
      entry.server.close();
      return ok(unit);
    });
  },
};
