// ir/core/eval/stm.ts: STM (§2.4, §3.11). Transactions run in one scheduler step against a snapshot with a
// write-set; orElse rolls back its left side (writes and allocated ids); errors in bind continuations
// become retry (a Lune quirk); an unhandled retry is fatal because the evaluator never blocks.
import { LuneError, unit, type Value } from '../../shared/value';
import { applyPlain } from './machine';
import { type STMV, type World, V, done, handle, ioEff, isSTM, notAnIO, unboundVariable } from './values';

type Impl = (args: readonly Value[]) => Value;

const asSTM = (v: Value): STMV => {
  if (!isSTM(v)) throw notAnIO(v);
  return v;
};
const tvarId = (v: Value): number => {
  if (typeof v !== 'object' || v.tag !== 'TVar') throw notAnIO(v);
  return v['id'] as number;
};

const stmPure: Impl = ([v]) => V({ tag: 'STM', op: 'pure', v: v! });

/** The STM primitives by name. */
export const stmPrims: Readonly<Record<string, Impl>> = {
  $primSTMPure: stmPure,
  $primSTMBind: ([m, k]) => V({ tag: 'STM', op: 'bind', m: asSTM(m!), k: k! }),
  prim_newTVar: ([v]) => V({ tag: 'STM', op: 'new', v: v! }),
  prim_readTVar: ([t]) => V({ tag: 'STM', op: 'read', id: tvarId(t!) }),
  prim_writeTVar: ([t, v]) => V({ tag: 'STM', op: 'write', id: tvarId(t!), v: v! }),
  prim_retry: () => V({ tag: 'STM', op: 'retry' }),
  prim_orElse: ([a, b]) => V({ tag: 'STM', op: 'orElse', a: asSTM(a!), b: asSTM(b!) }),
  prim_atomically: ([s]) => {
    const stm = asSTM(s!);
    return V(ioEff((w) => done(atomically(w, stm))));
  },
};

/** Thrown inside a transaction when it retries. */
class Retry {}
const RETRY = new Retry();

interface Tx { readonly snapshot: ReadonlyMap<number, Value>; writes: Map<number, Value>; nextId: number }

/** Runs `stm` and commits it (§2.4 steps 1–4). */
export function atomically(w: World, stm: STMV): Value {
  const tx: Tx = { snapshot: w.stm.store, writes: new Map(), nextId: w.stm.nextId };
  let result: Value;
  try {
    result = runSTM(stm, tx);
  } catch (e) {
    if (e instanceof Retry) throw new LuneError('UnboundVariable "STM retry: no concurrent processes to unblock"');
    throw e;
  }
  for (const [id, v] of tx.writes) w.stm.store.set(id, v);
  w.stm.nextId = tx.nextId;
  return result;
}

function runSTM(s: STMV, tx: Tx): Value {
  for (;;) {
    switch (s.op) {
      case 'pure':
        return s.v;
      case 'bind': {
        const a = runSTM(s.m, tx);
        let next: Value;
        try {
          next = applyPlain(s.k, a);
        } catch (e) {
          // Quirk (§2.4): an evaluator error in a continuation is silently turned into retry.
          if (e instanceof LuneError) throw RETRY;
          throw e;
        }
        if (!isSTM(next)) return next; // quirk: a non-STM result counts as `pure result`
        s = next;
        continue;
      }
      case 'new': {
        const id = tx.nextId++;
        tx.writes.set(id, s.v);
        return V(handle('TVar', id));
      }
      case 'read': {
        const v = tx.writes.get(s.id) ?? tx.snapshot.get(s.id);
        if (v === undefined) throw unboundVariable(`tvar:${s.id}`);
        return v;
      }
      case 'write':
        tx.writes.set(s.id, s.v);
        return unit;
      case 'retry':
        throw RETRY;
      case 'orElse': {
        const saved = { writes: new Map(tx.writes), nextId: tx.nextId };
        try {
          return runSTM(s.a, tx);
        } catch (e) {
          if (!(e instanceof Retry)) throw e;
          tx.writes = saved.writes;
          tx.nextId = saved.nextId;
          s = s.b;
        }
      }
    }
  }
}
