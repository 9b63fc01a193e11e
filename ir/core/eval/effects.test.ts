// ir/core/eval/effects.test.ts: the effect primitives with exact results: console input, files (with
// LUNE_SYSTEM_ROOT and GHC-shaped errors), time, processes (§3.16), TCP sockets (§3.14) and TLS (§3.15).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { program, runSource } from './testing';

const helpers = String.raw`
Main.show = \v -> Main.say ($primShowValue v)
Main.cmd = \p as -> { program = p, args = as }
Main.list1 = \a -> Lune.Prelude.Cons a Lune.Prelude.Nil
Main.list2 = \a b -> Lune.Prelude.Cons a (Main.list1 b)
Main.ok = \r -> case r of { Lune.Prelude.Ok v -> v }
Main.text = \r -> case r of {
  Lune.Prelude.Ok (Lune.Prelude.Just b) -> prim_bytesToString b;
  Lune.Prelude.Ok Lune.Prelude.Nothing -> "<eof>" }
`;
const run = (decls: string, opts: Parameters<typeof runSource>[1] = {}) => runSource(program(helpers + decls), opts);
const lines = (...ls: string[]) => ls.map((l) => l + '\n').join('');

test('readLine strips every trailing CR and gives "" at end of input', async () => {
  const r = await run(String.raw`
Main.main = Main.bind prim_readLine (\a -> Main.bind prim_readLine (\b -> Main.seq (Main.show a) (Main.show b)))`,
  { input: ['ab\r\r'] });
  assert.is(r.stdout, lines('"ab"', '""'));
});

test('readInt parses digits only; bad input and EOF are ForeignErrors', async () => {
  const src = String.raw`Main.main = Main.bind prim_readInt (\n -> Main.show (prim_addInt n 1))`;
  assert.is((await run(src, { input: ['41\r'] })).stdout, '42\n');
  assert.is((await run(src, { input: ['-5'] })).error, 'ForeignError "prim_readInt: invalid int"');
  assert.is((await run(src, { input: [] })).error, 'ForeignError "prim_readInt: EOF"');
});

test('files: write then read; GHC-shaped errors; relative paths against EvalIO.cwd', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lune-eval-'));
  const r = await run(String.raw`
Main.main = Main.bind (prim_writeFile "out.txt" "héllo\n") (\w -> Main.seq (Main.show w)
  (Main.bind (prim_readFile "out.txt") (\a -> Main.seq (Main.show a)
  (Main.bind (prim_readFile "missing.txt") (\b -> Main.seq (Main.show b)
  (Main.bind (prim_readFile "/") (\c -> Main.seq (Main.show c)
  (Main.bind (prim_writeFile "no/such/dir.txt" "x") Main.show))))))))`, { cwd: dir });
  assert.is(r.stdout, lines(
    'Ok Unit',
    'Ok "h\\233llo\\n"',
    'Err "missing.txt: openFile: does not exist (No such file or directory)"',
    'Err "/: openFile: inappropriate type (is a directory)"',
    'Err "no/such/dir.txt: openFile: does not exist (No such file or directory)"'));
});

test('files: invalid UTF-8 is an hGetContents error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lune-eval-'));
  writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x61, 0xff, 0x62]));
  const r = await run(String.raw`Main.main = Main.bind (prim_readFile "bad.txt") Main.show`, { cwd: dir });
  assert.is(r.stdout, 'Err "bad.txt: hGetContents: invalid argument (invalid byte sequence)"\n');
});

test('LUNE_SYSTEM_ROOT prefixes /proc and /sys paths (plain prefix test), and errors show the rewritten path', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lune-root-'));
  mkdirSync(join(root, 'proc'));
  writeFileSync(join(root, 'proc', 'stat'), 'cpu 1 2 3\n');
  const r = await run(String.raw`
Main.main = Main.bind (prim_readFile "/proc/stat") (\a -> Main.seq (Main.show a)
  (Main.bind (prim_readFile "/system/none") Main.show))`, { env: { LUNE_SYSTEM_ROOT: root } });
  assert.is(r.stdout, lines('Ok "cpu 1 2 3\\n"', `Err "${root}/system/none: openFile: does not exist (No such file or directory)"`));
});

test('timeNowMicros is wall-clock microseconds', async () => {
  const before = BigInt(Date.now()) * 1000n;
  const r = await run(String.raw`Main.main = Main.bind prim_timeNowMicros Main.show`);
  const t = BigInt(r.stdout.trim());
  assert.ok(t >= before - 1000n && t <= before + 5_000_000n, r.stdout);
});

test('process run: output goes to EvalIO.stdout, any exit code is Ok (Exited n)', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (prim_process_run (Main.cmd "echo" (Main.list1 "hi"))) (\a -> Main.seq (Main.show a)
  (Main.bind (prim_process_run (Main.cmd "sh" (Main.list2 "-c" "exit 3"))) Main.show))`);
  assert.is(r.stdout, lines('hi', 'Ok (Exited 0)', 'Ok (Exited 3)'));
});

test('process spawn: read stdout to end of stream, wait (repeatable), stdin write/close', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (prim_process_spawn (Main.cmd "cat" Lune.Prelude.Nil)) (\r -> Main.bind ($primIOPure (Main.ok r)) (\p ->
  Main.bind (prim_process_stdin_write p (prim_bytesFromString "abc")) (\w -> Main.seq (Main.show w)
  (Main.bind (prim_process_stdin_close p) (\c -> Main.seq (Main.show c)
  (Main.bind (prim_process_stdin_close p) (\c2 -> Main.seq (Main.show c2)
  (Main.bind (prim_process_stdin_write p (prim_bytesFromString "x")) (\w2 -> Main.seq (Main.show w2)
  (Main.bind (prim_process_stdout_read p 0) (\z -> Main.seq (Main.show z)
  (Main.bind (prim_process_stdout_read p 2) (\a -> Main.seq (Main.say (Main.text a))
  (Main.bind (prim_process_stdout_read p 10) (\b -> Main.seq (Main.say (Main.text b))
  (Main.bind (prim_process_stdout_read p 10) (\e -> Main.seq (Main.say (Main.text e))
  (Main.bind (prim_process_wait p) (\x -> Main.seq (Main.show x)
  (Main.bind (prim_process_wait p) Main.show))))))))))))))))))))`);
  assert.is(r.stdout, lines('Ok Unit', 'Ok Unit', 'Ok Unit', 'Err (IoError "stdin is closed")', 'Ok (Just <bytes:0>)',
    'ab', 'c', '<eof>', 'Ok (Exited 0)', 'Ok (Exited 0)'));
});

test('process kill: SigKill gives Exited -9; killing an exited process is Ok Unit', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (prim_process_spawn (Main.cmd "sleep" (Main.list1 "10"))) (\r -> Main.bind ($primIOPure (Main.ok r)) (\p ->
  Main.bind (prim_process_kill p Lune.Process.SigKill) (\k -> Main.seq (Main.show k)
  (Main.bind (prim_process_wait p) (\x -> Main.seq (Main.show x)
  (Main.bind (prim_process_kill p Lune.Process.SigTerm) Main.show))))))`);
  assert.is(r.stdout, lines('Ok Unit', 'Ok (Exited -9)', 'Ok Unit'));
});

test('process environment: clearEnv gives exactly the env pairs; otherwise later pairs win over the parent', async () => {
  const r = await run(String.raw`
Main.env = \clear -> { program = "/usr/bin/env", args = Lune.Prelude.Nil, clearEnv = clear,
  env = Main.list2 (Lune.Prelude.Pair "A" "1") (Lune.Prelude.Pair "A" "2") }
Main.main = Main.bind (prim_process_run (Main.env Lune.Prelude.True)) (\a ->
  Main.bind (prim_process_run { program = "sh", args = Main.list2 "-c" "echo $PARENT", env = Main.list1 (Lune.Prelude.Pair "X" "y") }) (\b ->
  Main.done))`, { env: { PARENT: 'inherited', PATH: process.env['PATH'] } });
  // Node adds NODE_V8_COVERAGE to every child's environment while c8 measures coverage: not ours to report.
  const out = r.stdout.split('\n').filter((l) => !l.startsWith('NODE_V8_COVERAGE=')).join('\n');
  assert.is(out, lines('A=2', 'inherited'));
});

test('process spawn failures: NotFound, and SpawnFailed for each malformed Cmd field', async () => {
  const r = await run(String.raw`
Main.try = \c -> Main.bind (prim_process_run c) Main.show
Main.main = Main.seq (Main.try (Main.cmd "definitely-not-a-program-xyz" Lune.Prelude.Nil))
  (Main.seq (Main.try 5)
  (Main.seq (Main.try { args = Lune.Prelude.Nil })
  (Main.seq (Main.try { program = "echo", args = 3 })
  (Main.seq (Main.try { program = "echo", args = Main.list1 3 })
  (Main.seq (Main.try { program = "echo", cwd = "x" })
  (Main.seq (Main.try { program = "echo", env = Main.list1 "x" })
  (Main.try { program = "echo", clearEnv = 1 })))))))`);
  assert.is(r.stdout, lines(
    'Err (NotFound "definitely-not-a-program-xyz")',
    'Err (SpawnFailed "Cmd: expected record")',
    'Err (SpawnFailed "Cmd.program: expected String")',
    'Err (SpawnFailed "Cmd.args: expected List String")',
    'Err (SpawnFailed "Cmd.args: expected String")',
    'Err (SpawnFailed "Cmd.cwd: expected Maybe String")',
    'Err (SpawnFailed "Cmd.env: expected List (String, String)")',
    'Err (SpawnFailed "Cmd.clearEnv: expected Bool")'));
});

test('sockets: listen, connect, accept, send/recv both ways, close twice', async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const r = await run(String.raw`
Main.port = ${port}
Main.main = Main.bind (prim_tcpListen Main.port) (\l -> Main.bind ($primIOPure (Main.ok l)) (\srv -> Main.seq (Main.show srv)
  (Main.bind (prim_tcpConnect "127.0.0.1" Main.port) (\c -> Main.bind ($primIOPure (Main.ok c)) (\client -> Main.seq (Main.show client)
  (Main.bind (prim_tcpAccept srv) (\a -> Main.bind ($primIOPure (Main.ok a)) (\server -> Main.seq (Main.show server)
  (Main.seq (prim_connSend client "hello")
  (Main.bind (prim_connRecv server) (\m -> Main.seq (Main.show m)
  (Main.seq (prim_connSendBytes server (prim_bytesFromList (Main.list2 1 2)))
  (Main.bind (prim_connRecvBytes client 10) (\b -> Main.seq (Main.show (prim_bytesToList (Main.ok b)))
  (Main.bind (prim_connRecvBytes client -1) (\neg -> Main.seq (Main.show neg)
  (Main.seq (prim_connClose client)
  (Main.bind (prim_connRecv server) (\eof -> Main.seq (Main.show eof)
  (Main.bind (prim_connClose client) (\again -> Main.seq (Main.show again)
  (Main.seq (prim_socketClose srv)
  (Main.bind (prim_socketClose srv) Main.show)))))))))))))))))))))))`);
  assert.is(r.stdout, lines('<socket:0>', '<conn:0>', '<conn:1>', 'Ok "hello"', 'Cons 1 (Cons 2 Nil)',
    'Err "Network.Socket.recvBuf: invalid argument (non-positive length)"', 'Ok ""', 'Err "invalid connection"',
    'Err "invalid socket"'));
});

test('sockets: a refused connection is an Err value, not a crash', async () => {
  const r = await run(String.raw`Main.main = Main.bind (prim_tcpConnect "127.0.0.1" 1) Main.show`);
  assert.is(r.stdout, 'Err "Network.Socket.connect: does not exist (Connection refused)"\n');
});

test('TLS: connection failures are Err values', async () => {
  const r = await run(String.raw`
Main.main = Main.bind (prim_tlsConnect "127.0.0.1" 1) (\x -> case x of {
  Lune.Prelude.Err e -> Main.say "failed"; Lune.Prelude.Ok c -> Main.say "connected" })`);
  assert.equal([r.exitCode, r.stdout], [0, 'failed\n']);
});

test.run();
