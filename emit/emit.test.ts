// emit/emit.test.ts: which files a module gets (with and without STM), which primitives a file uses, the
// all-or-nothing writer, goBuild's report of a failing build and of a go that cannot start, and goEnv.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as G from '../ir/goast';
import { emitModule, primsUsed, rtNamesUsed } from './module';
import { optionalRuntimeFiles, runtimeFilesFor, topLevelNames } from './runtime-files';
import { writeModule } from './write';
import { goBuild, goEnv } from './build';

const { mk } = G;
const root = mkdtempSync(join(tmpdir(), 'emit-test-'));
const put = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
// A fake runtime and vendor tree, so the file lists below do not depend on the real runtime's contents.
const runtimeDir = join(root, 'runtime');
const vendorDir = join(root, 'vendor');
for (const f of ['values.go', 'values_test.go', 'io.go']) put(join(runtimeDir, f), `package rt // ${f}\n`);
const fakeStm = 'package rt // stm.go\n\nfunc F_prim_atomically(a Value) Value { return a }\n\nvar P__dollar_primSTMBind Value\n';
put(join(runtimeDir, 'stm.go'), fakeStm);
put(join(runtimeDir, 'go.mod'), 'module lune-go/rt\n');
put(join(vendorDir, 'go.mod'), 'module lunegen\n\ngo 1.25\n\nrequire github.com/anacrolix/stm v0.5.0\n');
put(join(vendorDir, 'go.sum'), 'sum\n');
put(join(vendorDir, 'modules.txt'), '# modules\n');
put(join(vendorDir, 'github.com/anacrolix/stm/stm.go'), 'package stm\n');

const callMain = (prim: string) => mk.file('main', ['lunegen/rt'], [
  mk.funcDecl('main', mk.funcType([], []), [mk.exprStmt(mk.call(mk.qual('rt', 'RunMain'), [mk.qual('rt', prim)]))]),
]);

test('a program without STM: plain go.mod, main.go, rt/ without tests and without stm.go (nothing of it named)', () => {
  const files = emitModule(callMain('P_prim_readLine'), { runtimeDir, vendorDir });
  assert.equal([...files.keys()], ['go.mod', 'main.go', 'rt/io.go', 'rt/values.go']);
  assert.is(files.get('go.mod'), 'module lunegen\n\ngo 1.25\n');
  assert.is(files.get('main.go'), 'package main\n\nimport "lunegen/rt"\n\nfunc main() {\n\trt.RunMain(rt.P_prim_readLine)\n}\n');
  assert.is(files.get('rt/io.go'), 'package rt // io.go\n');
});

test('a program using an STM primitive: vendor go.mod and go.sum, rt/stm.go, and vendor/', () => {
  const f = callMain('F_prim_atomically');
  assert.equal(primsUsed(f).map((p) => p.name), ['prim_atomically']);
  const files = emitModule(f, { runtimeDir, vendorDir });
  assert.equal([...files.keys()], ['go.mod', 'main.go', 'rt/io.go', 'rt/stm.go', 'rt/values.go', 'go.sum',
    'vendor/github.com/anacrolix/stm/stm.go', 'vendor/modules.txt']);
  assert.is(files.get('go.mod'), readFileSync(join(vendorDir, 'go.mod'), 'utf8'));
  assert.is(files.get('go.sum'), 'sum\n');
  assert.is(files.get('vendor/modules.txt'), '# modules\n');
  assert.is(files.get('vendor/github.com/anacrolix/stm/stm.go'), 'package stm\n');
  assert.is(files.get('rt/stm.go'), fakeStm);
});

test('primsUsed: rt.P_… and rt.F_… selectors anywhere in the declarations, each primitive once, sorted by name', () => {
  const sel = (pkg: string, name: string) => mk.qual(pkg, name);
  const f = mk.file('main', ['lunegen/rt'], [
    mk.funcDecl('main', mk.funcType([], []), [
      mk.exprStmt(mk.call(sel('rt', 'F_prim_putStrLn'), [mk.call(sel('rt', 'F_prim_showInt'), [sel('rt', 'P_prim_readLine')])])),
      mk.exprStmt(mk.call(sel('rt', 'P_prim_putStrLn'), [])), // the same primitive as a value: listed once
      mk.exprStmt(mk.call(sel('other', 'F_prim_atomically'), [])), // not the runtime package
      mk.exprStmt(mk.call(sel('rt', 'RunMain'), [sel('rt', 'Unit')])), // runtime names that are not primitives
    ]),
  ]);
  assert.equal(primsUsed(f).map((p) => p.name), ['prim_putStrLn', 'prim_readLine', 'prim_showInt']);
  assert.equal(primsUsed(callMain('RunMain')), []);
  assert.equal([...rtNamesUsed(f)].sort(), ['F_prim_putStrLn', 'F_prim_showInt', 'P_prim_putStrLn', 'P_prim_readLine', 'RunMain', 'Unit']);
});

test('STM without a filled vendor/: a clear error naming the fix', () => {
  const empty = join(root, 'vendor-empty');
  put(join(empty, 'go.mod'), 'module lunegen\n');
  assert.throws(() => emitModule(callMain('P__dollar_primSTMBind'), { runtimeDir, vendorDir: empty }),
    (e: Error) => e.message === `this program uses STM, whose Go dependency is not vendored yet: run \`npm run setup\` (fills ${empty})`);
});

test('topLevelNames: functions (generic ones too), single and grouped types, vars and consts, several names a line; not methods, init or _', () => {
  assert.equal([...topLevelNames(`package rt

import "net"

// handleTable is a comment mentioning notAName.
type handleTable[T any] struct{ items map[int64]T }

func (t *handleTable[T]) add(x T) int64 { return 0 }
func strerror(err error) string { return "" }
func keep[T any](x T) T { return x }
func init() {}

var listeners handleTable[net.Listener]
var a, b = 1, 2
const limit = 3
type (
\tconnA struct{}
\tconnB = connA
)
var (
\tP_prim_tcpListen Value
\tx, y int
\t_ = limit
)
const (
\tkA = iota
)

func after() {
\tnotTopLevel := 1
\t_ = notTopLevel
}
var (
\tv1 int
)
func right() {
\tlocalOfRight := 2
}
`)].sort(), ['P_prim_tcpListen', 'a', 'after', 'b', 'connA', 'connB', 'handleTable', 'kA', 'keep', 'limit', 'listeners', 'right', 'strerror', 'v1', 'x', 'y']);
});

test('runtimeFilesFor: core files always; an optional file when main.go names what it defines, and the optional files an included one names (transitively)', () => {
  const sources = new Map([
    ['values.go', 'package rt\n\nfunc RunMain(v Value) {}\n'],
    ['net.go', 'package rt\n\nfunc F_prim_tcpListen(a Value) Value { return ghcErrorKind(a) }\n\nfunc init() {}\n'],
    ['files.go', 'package rt\n\nfunc ghcErrorKind(a Value) Value { return a }\n\nfunc init() {}\n'],
    ['tls.go', 'package rt\n\nfunc F_prim_tlsConnect(a Value) Value { return F_prim_tcpListen(a) }\n'],
    ['json.go', 'package rt\n\nfunc F_prim_jsonParse(a Value) Value { return a }\n'],
  ]);
  const files = (...used: string[]) => [...runtimeFilesFor(sources, new Set(used))].sort();
  assert.equal(files('RunMain'), ['values.go']);
  assert.equal(files('F_prim_jsonParse'), ['json.go', 'values.go']);
  assert.equal(files('F_prim_tcpListen'), ['files.go', 'net.go', 'values.go']);
  assert.equal(files('F_prim_tlsConnect'), ['files.go', 'net.go', 'tls.go', 'values.go']);
  // Optional files naming each other: each is taken once.
  const cycle = new Map([...sources, ['json.go', 'package rt\n\nfunc F_prim_jsonParse(a Value) Value { return jsonHelper(a) }\n'],
    ['time.go', 'package rt\n\nfunc jsonHelper(a Value) Value { return F_prim_jsonParse(a) }\n']]);
  assert.equal([...runtimeFilesFor(cycle, new Set(['F_prim_jsonParse']))].sort(), ['json.go', 'time.go', 'values.go']);
});

test('hello gets none of the optional runtime files (no net, no crypto/tls linked); a TCP server gets net.go and files.go', () => {
  const hello = emitModule(callMain('F_prim_putStrLn'));
  const optional = ['bytes.go', 'database.go', 'files.go', 'json.go', 'net.go', 'process.go', 'stm.go', 'template.go', 'time.go', 'tls.go'];
  assert.equal([...optionalRuntimeFiles].sort(), optional);
  for (const f of optional) assert.not.ok(hello.has(`rt/${f}`), f);
  assert.ok(hello.has('rt/values.go') && hello.has('rt/console.go'));
  const server = emitModule(callMain('F_prim_tcpListen'));
  assert.equal([...optionalRuntimeFiles].filter((f) => server.has(`rt/${f}`)).sort(), ['files.go', 'net.go']);
});

const realRuntime = fileURLToPath(new URL('../runtime', import.meta.url));

test('the real runtime: the core builds on its own, and each optional file builds with the files it pulls in (real Go toolchain)', async () => {
  const sources = new Map(readdirSync(realRuntime).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go') && n !== 'stm.go')
    .map((n) => [n, readFileSync(join(realRuntime, n), 'utf8')] as const));
  const sets = [runtimeFilesFor(sources, new Set())];
  for (const f of optionalRuntimeFiles) if (sources.has(f)) sets.push(runtimeFilesFor(sources, topLevelNames(sources.get(f)!)));
  assert.equal([...sets[0]!].filter((n) => optionalRuntimeFiles.has(n)), []);
  const mainGo = 'package main\n\nimport "lunegen/rt"\n\nfunc main() { rt.RunMain(rt.Unit) }\n';
  // Two builds at a time (two cores); stm.go is left out: it needs the vendored module (the STM tests build it).
  for (let i = 0; i < sets.length; i += 2) {
    const results = await Promise.all(sets.slice(i, i + 2).map((set, j) => {
      const dir = join(root, `subset${i + j}`);
      writeModule(new Map([['go.mod', 'module lunegen\n\ngo 1.25\n'], ['main.go', mainGo], ...[...set].map((n) => [`rt/${n}`, sources.get(n)!] as const)]), dir);
      return goBuild(dir).then((r) => ({ set, r }));
    }));
    for (const { set, r } of results) assert.ok(r.ok, `rt with ${[...set].filter((n) => optionalRuntimeFiles.has(n)).join(', ') || 'the core only'}:\n${r.stderr}`);
  }
});

test('writeModule replaces the output directory as a whole', () => {
  const out = join(root, 'out', 'prog');
  writeModule(new Map([['go.mod', 'a\n'], ['rt/x.go', 'x\n'], ['stale.txt', 's\n']]), out);
  assert.is(readFileSync(join(out, 'rt/x.go'), 'utf8'), 'x\n');
  writeModule(new Map([['go.mod', 'b\n'], ['rt/y.go', 'y\n']]), out);
  assert.equal(readdirSync(out).sort(), ['go.mod', 'rt']);
  assert.equal(readdirSync(join(out, 'rt')), ['y.go']);
  assert.equal(readdirSync(join(root, 'out')), ['prog']); // no temp or old directories left behind
});

test('a failed write leaves the previous output untouched and no temp directory', () => {
  const out = join(root, 'out2', 'prog');
  writeModule(new Map([['main.go', 'old\n']]), out);
  assert.throws(() => writeModule(new Map([['main.go', 'new\n'], ['../escape.go', 'x']]), out),
    (e: Error) => e.message === 'refusing to write outside the module: ../escape.go');
  assert.is(readFileSync(join(out, 'main.go'), 'utf8'), 'old\n');
  assert.equal(readdirSync(join(root, 'out2')), ['prog']);
  assert.not.ok(existsSync(join(root, 'escape.go')));
  for (const bad of ['/tmp/abs.go', 'rt/../../up.go']) {
    assert.throws(() => writeModule(new Map([['main.go', 'new\n'], [bad, 'x']]), out), (e: Error) => e.message === `refusing to write outside the module: ${bad}`);
  }
  assert.ok(writeModule(new Map([['a..b/c..go', 'dots\n']]), out) === undefined); // dots inside a name are fine
  assert.is(readFileSync(join(out, 'a..b/c..go'), 'utf8'), 'dots\n');
});

test('a write failing before any file is written, or into a new directory, throws its own error and leaves nothing', () => {
  const fresh = join(root, 'out3', 'prog');
  assert.throws(() => writeModule(new Map([['/abs.go', 'x']]), fresh), (e: Error) => e.message === 'refusing to write outside the module: /abs.go');
  assert.not.ok(existsSync(fresh));
  assert.equal(readdirSync(join(root, 'out3')), []);
});

test('when the final rename fails, the previous output is put back (an empty module: no directory to rename)', () => {
  const out = join(root, 'out4', 'prog');
  writeModule(new Map([['main.go', 'old\n']]), out);
  assert.throws(() => writeModule(new Map(), out), (e: Error) => (e as NodeJS.ErrnoException).code === 'ENOENT');
  assert.is(readFileSync(join(out, 'main.go'), 'utf8'), 'old\n');
  assert.equal(readdirSync(join(root, 'out4')), ['prog']);
});

test('a leftover of another writer next to the output does not disturb a write', () => {
  const out = join(root, 'out5', 'prog');
  put(join(root, 'out5', '.prog.tmp-'), 'stale'); // a file where an unstamped temporary directory would go
  put(join(root, 'out5', '.prog.old-'), 'stale');
  writeModule(new Map([['main.go', 'new\n']]), out);
  writeModule(new Map([['main.go', 'newer\n']]), out);
  assert.is(readFileSync(join(out, 'main.go'), 'utf8'), 'newer\n');
});

test('goBuild reports a failing build with Go\'s messages', async () => {
  const dir = join(root, 'broken');
  writeModule(new Map([['go.mod', 'module lunegen\n\ngo 1.25\n'], ['main.go', 'package main\n\nfunc main() { undefinedThing() }\n']]), dir);
  const t0 = performance.now();
  const r = await goBuild(dir);
  const elapsed = performance.now() - t0;
  assert.is(r.ok, false);
  assert.match(r.stderr, 'undefined: undefinedThing');
  assert.ok(r.ms > 0 && r.ms <= elapsed, `ms = ${r.ms}, measured around the call: ${elapsed}`);
});

test('goBuild: a go that cannot start (no such directory) is a failed build with one clear line', async () => {
  const t0 = performance.now();
  const r = await goBuild(join(root, 'no-such-dir'));
  const elapsed = performance.now() - t0;
  assert.is(r.ok, false);
  assert.match(r.stderr, /^could not run go: .*ENOENT.*\n$/);
  assert.ok(r.ms >= 0 && r.ms <= elapsed, `ms = ${r.ms}, measured around the call: ${elapsed}`);
});

test('goBuild: what go prints on stdout is reported too', async () => {
  // Go writes its messages to stderr; a fake `go` first on PATH checks that stdout is kept as well (and the flags).
  const bin = join(root, 'fake-go');
  put(join(bin, 'go'), '#!/bin/sh\necho "out: $*"\necho "err" >&2\nexit 3\n');
  chmodSync(join(bin, 'go'), 0o755);
  const saved = process.env.PATH;
  process.env.PATH = `${bin}:${saved ?? ''}`;
  try {
    const r = await goBuild(root);
    assert.is(r.ok, false);
    // Both streams, nothing else (their order depends on which pipe is read first).
    assert.equal(r.stderr.split('\n').sort(), ['', 'err', 'out: build -trimpath -ldflags=-s -w -o program .'], r.stderr);
  } finally {
    process.env.PATH = saved;
  }
});

test('goEnv: offline, vendored, local toolchain, and Go\'s directory on PATH', () => {
  const saved = process.env.PATH;
  try {
    process.env.PATH = '/x/bin';
    const e = goEnv();
    assert.is(e.PATH, '/x/bin:/usr/local/go/bin');
    assert.is(e.GOFLAGS, '-mod=vendor');
    assert.is(e.GOPROXY, 'off');
    assert.is(e.GOTOOLCHAIN, 'local');
    assert.is(e.HOME, process.env.HOME); // the rest of the environment is kept
    delete process.env.PATH;
    assert.is(goEnv().PATH, '/usr/local/go/bin'); // no empty entry (which would mean the current directory)
  } finally {
    process.env.PATH = saved;
  }
});

test.after(() => rmSync(root, { recursive: true, force: true }));
test.run();
