// ir/core/eval/stm.test.ts: STM transactions (PRIMITIVES.md §2.4): commit, orElse rollback (writes and
// allocated ids), the retry quirks, and the fatal unhandled retry.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { program, runSource } from './testing';

const stm = String.raw`
Main.atomically = \s -> prim_atomically s
Main.sbind = \m k -> $primSTMBind m k
Main.spure = \v -> $primSTMPure v
Main.show = \v -> Main.say ($primShowValue v)
`;
const run = (decls: string) => runSource(program(stm + decls));

test('writes commit and later transactions read them; TVar ids count from 0', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (Main.atomically (prim_newTVar 1)) (\t ->
  Main.seq (Main.atomically (Main.sbind (prim_readTVar t) (\v -> prim_writeTVar t (prim_addInt v 41))))
  (Main.bind (Main.atomically (prim_readTVar t)) (\v -> Main.seq (Main.show t) (Main.show v))))`);
  assert.is(r.stdout, '<tvar:0>\n42\n');
});

test('a transaction reads its own writes before committing', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (Main.atomically (Main.sbind (prim_newTVar 1) (\t ->
  Main.sbind (prim_writeTVar t 2) (\_ -> prim_readTVar t)))) Main.show`);
  assert.is(r.stdout, '2\n');
});

test('orElse: a retrying left side is rolled back (writes and allocated ids), then the right runs', async () => {
  const r = await run(String.raw`
Main.left = \t -> Main.sbind (prim_writeTVar t 7) (\_ -> Main.sbind (prim_newTVar 0) (\_ -> prim_retry))
Main.main = Main.bind (Main.atomically (prim_newTVar 0)) (\t ->
  Main.bind (Main.atomically (prim_orElse (Main.left t) (prim_readTVar t))) (\v ->
  Main.bind (Main.atomically (prim_newTVar 0)) (\u -> Main.seq (Main.show v) (Main.show u))))`);
  assert.is(r.stdout, '0\n<tvar:1>\n');
});

test('13_STM_OrElse: left retries on 0, right writes 42', async () => {
  const r = await run(String.raw`
Main.left = \t -> Main.sbind (prim_readTVar t) (\v -> case prim_eqInt v 0 of {
  Lune.Prelude.True -> prim_retry; Lune.Prelude.False -> prim_writeTVar t 100 })
Main.main = Main.bind (Main.atomically (prim_newTVar 0)) (\t ->
  Main.seq (Main.atomically (prim_orElse (Main.left t) (prim_writeTVar t 42)))
  (Main.bind (Main.atomically (prim_readTVar t)) Main.show))`);
  assert.is(r.stdout, '42\n');
});

test('an unhandled retry is fatal (the evaluator never blocks)', async () => {
  const r = await run(String.raw`Main.main = Main.seq (Main.say "before") (Main.atomically prim_retry)`);
  assert.equal([r.exitCode, r.error, r.stdout], [1, 'UnboundVariable "STM retry: no concurrent processes to unblock"', 'before\n']);
});

test('both sides of orElse retrying retries the whole transaction', async () => {
  const r = await run(String.raw`Main.main = Main.atomically (prim_orElse prim_retry prim_retry)`);
  assert.is(r.error, 'UnboundVariable "STM retry: no concurrent processes to unblock"');
});

test('quirk: an error in a bind continuation becomes retry, routing into orElse\'s right side', async () => {
  const r = await run(String.raw`
Main.broken = Main.sbind (Main.spure 1) (\x -> case x of { "never" -> Main.spure 0 })
Main.main = Main.bind (Main.atomically (prim_orElse Main.broken (Main.spure 99))) Main.show`);
  assert.is(r.stdout, '99\n');
  const alone = await run(String.raw`Main.main = Main.atomically Main.broken
Main.broken = Main.sbind (Main.spure 1) (\x -> case x of { "never" -> Main.spure 0 })`);
  assert.is(alone.error, 'UnboundVariable "STM retry: no concurrent processes to unblock"');
});

test('quirk: a continuation returning a non-STM value counts as pure', async () => {
  const r = await run(String.raw`Main.main = Main.bind (Main.atomically (Main.sbind (Main.spure 1) (\x -> prim_addInt x 1))) Main.show`);
  assert.is(r.stdout, '2\n');
});

test('STM arguments are checked when applied: NotAnIO', async () => {
  const r = await run(String.raw`Main.main = Main.atomically 5`);
  assert.is(r.error, 'NotAnIO 5');
  const b = await run(String.raw`Main.main = Main.atomically (Main.sbind 5 Main.spure)`);
  assert.is(b.error, 'NotAnIO 5');
});

test.run();
