// ir/core/eval/scheduler.test.ts: the fiber scheduler of PRIMITIVES.md §2.5, with exact output orders.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { program, runSource } from './testing';

const run = (decls: string) => runSource(program(decls));
const lines = (...ls: string[]) => ls.map((l) => l + '\n').join('');

test('12_Fiber_Basic shape: spawned children run before the parent continues; await always yields', async () => {
  const r = await run(String.raw`
Main.task = \name n -> Main.seq (Main.say (prim_appendString name " started"))
  (Main.seq (Main.say (prim_appendString name " finished")) ($primIOPure n))
Main.main = Main.seq (Main.say "Main: spawning tasks")
  (Main.bind (prim_spawn (Main.task "Task1" 1)) (\f1 ->
   Main.bind (prim_spawn (Main.task "Task2" 2)) (\f2 ->
   Main.seq (Main.say "Main: yielding to let tasks run")
   (Main.seq prim_yield (Main.seq prim_yield
   (Main.seq (Main.say "Main: awaiting results")
   (Main.bind (prim_await f1) (\a -> Main.bind (prim_await f2) (\b ->
    Main.say (prim_appendString "Main: done " (prim_showInt (prim_addInt a b))))))))))))`);
  assert.equal(r, { exitCode: 0, stderr: '', stdout: lines(
    'Main: spawning tasks', 'Task1 started', 'Task1 finished', 'Task2 started', 'Task2 finished',
    'Main: yielding to let tasks run', 'Main: awaiting results', 'Main: done 3') });
});

test('yield sends a fiber to the back of the FIFO queue', async () => {
  const r = await run(String.raw`
Main.child = Main.seq (Main.say "c1") (Main.seq prim_yield (Main.seq (Main.say "c2") (Main.seq prim_yield (Main.say "c3"))))
Main.main = Main.bind (prim_spawn Main.child) (\f ->
  Main.seq (Main.say "m1") (Main.seq prim_yield (Main.seq (Main.say "m2") (Main.seq (prim_await f) (Main.say "m3")))))`);
  assert.is(r.stdout, lines('c1', 'm1', 'c2', 'm2', 'c3', 'm3'));
});

test('sleepers wake in wake-time order; sleep 0 does not yield', async () => {
  const r = await run(String.raw`
Main.sleeper = \ms name -> Main.seq (prim_sleepMs ms) (Main.say name)
Main.main = Main.bind (prim_spawn (Main.sleeper 40 "slow")) (\a ->
  Main.bind (prim_spawn (Main.sleeper 10 "fast")) (\b ->
  Main.bind (prim_spawn (Main.say "child")) (\c ->
  Main.seq (prim_sleepMs 0) (Main.seq (Main.say "main after sleep 0")
  (Main.seq (prim_await a) (Main.seq (prim_await b) (Main.say "end")))))))`);
  assert.is(r.stdout, lines('child', 'main after sleep 0', 'fast', 'slow', 'end'));
});

test('main finishing ends the run at once: other fibers are abandoned', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (prim_spawn (Main.seq prim_yield (Main.say "late"))) (\f -> Main.say "bye")`);
  assert.equal([r.exitCode, r.stdout], [0, 'bye\n']);
});

test('an error in any fiber stops the program, even if nobody awaits it', async () => {
  const r = await run(String.raw`
Main.bad = Main.bind Main.done (\_ -> case 1 of { "x" -> Main.done })
Main.main = Main.bind (prim_spawn Main.bad) (\f -> Main.seq (prim_sleepMs 20) (Main.say "unreachable"))`);
  assert.equal([r.exitCode, r.error, r.stdout], [1, 'NonExhaustiveCase 1', '']);
});

test('awaitAny: with both finished the first argument wins', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (prim_spawn ($primIOPure "one")) (\f1 ->
  Main.bind (prim_spawn ($primIOPure "two")) (\f2 ->
  Main.seq prim_yield (Main.bind (prim_awaitAny f2 f1) (\v -> Main.say v))))`);
  assert.is(r.stdout, 'two\n');
});

// Wide sleep margins: main must be parked on `await other` before `slow` finishes, even on a loaded machine.
test('awaitAny quirk: the loser keeps the waiter registered and can answer a later await', async () => {
  const r = await run(String.raw`
Main.after = \ms v -> Main.seq (prim_sleepMs ms) ($primIOPure v)
Main.main = Main.bind (prim_spawn (Main.after 5 "fast")) (\fast ->
  Main.bind (prim_spawn (Main.after 300 "slow")) (\slow ->
  Main.bind (prim_spawn (Main.after 1500 "other")) (\other ->
  Main.bind (prim_awaitAny fast slow) (\a ->
  Main.bind (prim_await other) (\b -> Main.seq (Main.say a) (Main.say b))))))`);
  assert.is(r.stdout, lines('fast', 'slow'));
});

test('a fiber values prints as <fiber>; ids count from 1 for the first child', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (prim_spawn Main.done) (\f -> Main.say ($primShowValue (Lune.Prelude.Just f)))`);
  assert.is(r.stdout, 'Just <fiber>\n');
});

test('everything blocked on awaits: UnboundVariable "main fiber did not complete"', async () => {
  const r = await run(String.raw`
Main.selfWait = \tv -> Main.seq prim_yield (Main.bind (prim_atomically (prim_readTVar tv)) (\f -> prim_await f))
Main.main = Main.bind (prim_atomically (prim_newTVar Main.unit)) (\tv ->
  Main.bind (prim_spawn (Main.selfWait tv)) (\f ->
  Main.seq (prim_atomically (prim_writeTVar tv f)) (prim_await f)))`);
  assert.equal([r.exitCode, r.error], [1, 'UnboundVariable "main fiber did not complete"']);
});

test('busy fibers interleave through fuel preemption of bind continuations', async () => {
  // Each worker's continuation does ~1000 steps of pure work, so fuel (100) runs out mid-way and the
  // other worker gets the CPU: both "start" lines come before either "end" line.
  const r = await run(String.raw`
Main.count = \n -> case prim_eqInt n 0 of { Lune.Prelude.True -> 0; Lune.Prelude.False -> Main.count (prim_subInt n 1) }
Main.worker = \name -> Main.seq (Main.say (prim_appendString "start " name))
  (Main.bind Main.done (\_ -> Main.seq (Main.say (prim_appendString "end " (prim_showInt (Main.count 1000)))) Main.done))
Main.main = Main.bind (prim_spawn (Main.worker "a")) (\a -> Main.bind (prim_spawn (Main.worker "b")) (\b ->
  Main.seq (prim_await a) (prim_await b)))`);
  assert.is(r.stdout, lines('start a', 'start b', 'end 0', 'end 0'));
});

test.run();
