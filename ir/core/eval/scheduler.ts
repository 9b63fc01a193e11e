// ir/core/eval/scheduler.ts: runs IO (§2.1–2.2) in fibers under the sequential scheduler of §2.5: a FIFO
// ready queue, sleepers woken in wake-time order, awaits that always yield once, the awaitAny stale
// registration quirk, and the bind step counter + fuel preemption that make busy fibers interleave.
import { LuneError, unit, type Value } from '../../shared/value';
import type { EvalIO } from '../eval';
import { Handles } from './handles';
import { Machine } from './machine';
import { type Eff, type IOV, type World, V, handle, isIO, notAnIO } from './values';

/** Fuel given to each slice of a bind continuation's evaluation (§2.2). */
const FUEL = 100;
/** The bind step counter's limit (§2.2). */
const STEP_LIMIT = 100;

// A pending bind continuation (`then` null) or the second action of a `then`.
class IOFrame {
  constructor(readonly bind: Value | null, readonly then: IOV | null) {}
}
const CONTINUE = { k: 'continue' } as const;

interface Fiber {
  readonly id: number;
  readonly frames: IOFrame[];
  // Exactly one of these says what the fiber does next.
  io: IOV | null;
  /** A bind continuation being evaluated (suspended when its fuel ran out), or null. */
  machine: Machine | null;
  /** The fiber's reusable machine, so a bind does not allocate a new one. */
  spare: Machine | null;
  after: (() => Eff) | null;
  ret: Value;
}

interface FiberRecord {
  result: Value | undefined;
  /** Fibers registered as waiting for this one, in registration order (never pruned: §2.5 quirk). */
  waiters: number[];
}

interface Sleeper { readonly fiber: Fiber; readonly wake: number; readonly seq: number; readonly after: (() => Eff) | undefined }

type Outcome = Exclude<Eff, { k: 'done' }> | { readonly k: 'finished'; readonly v: Value };

/** One program run: the world shared by all fibers (§2.1) plus the scheduler state. */
export class Scheduler implements World {
  stepCount = 0;
  readonly stm = { store: new Map<number, Value>(), nextId: 0 };
  readonly handles = new Handles();
  private readonly queue: Fiber[] = [];
  private queueHead = 0;
  private sleepers: Sleeper[] = [];
  private sleepSeq = 0;
  private readonly records = new Map<number, FiberRecord>();
  private readonly parked = new Map<number, Fiber>();
  private nextFiber = 0;
  private lastBreath = Date.now();

  constructor(readonly io: EvalIO) {}

  /** Runs `main` as fiber 0 until it finishes; rejects with the first LuneError of any fiber. */
  async run(main: IOV): Promise<void> {
    this.enqueue(this.newFiber(main));
    try {
      for (;;) {
        this.wakeSleepers();
        const f = this.dequeue();
        if (f === undefined) {
          if (this.sleepers.length === 0) throw new LuneError('UnboundVariable "main fiber did not complete"');
          const wait = Math.max(0, Math.min(...this.sleepers.map((s) => s.wake)) - Date.now());
          await new Promise((r) => setTimeout(r, wait));
          this.lastBreath = Date.now();
          continue;
        }
        let out = this.runTurn(f);
        while (out.k === 'block') {
          const r = this.afterEff(f, await out.p);
          out = r.k === 'continue' ? this.runTurn(f) : r;
        }
        if (out.k === 'finished' && this.finish(f, out.v)) return;
        if (out.k !== 'finished') this.suspend(f, out);
        // Let Node deliver socket/process events even while fibers keep the queue busy.
        if (Date.now() - this.lastBreath > 10) {
          await new Promise((r) => setImmediate(r));
          this.lastBreath = Date.now();
        }
      }
    } finally {
      this.handles.closeAll();
    }
  }

  private newFiber(io: IOV): Fiber {
    const id = this.nextFiber++;
    this.records.set(id, { result: undefined, waiters: [] });
    return { id, frames: [], io, machine: null, spare: null, after: null, ret: unit };
  }

  private enqueue(f: Fiber): void {
    this.queue.push(f);
  }

  private dequeue(): Fiber | undefined {
    if (this.queueHead >= this.queue.length) return undefined;
    const f = this.queue[this.queueHead++]!;
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    return f;
  }

  // Sleepers whose time has come join the queue ordered by wake time; among equal wake times the most
  // recently parked goes first (§2.5).
  private wakeSleepers(): void {
    if (this.sleepers.length === 0) return;
    const now = Date.now();
    const woken = this.sleepers.filter((s) => s.wake <= now);
    if (woken.length === 0) return;
    this.sleepers = this.sleepers.filter((s) => s.wake > now);
    woken.sort((a, b) => a.wake - b.wake || b.seq - a.seq);
    for (const s of woken) {
      if (s.after !== undefined) s.fiber.after = s.after;
      else s.fiber.ret = unit;
      this.enqueue(s.fiber);
    }
  }

  // Runs one fiber until it suspends or finishes.
  private runTurn(f: Fiber): Outcome {
    for (;;) {
      if (f.after !== null) {
        const next = f.after;
        f.after = null;
        const out = this.afterEff(f, next());
        if (out.k !== 'continue') return out;
        continue;
      }
      if (f.machine !== null) {
        if (!f.machine.run(FUEL)) return { k: 'yield' };
        const v = f.machine.value!;
        f.spare = f.machine;
        f.machine = null;
        if (!isIO(v)) throw notAnIO(v);
        f.io = v;
      }
      const io = f.io;
      if (io !== null) {
        switch (io.op) {
          case 'pure':
            f.io = null;
            f.ret = io.v;
            break;
          case 'bind':
            f.frames.push(new IOFrame(io.k, null));
            f.io = io.m;
            break;
          case 'then':
            f.frames.push(new IOFrame(null, io.n));
            f.io = io.m;
            break;
          case 'eff': {
            f.io = null;
            const out = this.afterEff(f, io.run(this));
            if (out.k !== 'continue') return out;
            break;
          }
        }
        continue;
      }
      const fr = f.frames.pop();
      if (fr === undefined) return { k: 'finished', v: f.ret };
      if (fr.then !== null) {
        f.io = fr.then;
        continue;
      }
      f.machine = f.spare !== null ? f.spare.startApply(fr.bind!, f.ret) : Machine.ofApply(fr.bind!, f.ret);
      f.spare = null;
      if (this.stepCount >= STEP_LIMIT) {
        this.stepCount = 0;
        return { k: 'yield' };
      }
      this.stepCount++;
    }
  }

  // A finished effect continues the fiber; anything else is handed to the scheduler.
  private afterEff(f: Fiber, e: Eff): Outcome | typeof CONTINUE {
    if (e.k !== 'done') return e;
    f.ret = e.v;
    return CONTINUE;
  }

  private suspend(f: Fiber, out: Exclude<Outcome, { k: 'finished' } | { k: 'block' }>): void {
    switch (out.k) {
      case 'yield':
        if (f.machine === null) f.ret = unit;
        this.enqueue(f);
        return;
      case 'sleep':
        this.sleepers.push({ fiber: f, wake: Date.now() + Math.ceil(out.ms), seq: this.sleepSeq++, after: out.after });
        return;
      case 'spawn': {
        const child = this.newFiber(out.io);
        this.enqueue(child);
        f.ret = V(handle('Fiber', child.id));
        this.enqueue(f);
        return;
      }
      case 'await':
      case 'awaitAny': {
        const ids = out.k === 'await' ? [out.fiber] : out.fibers;
        for (const id of ids) {
          const r = this.records.get(id)?.result;
          if (r !== undefined) {
            f.ret = r;
            this.enqueue(f);
            return;
          }
        }
        for (const id of ids) {
          let rec = this.records.get(id);
          if (rec === undefined) this.records.set(id, (rec = { result: undefined, waiters: [] }));
          rec.waiters.push(f.id);
        }
        this.parked.set(f.id, f);
        return;
      }
    }
  }

  // Records a fiber's result and wakes its parked waiters, most recently registered first. True when the
  // run is over (fiber 0 finished).
  private finish(f: Fiber, v: Value): boolean {
    const rec = this.records.get(f.id)!;
    rec.result = v;
    if (f.id === 0) return true;
    const ws = rec.waiters;
    rec.waiters = [];
    for (let i = ws.length - 1; i >= 0; i--) {
      const w = this.parked.get(ws[i]!);
      if (w === undefined) continue;
      this.parked.delete(w.id);
      w.ret = v;
      this.enqueue(w);
    }
    return false;
  }
}
