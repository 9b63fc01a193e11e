// ir/core/eval/io-prims.ts: the IO plumbing (§3.5), console (§3.7), time (§3.9) and fiber (§3.12)
// primitives. Each builds an IO description; the effect happens when the scheduler runs it.
import { unit, type Value } from '../../shared/value';
import { readStdinLine } from './stdin';
import { type Eff, type IOV, type World, V, done, foreignError, ioEff, ioPure, isIO, notAnIO, wrongShape } from './values';

type Impl = (args: readonly Value[]) => Value;

const asIO = (v: Value): IOV => {
  if (!isIO(v)) throw notAnIO(v);
  return v;
};
const asString = (v: Value): string => {
  if (typeof v !== 'string') throw wrongShape();
  return v;
};
/** The id of a Fiber handle; anything else is NotAnIO (§1.10: reused for wrong fiber arguments). */
const fiberId = (v: Value): number => {
  if (typeof v !== 'object' || v.tag !== 'Fiber') throw notAnIO(v);
  return v['id'] as number;
};

const pure: Impl = ([v]) => V(ioPure(v!));
const bind: Impl = ([m, k]) => V({ tag: 'IO', op: 'bind', m: asIO(m!), k: k! });
const then: Impl = ([m, n]) => V({ tag: 'IO', op: 'then', m: asIO(m!), n: asIO(n!) });

// Reads one line (all trailing CRs removed); null at end of input.
function readLine(w: World): Promise<string | null> {
  const p = w.io.readLine !== undefined ? w.io.readLine() : readStdinLine();
  return p.then((l) => (l === null ? null : l.replace(/\r+$/, '')));
}

const readLineIO = ioEff((w): Eff => ({ k: 'block', p: readLine(w).then((l) => done(l ?? '')) }));
const readIntIO = ioEff((w): Eff => ({
  k: 'block',
  p: readLine(w).then((l) => {
    if (l === null) throw foreignError('prim_readInt: EOF');
    if (!/^[0-9]+$/.test(l)) throw foreignError('prim_readInt: invalid int');
    return done(BigInt(l));
  }),
}));

const nowMicros = (): bigint => BigInt(Math.floor((performance.timeOrigin + performance.now()) * 1000));

/** The primitives of this file by name. */
export const ioPrims: Readonly<Record<string, Impl>> = {
  $primIOPure: pure,
  prim_ioPure: pure,
  $primIOBind: bind,
  prim_ioBind: bind,
  $primIOThen: then,
  prim_ioThen: then,
  prim_putStrLn: ([s]) => {
    const text = asString(s!) + '\n';
    return V(ioEff((w) => {
      w.io.stdout(text);
      return done(unit);
    }));
  },
  prim_readLine: () => V(readLineIO),
  prim_readInt: () => V(readIntIO),
  prim_timeNowMicros: () => V(ioEff(() => done(nowMicros()))),
  prim_sleepMs: ([n]) => {
    if (typeof n !== 'bigint') throw wrongShape();
    // ms ≤ 0 finishes at once without yielding (§3.9).
    return V(ioEff((): Eff => (n <= 0n ? done(unit) : { k: 'sleep', ms: Number(n) })));
  },
  prim_spawn: ([io]) => {
    const child = asIO(io!);
    return V(ioEff((): Eff => ({ k: 'spawn', io: child })));
  },
  prim_await: ([f]) => {
    const id = fiberId(f!);
    return V(ioEff((): Eff => ({ k: 'await', fiber: id })));
  },
  prim_awaitAny: ([a, b]) => {
    const ids = [fiberId(a!), fiberId(b!)];
    return V(ioEff((): Eff => ({ k: 'awaitAny', fibers: ids })));
  },
  prim_yield: () => V(ioEff((w): Eff => {
    w.stepCount = 0;
    return { k: 'yield' };
  })),
};
