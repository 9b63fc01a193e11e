// ir/core/eval/handles.ts: the per-run handle tables of sockets, connections, TLS connections and child
// processes (§3.14–3.16). Ids count from 0 per table; closing removes the entry. `closeAll` releases
// whatever a program left open so the Node process can exit after the run.
import type { Server } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import type { ByteStream } from './byte-stream';

/** An open TCP or TLS stream with its receive buffer. */
export interface ConnEntry { readonly stream: ByteStream }
/** A listening socket with the connections that arrived but were not accepted yet. */
export interface ListenerEntry { readonly server: Server; readonly pending: ByteStream[]; waiting: ((s: ByteStream) => void) | null }
/** A spawned child: its pipes' buffers and its exit status once known. */
export interface ProcessEntry {
  readonly child: ChildProcess;
  readonly stdout: ByteStream;
  readonly stderr: ByteStream;
  exit: bigint | null;
  stdinClosed: boolean;
}

export class Handles {
  readonly sockets = new Map<number, ListenerEntry>();
  readonly conns = new Map<number, ConnEntry>();
  readonly tls = new Map<number, ConnEntry>();
  readonly processes = new Map<number, ProcessEntry>();
  nextSocket = 0;
  nextConn = 0;
  nextTls = 0;
  nextProcess = 0;

  /** Closes listeners and streams; children keep running but no longer hold the event loop. */
  closeAll(): void {
    for (const s of this.sockets.values()) s.server.close();
    for (const c of this.conns.values()) c.stream.destroy();
    for (const c of this.tls.values()) c.stream.destroy();
    for (const p of this.processes.values()) {
      p.child.stdin?.destroy();
      p.stdout.destroy();
      p.stderr.destroy();
      p.child.unref();
    }
    this.sockets.clear();
    this.conns.clear();
    this.tls.clear();
    this.processes.clear();
  }
}
