// ir/goast/check.test.ts: Go files the checker must reject (exact messages) and ones it must accept; identifiers.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as G from './index';

const { mk } = G;
const id = mk.ident;
const val = mk.qual('rt', 'Value');
const fn = (name: string, body: G.Stmt[], params: string[] = []) =>
  mk.funcDecl(name, mk.funcType(params.map((p) => mk.field(p, val)), [val]), body);
const messages = (...decls: G.Decl[]) => G.check(mk.file('main', ['lunegen/rt'], decls)).map((d) => d.message);

test('a well-formed file: params, closures capturing locals, switch-init names, struct keys, `_ =`', () => {
  const closure = mk.funcLit(mk.funcType([], [val]), [mk.ret([id('x')])]);
  assert.equal(messages(
    mk.varDecl('cache', val, null),
    fn('f', [
      mk.define('x', mk.call(mk.qual('rt', 'Apply'), [id('p'), id('cache')])),
      mk.define('h', closure),
      mk.define('unused', id('p')),
      mk.set('_', id('unused')),
      mk.switch(mk.assign([id('con'), id('_')], ':=', [mk.typeAssert(id('x'), mk.star(mk.qual('rt', 'Con')))]), null, [
        mk.caseClause([mk.binary('!=', id('con'), id('nil'))], [mk.ret([mk.composite(mk.qual('rt', 'TPart'), [mk.kv(id('Hole'), id('h'))])])]),
      ]),
      mk.ret([mk.call(id('len'), [id('p')])]),
    ], ['p']),
    mk.funcDecl('init', mk.funcType([], []), []),
    mk.funcDecl('init', mk.funcType([], []), []),
  ), []);
});

test('undefined names, used before declaration, and out of scope', () => {
  assert.equal(messages(fn('f', [
    mk.define('a', id('b')),
    mk.define('b', id('a')),
    mk.if(null, id('b'), [mk.define('inner', id('a')), mk.set('_', id('inner'))]),
    mk.ret([id('inner')]),
  ])), ['undefined: b (in f)', 'undefined: inner (in f)']);
  assert.equal(messages(fn('g', [mk.ret([mk.qual('fmt', 'Sprint')])])), ['undefined: fmt (in g)']);
});

test('declared and not used: := and var locals; assignment alone is not a use; params are exempt', () => {
  assert.equal(messages(fn('f', [
    mk.define('a', mk.int('1')),
    mk.declStmt(mk.varDecl('r', val, null)),
    mk.set('r', id('a')),
    mk.define('b', mk.funcLit(mk.funcType([], [val]), [mk.define('c', id('p')), mk.ret([id('p')])])),
    mk.ret([id('b')]),
  ], ['p'])), ['declared and not used: c (in f)', 'declared and not used: r (in f)']);
});

test(':= without a new variable, and duplicate top-level names', () => {
  assert.equal(messages(fn('f', [mk.define('a', mk.int('1')), mk.define('a', id('a')), mk.ret([id('a')])])),
    ['no new variables on left side of := (in f)']);
  assert.equal(messages(mk.varDecl('x', val, null), fn('x', [mk.ret([id('x')])]), fn('rt', [mk.ret([id('nil')])])),
    ['duplicate top-level name x', 'duplicate top-level name rt']);
});

test('mangle spells Lune names as Go identifiers', () => {
  assert.is(G.mangle('Main.main'), 'Main_main');
  assert.is(G.mangle('$dictMonad_IO'), '_dollar_dictMonad_IO');
  assert.is(G.mangle('$dictJson.Decode_String'), '_dollar_dictJson_Decode_String');
  assert.is(G.mangle("x'"), 'x_u0027_');
  assert.is(G.mangle('λ'), '_u03BB_');
  assert.is(G.mangle('😀'), '_u1F600_');
  assert.is(G.mangle('1x'), '_1x');
  assert.is(G.mangle(''), '_');
});

test('GoNames: clashes get stable suffixes; keywords, predeclared and reserved names are avoided', () => {
  const n = new G.GoNames(['rt', 'con']);
  assert.equal(['a.b', 'a_b', 'a.b', 'len', 'type', 'rt', 'con', '_', 'a_b_1', 'x'].map((x) => n.fresh(x)),
    ['a_b', 'a_b_1', 'a_b_2', 'len_1', 'type_1', 'rt_1', 'con_1', '__1', 'a_b_1_1', 'x']);
  assert.is(n.fresh('Main.f', { prefix: 'fn_', debug: true }), 'fn_Main_f');
  assert.equal([...n.debugMap()], [['fn_Main_f', 'Main.f']]);
});

test.run();
