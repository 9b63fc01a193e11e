// emit/emit.test.ts: which files a module gets (with and without STM), the all-or-nothing writer, and goBuild's
// report of a failing build.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as G from '../ir/goast';
import { emitModule, primsUsed, usesStm } from './module';
import { writeModule } from './write';
import { goBuild } from './build';

const { mk } = G;
const root = mkdtempSync(join(tmpdir(), 'emit-test-'));
const put = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
// A fake runtime and vendor tree, so the file lists below do not depend on the real runtime's contents.
const runtimeDir = join(root, 'runtime');
const vendorDir = join(root, 'vendor');
for (const f of ['values.go', 'values_test.go', 'stm.go', 'io.go']) put(join(runtimeDir, f), `package rt // ${f}\n`);
put(join(runtimeDir, 'go.mod'), 'module lune-go/rt\n');
put(join(vendorDir, 'go.mod'), 'module lunegen\n\ngo 1.25\n\nrequire github.com/anacrolix/stm v0.5.0\n');
put(join(vendorDir, 'go.sum'), 'sum\n');
put(join(vendorDir, 'modules.txt'), '# modules\n');
put(join(vendorDir, 'github.com/anacrolix/stm/stm.go'), 'package stm\n');

const callMain = (prim: string) => mk.file('main', ['lunegen/rt'], [
  mk.funcDecl('main', mk.funcType([], []), [mk.exprStmt(mk.call(mk.qual('rt', 'RunMain'), [mk.qual('rt', prim)]))]),
]);

test('a program without STM: plain go.mod, main.go, rt/ without tests and without stm.go', () => {
  const files = emitModule(callMain('P_prim_readLine'), { runtimeDir, vendorDir });
  assert.equal([...files.keys()], ['go.mod', 'main.go', 'rt/io.go', 'rt/values.go']);
  assert.is(files.get('go.mod'), 'module lunegen\n\ngo 1.25\n');
  assert.is(files.get('main.go'), 'package main\n\nimport "lunegen/rt"\n\nfunc main() {\n\trt.RunMain(rt.P_prim_readLine)\n}\n');
  assert.is(files.get('rt/io.go'), 'package rt // io.go\n');
});

test('a program using an STM primitive: vendor go.mod and go.sum, rt/stm.go, and vendor/', () => {
  const f = callMain('F_prim_atomically');
  assert.equal(primsUsed(f).map((p) => p.name), ['prim_atomically']);
  assert.ok(usesStm(f));
  const files = emitModule(f, { runtimeDir, vendorDir });
  assert.equal([...files.keys()], ['go.mod', 'main.go', 'rt/io.go', 'rt/stm.go', 'rt/values.go', 'go.sum',
    'vendor/github.com/anacrolix/stm/stm.go', 'vendor/modules.txt']);
  assert.is(files.get('go.mod'), readFileSync(join(vendorDir, 'go.mod'), 'utf8'));
});

test('STM without a filled vendor/: a clear error naming the fix', () => {
  const empty = join(root, 'vendor-empty');
  put(join(empty, 'go.mod'), 'module lunegen\n');
  assert.throws(() => emitModule(callMain('P__dollar_primSTMBind'), { runtimeDir, vendorDir: empty }),
    (e: Error) => e.message === `this program uses STM, whose Go dependency is not vendored yet: run \`npm run setup\` (fills ${empty})`);
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
});

test('goBuild reports a failing build with Go\'s messages', async () => {
  const dir = join(root, 'broken');
  writeModule(new Map([['go.mod', 'module lunegen\n\ngo 1.25\n'], ['main.go', 'package main\n\nfunc main() { undefinedThing() }\n']]), dir);
  const r = await goBuild(dir);
  assert.is(r.ok, false);
  assert.match(r.stderr, 'undefined: undefinedThing');
  assert.ok(r.ms > 0);
});

test.after(() => rmSync(root, { recursive: true, force: true }));
test.run();
