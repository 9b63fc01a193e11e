// passes/to-goast/samples.ts: hand-written ANF programs with their expected behaviour as a Go binary
// (stdout, stderr, exit code). Test support for to-goast and the emitter; each covers one part of the mapping.
import * as Anf from '../../ir/anf/anf';

const { mk } = Anf;
export const L = (n: string): Anf.Var => mk.var(n, 'local');
export const Gl = (n: string): Anf.Var => mk.var(n, 'global');
export const P = (n: string): Anf.Var => mk.var(n, 'prim');
export const C = (n: string): Anf.Var => mk.var(n, 'con');
export const int = (n: bigint | number): Anf.Lit => mk.lit({ kind: 'int', value: BigInt(n) });
export const str = (s: string): Anf.Lit => mk.lit({ kind: 'string', value: s });
export const flt = (x: number): Anf.Lit => mk.lit({ kind: 'float', value: x });
export const chr = (c: number): Anf.Lit => mk.lit({ kind: 'char', value: c });
export const app = (fn: Anf.Atom, ...args: Anf.Atom[]): Anf.App => mk.app(fn, args);
/** `let x1 = c1 in … in last` */
export const lets = (binds: readonly (readonly [string, Anf.Comp])[], last: Anf.Comp | Anf.Expr): Anf.Expr =>
  binds.reduceRight<Anf.Expr>((body, [x, c]) => mk.let(x, c, body), last.tag === 'Let' || last.tag === 'Ret' ? last : mk.ret(last));
export const fun = (name: string, params: readonly string[], body: Anf.Expr): Anf.Decl => mk.decl(name, mk.ret(mk.lam(params, body, name)));
export const val = (name: string, body: Anf.Expr): Anf.Decl => mk.decl(name, body);

/** `Main.main` printing each string atom on its own line (binds names `out_i`, `io_i`, `seq_i`). */
export function printLines(binds: readonly (readonly [string, Anf.Comp])[], lines: readonly Anf.Atom[]): Anf.Decl {
  const all: (readonly [string, Anf.Comp])[] = [...binds];
  lines.forEach((a, i) => all.push([`io_${i}`, app(P('prim_putStrLn'), a)]));
  let acc = 'io_0';
  for (let i = 1; i < lines.length; i++) {
    all.push([`seq_${i}`, app(P('$primIOThen'), L(acc), L(`io_${i}`))]);
    acc = `seq_${i}`;
  }
  return val('Main.main', lets(all, L(acc)));
}

export interface Sample {
  readonly name: string;
  readonly module: Anf.Module;
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}
const sample = (name: string, decls: readonly Anf.Decl[], stdout: string, stderr = '', exit = stderr === '' ? 0 : 1): Sample =>
  ({ name, module: mk.module('Main', decls, 'Main.main'), stdout, stderr, exit });

const nil = C('Lune.Prelude.Nil');
const sw = (x: Anf.Atom, arms: readonly Anf.Arm[], dflt: Anf.Expr | null = null): Anf.Switch => mk.switch(x, arms, dflt);

/** `Main.length`: recursion through a direct call, a constructor switch with an unused binder. */
export const lengthDecl = fun('Main.length', ['xs'], mk.ret(sw(L('xs'), [
  mk.conArm('Lune.Prelude.Nil', [], mk.ret(int(0))),
  mk.conArm('Lune.Prelude.Cons', ['hd', 't'], lets([['n', app(Gl('Main.length'), L('t'))]], app(P('prim_addInt'), int(1), L('n')))),
])));

export const samples: readonly Sample[] = [
  sample('lists and recursion', [
    lengthDecl,
    val('Main.list', lets([['l1', app(C('Lune.Prelude.Cons'), str('b'), nil)]], app(C('Lune.Prelude.Cons'), str('a'), L('l1')))),
    printLines([['len', app(Gl('Main.length'), Gl('Main.list'))], ['s', app(P('prim_showInt'), L('len'))]], [L('s')]),
  ], '2\n'),

  sample('partial application, over-application, function values, recursion through a value', [
    fun('Main.add', ['a', 'b'], mk.ret(app(P('prim_addInt'), L('a'), L('b')))),
    val('Main.inc', mk.ret(app(Gl('Main.add'), int(1)))),
    fun('Main.k', ['kx'], mk.ret(mk.lam(['ky'], mk.ret(L('kx')), 'Main.k'))),
    fun('Main.twice', ['g', 'x'], lets([['t1', app(L('g'), L('x'))]], app(L('g'), L('t1')))),
    fun('Main.apply', ['af', 'ax'], mk.ret(app(L('af'), L('ax')))),
    fun('Main.loop', ['n'], lets([['z', app(P('prim_leInt'), L('n'), int(0))]], sw(L('z'), [
      mk.conArm('Lune.Prelude.True', [], mk.ret(str('done'))),
      mk.conArm('Lune.Prelude.False', [], lets([['m', app(P('prim_subInt'), L('n'), int(1))]], app(Gl('Main.apply'), Gl('Main.loop'), L('m')))),
    ]))),
    printLines([
      ['r1', app(Gl('Main.inc'), int(41))], ['s1', app(P('prim_showInt'), L('r1'))],
      ['r2', app(Gl('Main.k'), int(7), int(8))], ['s2', app(P('prim_showInt'), L('r2'))],
      ['s3', app(Gl('Main.loop'), int(3))],
      ['r4', app(Gl('Main.twice'), Gl('Main.inc'), int(1))], ['s4', app(P('prim_showInt'), L('r4'))],
      ['addp', app(P('prim_addInt'), int(10))], ['r5', app(L('addp'), int(5))], ['s5', app(P('prim_showInt'), L('r5'))],
    ], [L('s1'), L('s2'), L('s3'), L('s4'), L('s5')]),
  ], '42\n7\ndone\n3\n15\n'),

  sample('literals: floats incl. NaN/±Inf/-0, ints past int64, chars, strings with escapes', [
    printLines([
      ...[NaN, Infinity, -Infinity, -0, 0.1, 1e21, 5e-324, -2.5].map((x, i) => [`f${i}`, app(P('prim_showFloat'), flt(x))] as const),
      ['i0', app(P('prim_showInt'), int(-(2n ** 63n)))],
      ['i1', app(P('prim_showInt'), int(2n ** 63n))],
      ['i2', app(P('prim_showInt'), int(-(2n ** 63n) - 1n))],
      ['c0', app(P('prim_charToInt'), chr(955))], ['c1', app(P('prim_showInt'), L('c0'))],
    ], [...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => L(`f${i}`)), L('i0'), L('i1'), L('i2'), L('c1'), str('tab\there "q" \\ λ 😀')]),
  ], 'NaN\nInfinity\n-Infinity\n-0.0\n0.1\n1.0e21\n5.0e-324\n-2.5\n-9223372036854775808\n9223372036854775808\n-9223372036854775809\n955\ntab\there "q" \\ λ 😀\n'),

  sample('records, selection and templates with holes', [
    printLines([
      ['rec', mk.record([{ label: 'b', value: int(2) }, { label: 'a', value: str('x') }, { label: 'b', value: int(3) }])],
      ['ra', mk.select(L('rec'), 'a')], ['rb', mk.select(L('rec'), 'b')], ['sb', app(P('prim_showInt'), L('rb'))],
      ['tpl', mk.template(false, [{ tag: 'Text', text: 'a=' }, { tag: 'Hole', body: mk.ret(app(P('prim_templateText'), L('ra'))) },
        { tag: 'Text', text: ' b=' }, { tag: 'Hole', body: lets([['hb', mk.select(L('rec'), 'b')], ['hs', app(P('prim_showInt'), L('hb'))]], app(P('prim_templateText'), L('hs'))) }])],
      ['out1', app(P('prim_templateRender'), L('tpl'))],
      ['blk', mk.template(true, [{ tag: 'Text', text: 'line1\nline2' }])],
      ['out2', app(P('prim_templateRender'), L('blk'))],
    ], [L('ra'), L('sb'), L('out1'), L('out2')]),
  ], 'x\n3\na=x b=3\nline1\nline2\n'),

  sample('switches: strings, no default, unused results, no arms, unused binders', [
    fun('Main.classify', ['w'], mk.ret(sw(L('w'), [mk.stringArm('a', mk.ret(str('letter a'))), mk.stringArm('', mk.ret(str('empty')))],
      mk.ret(str('other'))))),
    printLines([
      ['c1', app(Gl('Main.classify'), str('a'))], ['c2', app(Gl('Main.classify'), str(''))], ['c3', app(Gl('Main.classify'), int(5))],
      ['ignored', sw(str('zz'), [mk.stringArm('zz', mk.ret(int(1)))])],
      ['noarms', sw(L('c1'), [], mk.ret(str('no arms')))],
      ['pair', app(C('Lune.Prelude.Pair'), int(1), str('second'))],
      ['snd', sw(L('pair'), [mk.conArm('Lune.Prelude.Pair', [null, 'p2'], mk.ret(L('p2')))])],
      ['nested', sw(L('pair'), [mk.conArm('Lune.Prelude.Pair', ['p1x', 'p2x'], mk.ret(sw(L('p2x'), [mk.stringArm('second', mk.ret(str('nested ok')))])))])],
    ], [L('c1'), L('c2'), L('c3'), L('noarms'), L('snd'), L('nested')]),
  ], 'letter a\nempty\nother\nno arms\nsecond\nnested ok\n'),

  sample('Go keywords, predeclared and synthetic names as Lune names', [
    fun('Main.a_b', ['len'], mk.ret(app(P('prim_appendString'), L('len'), str('!')))),
    fun('Main.a.b', ['rt'], mk.ret(app(P('prim_appendString'), L('rt'), str('?')))),
    fun('Main.type', ['con', 'args'], mk.ret(app(P('prim_appendString'), L('con'), L('args')))),
    printLines([['x.y', app(Gl('Main.a_b'), str('one'))], ['a$b', app(Gl('Main.a.b'), str('two'))], ['nil', app(Gl('Main.type'), str('th'), str('ree'))]],
      [L('x.y'), L('a$b'), L('nil')]),
  ], 'one!\ntwo?\nthree\n'),

  sample('a top-level value that would fail is never computed when unused', [
    val('Main.bad', mk.ret(app(P('prim_divInt'), int(1), int(0)))),
    printLines([], [str('fine')]),
  ], 'fine\n'),

  sample('an unused let is still evaluated (strict): divide by zero', [
    printLines([['u', app(P('prim_divInt'), int(1), int(0))]], [str('unreachable')]),
  ], '', 'error: divide by zero\n'),

  sample('a switch without default crashes with NonExhaustiveCase', [
    fun('Main.f', ['mx'], mk.ret(sw(L('mx'), [mk.conArm('Lune.Prelude.Nothing', [], mk.ret(str('none')))]))),
    printLines([['j', app(C('Lune.Prelude.Just'), int(3))], ['r', app(Gl('Main.f'), L('j'))]], [L('r')]),
  ], '', 'error: NonExhaustiveCase Just 3\n'),

  sample('Fail: PatternMatchFailure', [
    fun('Main.g', ['pv'], mk.ret(sw(L('pv'), [mk.conArm('Lune.Prelude.Just', ['jx'], mk.ret(L('jx')))],
      mk.ret(mk.fail('PatternMatchFailure', L('pv'), '(Just x)', 'Main.g'))))),
    printLines([['jj', app(C('Lune.Prelude.Just'), str('ok'))], ['ok1', app(Gl('Main.g'), L('jj'))], ['io_ok', app(P('prim_putStrLn'), L('ok1'))],
      ['r', app(Gl('Main.g'), C('Lune.Prelude.Nothing'))]], [L('r')]),
  ], '', 'error: PatternMatchFailure (Just x) Nothing\n'),

  sample('selects by shape: an owned label is read by index; a record of another shape (built by the runtime) is searched', [
    printLines([
      ['pq', mk.record([{ label: 'q', value: int(2) }, { label: 'p', value: int(1) }])],
      ['xq', mk.record([{ label: '\u{1D465}', value: int(7) }, { label: 'q', value: int(3) }])],
      ['q1', mk.select(L('pq'), 'q')], ['q2', mk.select(L('xq'), 'q')], ['p1', mk.select(L('pq'), 'p')],
      ['s1', app(P('prim_showInt'), L('q1'))], ['s2', app(P('prim_showInt'), L('q2'))], ['s3', app(P('prim_showInt'), L('p1'))],
    ], [L('s1'), L('s2'), L('s3')]),
  ], '2\n3\n1\n'),

  sample('constructor tails (a loop filling each cell\'s slot): a worker building a list, a hole in the first slot, a crash midway', [
    lengthDecl,
    fun('Main.upto', ['ui', 'un'], lets([['ule', app(P('prim_leInt'), L('ui'), L('un'))]], sw(L('ule'), [
      mk.conArm('Lune.Prelude.True', [], lets([['unext', app(P('prim_addInt'), L('ui'), int(1))], ['urest', app(Gl('Main.upto'), L('unext'), L('un'))]],
        app(C('Lune.Prelude.Cons'), L('ui'), L('urest')))),
      mk.conArm('Lune.Prelude.False', [], mk.ret(nil)),
    ]))),
    fun('Main.nest', ['nxs'], mk.ret(sw(L('nxs'), [
      mk.conArm('Lune.Prelude.Nil', [], mk.ret(C('Main.Leaf'))),
      mk.conArm('Lune.Prelude.Cons', ['nh', 'nt'], lets([['nr', app(Gl('Main.nest'), L('nt'))]], app(C('Main.Node'), L('nr'), L('nh'), str('x')))),
    ]))),
    fun('Main.divs', ['dxs'], mk.ret(sw(L('dxs'), [
      mk.conArm('Lune.Prelude.Nil', [], mk.ret(nil)),
      mk.conArm('Lune.Prelude.Cons', ['dh', 'dt'], lets([['dq', app(P('prim_divInt'), int(10), L('dh'))], ['dr', app(Gl('Main.divs'), L('dt'))]],
        app(C('Lune.Prelude.Cons'), L('dq'), L('dr')))),
    ]))),
    printLines([
      ['big', app(Gl('Main.upto'), int(1), int(200000))], ['nbig', app(Gl('Main.length'), L('big'))], ['s1', app(P('prim_showInt'), L('nbig'))],
      ['small', app(Gl('Main.upto'), int(1), int(3))], ['tree', app(Gl('Main.nest'), L('small'))], ['s2', app(P('$primShowValue'), L('tree'))],
      ['ds', app(Gl('Main.divs'), L('small'))], ['s3', app(P('$primShowValue'), L('ds'))],
    ], [L('s1'), L('s2'), L('s3')]),
  ], '200000\nNode (Node (Node Leaf 3 "x") 2 "x") 1 "x"\nCons 10 (Cons 5 (Cons 3 Nil))\n'),

  sample('a constructor tail failing midway: the error, no partial result', [
    fun('Main.divs', ['dxs'], mk.ret(sw(L('dxs'), [
      mk.conArm('Lune.Prelude.Nil', [], mk.ret(nil)),
      mk.conArm('Lune.Prelude.Cons', ['dh', 'dt'], lets([['dq', app(P('prim_divInt'), int(10), L('dh'))], ['dr', app(Gl('Main.divs'), L('dt'))]],
        app(C('Lune.Prelude.Cons'), L('dq'), L('dr')))),
    ]))),
    printLines([
      ['zs', app(C('Lune.Prelude.Cons'), int(0), nil)], ['bad', app(C('Lune.Prelude.Cons'), int(5), L('zs'))],
      ['dbad', app(Gl('Main.divs'), L('bad'))], ['s4', app(P('$primShowValue'), L('dbad'))],
    ], [L('s4')]),
  ], '', 'error: divide by zero\n'),

  sample('selecting a missing field: MissingField', [
    printLines([['rr', mk.record([{ label: 'a', value: int(1) }])], ['z', mk.select(L('rr'), 'z')]], [str('unreachable')]),
  ], '', 'error: MissingField "z"\n'),

  sample('STM primitives (the vendored anacrolix/stm)', [
    val('Main.tx', lets([
      ['tv', app(P('prim_newTVar'), int(41))],
      ['k1', mk.lam(['tvar'], lets([['w', app(P('prim_writeTVar'), L('tvar'), int(42))],
        ['k2', mk.lam(['_u'], mk.ret(app(P('prim_readTVar'), L('tvar'))), '')]], app(P('$primSTMBind'), L('w'), L('k2'))), '')],
    ], app(P('$primSTMBind'), L('tv'), L('k1')))),
    val('Main.main', lets([
      ['act', app(P('prim_atomically'), Gl('Main.tx'))],
      ['k', mk.lam(['n'], lets([['sn', app(P('prim_showInt'), L('n'))]], app(P('prim_putStrLn'), L('sn'))), 'Main.main')],
    ], app(P('$primIOBind'), L('act'), L('k')))),
  ], '42\n'),
];

/**
 * All samples in one module, so one `go build` serves them all: sample i's globals get the prefix `S<i>.`, its
 * locals the suffix `_s<i>`, and `Main.main` reads a line from stdin and runs the main of the sample it names.
 */
export function mergeSamples(ss: readonly Sample[]): Anf.Module {
  const decls: Anf.Decl[] = [];
  const arms: Anf.Arm[] = [];
  ss.forEach((s, i) => {
    const g = (n: string) => `S${i}.${n}`;
    const l = (n: string) => `${n}_s${i}`;
    for (const d of s.module.decls) decls.push(mk.decl(g(d.name), renameExpr(d.body, g, l), d.span));
    arms.push(mk.stringArm(String(i), mk.ret(Gl(g(s.module.main)))));
  });
  const pick = mk.lam(['which'], mk.ret(mk.switch(L('which'), arms, null)), 'Main.main');
  decls.push(val('Main.main', lets([['pick', pick]], app(P('$primIOBind'), P('prim_readLine'), L('pick')))));
  return mk.module('Main', decls, 'Main.main');
}

type Ren = (n: string) => string;
function renameExpr(e: Anf.Expr, g: Ren, l: Ren): Anf.Expr {
  return e.tag === 'Let'
    ? mk.let(l(e.name), renameComp(e.rhs, g, l), renameExpr(e.body, g, l), e.span)
    : mk.ret(renameComp(e.value, g, l), e.span);
}
function renameAtom(a: Anf.Atom, g: Ren, l: Ren): Anf.Atom {
  if (a.tag === 'Lit') return a;
  return a.scope === 'global' ? mk.var(g(a.name), 'global', a.span) : a.scope === 'local' ? mk.var(l(a.name), 'local', a.span) : a;
}
function renameComp(c: Anf.Comp, g: Ren, l: Ren): Anf.Comp {
  const at = (a: Anf.Atom) => renameAtom(a, g, l);
  const ex = (e: Anf.Expr) => renameExpr(e, g, l);
  switch (c.tag) {
    case 'Var': case 'Lit': return at(c);
    case 'App': return mk.app(at(c.fn), c.args.map(at), c.span);
    case 'Lam': return mk.lam(c.params.map(l), ex(c.body), c.name, c.span);
    case 'Record': return mk.record(c.fields.map((f) => ({ label: f.label, value: at(f.value) })), c.span);
    case 'Select': return mk.select(at(c.record), c.label, c.span);
    case 'Template': return mk.template(c.block, c.parts.map((p) => (p.tag === 'Hole' ? { tag: 'Hole', body: ex(p.body) } : p)), c.span);
    case 'Switch': return mk.switch(at(c.scrutinee), c.arms.map((a) => (a.tag === 'ConArm'
      ? mk.conArm(a.con, a.binders.map((b) => (b === null ? null : l(b))), ex(a.body))
      : mk.stringArm(a.value, ex(a.body)))), c.default === null ? null : ex(c.default), c.span);
    case 'Fail': return mk.fail(c.kind, at(c.scrutinee), c.pattern, c.where, c.span);
  }
}
