// ir/core/eval/tls.ts: TLS client connections (§3.15) on node:tls: certificate validation on, SNI = host.
// Like Lune, every call blocks the scheduler until it completes.
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { err, mkBytes, ok, unit, type Value } from '../../shared/value';
import { ByteStream } from './byte-stream';
import { asBytes, asInt, asString, handleId, receive } from './sockets';
import { type Eff, type World, V, done, handle, ioEff } from './values';

type Impl = (args: readonly Value[]) => Value;

const block = (run: (w: World) => Promise<Value>): Value => V(ioEff((w): Eff => ({ k: 'block', p: run(w).then(done) })));

function tlsConnect(w: World, host: string, port: bigint): Promise<Value> {
  return new Promise((resolve) => {
    // SNI = host, except for IP literals (RFC 6066 forbids them as server names).
    const s = connect({ host, port: Number(BigInt.asUintN(16, port)), ...(isIP(host) === 0 ? { servername: host } : {}) });
    const stream = new ByteStream(s, s);
    let settled = false;
    s.once('error', (e) => {
      if (!settled) resolve(err(e.message));
      settled = true;
    });
    s.once('secureConnect', () => {
      settled = true;
      const id = w.handles.nextTls++;
      w.handles.tls.set(id, { stream });
      resolve(ok(V(handle('TlsConn', id))));
    });
  });
}

/** The TLS primitives by name. */
export const tlsPrims: Readonly<Record<string, Impl>> = {
  prim_tlsConnect: ([h, p]) => {
    const host = asString(h!);
    const port = asInt(p!);
    return block((w) => tlsConnect(w, host, port));
  },
  prim_tlsSendBytes: ([c, b]) => {
    const id = handleId(c!, 'TlsConn');
    const bytes = asBytes(b!);
    return block(async (w) => {
      const entry = w.handles.tls.get(id);
      if (entry === undefined) return err('invalid TLS connection');
      const e = await entry.stream.write(bytes);
      return e === null ? ok(unit) : err(e);
    });
  },
  prim_tlsRecvBytes: ([c, n]) => {
    const id = handleId(c!, 'TlsConn');
    const len = asInt(n!);
    return block(async (w) => {
      const entry = w.handles.tls.get(id);
      if (entry === undefined) return err('invalid TLS connection');
      if (len <= 0n) {
        // Lune waits for data first and keeps it buffered (§3.15).
        await entry.stream.whenReady();
        return ok(mkBytes(new Uint8Array(0)));
      }
      return receive(entry.stream, Number(len), 'recv');
    });
  },
  prim_tlsClose: ([c]) => {
    const id = handleId(c!, 'TlsConn');
    return block(async (w) => {
      const entry = w.handles.tls.get(id);
      if (entry === undefined) return err('invalid TLS connection');
      w.handles.tls.delete(id);
      entry.stream.destroy();
      return ok(unit);
    });
  },
};
