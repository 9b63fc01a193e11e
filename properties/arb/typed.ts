// properties/arb/typed.ts: a fast-check generator of well-typed, terminating Core programs.
// A program is decoded from a sequence of natural numbers (a "choice sequence"): fast-check shrinks the
// sequence (shorter, smaller numbers) and the decoder turns every sequence into a valid program, so
// shrinking always yields a smaller valid program. Type first, then a term of that type. Locals are sometimes
// drawn from a small pool (x, y, len, args, …), so inner binders shadow outer ones and clash with Go's names; crashes (no matching alternative, a
// failed lambda pattern, division by zero, a hole that fails when rendered) are rare on purpose.
import fc from 'fast-check';
import * as Core from '../../ir/core/core';
import { print } from '../../ir/core/print';

const { mk } = Core;

/** The types the generator knows. Each has productions below. */
export type Ty = 'Int' | 'Bool' | 'String' | 'Float' | 'Shape' | 'IntList' | 'Rec' | 'IntFn' | 'Dict' | 'Char' | 'Tmpl' | 'Pt';
const allTys: readonly Ty[] = ['Int', 'Bool', 'String', 'Float', 'Shape', 'IntList', 'Rec', 'IntFn', 'Dict', 'Char', 'Tmpl', 'Pt'];

interface Binding { readonly name: string; readonly ty: Ty }

/** env plus `bs`, each hiding an earlier binding of the same name (shadowing). */
const extend = (env: readonly Binding[], ...bs: Binding[]): Binding[] =>
  [...env.filter((e) => !bs.some((b) => b.name === e.name)), ...bs];

/** Reads choices; past the end it always answers 0, which every production maps to a leaf. */
class Choices {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  next(n: number): number {
    if (n <= 1) return 0;
    const x = this.xs[this.i++];
    return x === undefined ? 0 : x % n;
  }
}

const P = (name: string) => mk.var(name);
const app = (f: string | Core.Expr, ...args: Core.Expr[]): Core.Expr => mk.apps(typeof f === 'string' ? P(f) : f, args);
const con = (name: string, ...args: Core.Expr[]): Core.Expr => app(`Lune.Prelude.${name}`, ...args);
const pcon = (name: string, ...args: Core.Pattern[]) => mk.pcon(name.includes('.') ? name : `Lune.Prelude.${name}`, args);
const int = (n: number | bigint) => mk.int(BigInt(n));

/** Awkward but printable strings: escapes, non-ASCII, digits after non-ASCII (Haskell's `\&`). */
const strings = ['', 'a', 'b', 'hello', 'λ1', 'tab\there', 'line\nbreak', 'quote"s', 'back\\slash', '€uro', '😀', ' '];
const bigInts = [0n, 1n, 2n, 7n, 42n, 255n, 2n ** 31n, 2n ** 62n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n + 5n, 10n ** 20n];
const floats = [0, 0.5, 1.5, 0.1, 2.5, 100, 1e7, 0.01, 1e-3, 123456.789, 3.14];
/** Code points: ASCII, quote and backslash, a newline, non-ASCII, outside the BMP. */
const chars = [97, 65, 48, 39, 92, 10, 955, 8364, 128512, 32];
/**
 * Binder names shared between scopes, so inner binders shadow outer ones. Some are Go predeclared names or
 * identifiers the generated Go uses itself (`args`, `result`, `con`), which the Go emitter must rename, and
 * some are the passes' own temporaries (`_t`, `_s`, `_w`, …), which the passes must keep apart from them.
 */
const pool = ['x', 'y', 'len', 'args', 'result', 'con', 'string', 'rt', 'ok', '_t', '_t_1', '_s', '_w', '_p', '_j', '_u', '_f'];
const toTemplate = (dict: string, e: Core.Expr) => app(mk.select(P(`$dictToTemplate_${dict}`), 'toTemplate'), e);

/** Declarations every generated program may use: recursion over lists, ADTs, dictionaries, records of Ints. */
function library(): Core.Decl[] {
  const xs = P('xs'), x = P('x'), rest = P('rest'), f = P('f'), d = P('d');
  const listCase = (scrut: Core.Expr, nilBody: Core.Expr, consBody: Core.Expr) =>
    mk.case(scrut, [mk.alt(pcon('Nil'), nilBody), mk.alt(pcon('Cons', mk.pvar('x'), mk.pvar('rest')), consBody)]);
  return [
    mk.decl('Main.sumList', mk.lam([mk.pvar('xs')], listCase(xs, int(0), app('prim_addInt', x, app('Main.sumList', rest))))),
    mk.decl('Main.mapList', mk.lam([mk.pvar('f'), mk.pvar('xs')],
      listCase(xs, con('Nil'), con('Cons', app(f, x), app('Main.mapList', f, rest))))),
    mk.decl('Main.range', mk.lam([mk.pvar('n')], mk.case(app('prim_leInt', P('n'), int(0)), [
      mk.alt(pcon('True'), con('Nil')),
      mk.alt(pcon('False'), con('Cons', P('n'), app('Main.range', app('prim_subInt', P('n'), int(1))))),
    ]))),
    mk.decl('Main.showBool', mk.lam([mk.pvar('b')], mk.case(P('b'), [
      mk.alt(pcon('True'), mk.str('True')), mk.alt(pcon('False'), mk.str('False'))]))),
    mk.decl('Main.area', mk.lam([mk.pvar('s')], mk.case(P('s'), [
      mk.alt(pcon('Main.Circle', mk.pvar('r')), app('prim_mulInt', P('r'), P('r'))),
      mk.alt(pcon('Main.Rect', mk.pvar('w'), mk.pvar('h')), app('prim_mulInt', P('w'), P('h'))),
      mk.alt(pcon('Main.Dot'), int(0)),
    ]))),
    mk.decl('$dictMonoid_Sum', mk.record([{ label: 'combine', value: P('prim_addInt') }, { label: 'empty', value: int(0) }])),
    mk.decl('$dictMonoid_Product', mk.record([{ label: 'combine', value: P('prim_mulInt') }, { label: 'empty', value: int(1) }])),
    mk.decl('Main.foldMap', mk.lam([mk.pvar('d'), mk.pvar('f'), mk.pvar('xs')], listCase(xs, mk.select(d, 'empty'),
      app(mk.select(d, 'combine'), app(f, x), app('Main.foldMap', d, f, rest))))),
    mk.decl('Main.showList', mk.lam([mk.pvar('xs')], listCase(xs, mk.str(']'),
      app('prim_appendString', app('prim_showInt', x), app('prim_appendString', mk.str(','), app('Main.showList', rest)))))),
    // Locals named like Go's predeclared identifiers and the names generated Go uses itself.
    mk.decl('Main.goNames', mk.lam([mk.pvar('rt'), mk.pvar('len')], mk.lam([mk.pvar('args')],
      mk.let('result', app('prim_addInt', P('rt'), P('len')), mk.let('con', app('prim_mulInt', P('result'), P('args')),
        mk.let('string', app('prim_subInt', P('con'), P('rt')), app('prim_addInt', P('string'), P('args')))))))),
    // Records of Ints ({x, y}: unboxed IntRecords in Go) read, built and updated by functions that get unboxed
    // workers (an Int parameter, an Int result).
    mk.decl('Main.movePt', mk.lam([mk.pvar('p'), mk.pvar('d')], mk.let('$r', P('p'), mk.record([
      { label: 'y', value: app('prim_mulInt', mk.select(P('$r'), 'y'), int(2)) },
      { label: 'x', value: app('prim_addInt', mk.select(P('p'), 'x'), P('d')) }])))),
    mk.decl('Main.normPt', mk.lam([mk.pvar('p')], app('prim_addInt', mk.select(P('p'), 'x'), mk.select(P('p'), 'y')))),
    // List functions in the prelude's shapes (Lune.String.listLength, Lune.List.reverseHelper, …), whose calls
    // passes/fuse-lists.ts turns into runtime loops; applied to Int lists and to strings' characters.
    mk.decl('Main.listLength', mk.lam([mk.pvar('xs')], mk.case(xs, [mk.alt(pcon('Nil'), int(0)),
      mk.alt(pcon('Cons', mk.pwild(), mk.pvar('rest')), app('prim_addInt', int(1), app('Main.listLength', rest)))]))),
    mk.decl('Main.lengthOnto', mk.lam([mk.pvar('xs'), mk.pvar('n')], listCase(xs, P('n'),
      app('Main.lengthOnto', rest, app('prim_addInt', P('n'), int(1)))))),
    mk.decl('Main.appendList', mk.lam([mk.pvar('xs'), mk.pvar('ys')], listCase(xs, P('ys'),
      con('Cons', x, app('Main.appendList', rest, P('ys')))))),
    mk.decl('Main.revOnto', mk.lam([mk.pvar('xs'), mk.pvar('acc')], listCase(xs, P('acc'),
      app('Main.revOnto', rest, con('Cons', x, P('acc')))))),
    mk.decl('Main.reverse', mk.lam([mk.pvar('xs')], app('Main.revOnto', xs, con('Nil')))),
    // Loops building their result through tail contexts (passes/to-goast/contexts.ts): the strings benchmark's
    // words (a switch whose arm is a cell around the recursive call, after a string's characters), a chain of
    // two cells, and a switch nested in a switch's arm after an append of a short proper list.
    mk.decl('Main.words', mk.lam([mk.pvar('i'), mk.pvar('n')], mk.case(app('prim_eqInt', P('i'), P('n')), [
      mk.alt(pcon('True'), con('Nil')),
      mk.alt(pcon('False'), mk.let('more', mk.case(app('prim_eqInt', app('prim_addInt', P('i'), int(1)), P('n')), [
        mk.alt(pcon('True'), con('Nil')),
        mk.alt(pcon('False'), con('Cons', mk.char(44), app('Main.words', app('prim_addInt', P('i'), int(1)), P('n')))),
      ]), app('Main.appendList', app('prim_stringToChars', app('prim_showInt', P('i'))), P('more')))),
    ]))),
    mk.decl('Main.pairsDown', mk.lam([mk.pvar('n')], mk.case(app('prim_leInt', P('n'), int(0)), [
      mk.alt(pcon('True'), con('Nil')),
      mk.alt(pcon('False'), con('Cons', P('n'), con('Cons', app('prim_mulInt', P('n'), int(2)), app('Main.pairsDown', app('prim_subInt', P('n'), int(1)))))),
    ]))),
    mk.decl('Main.tags', mk.lam([mk.pvar('n')], mk.case(app('prim_leInt', P('n'), int(0)), [
      mk.alt(pcon('True'), con('Nil')),
      mk.alt(pcon('False'), mk.let('more', mk.case(app('prim_eqInt', app('prim_modInt', P('n'), int(2)), int(0)), [
        mk.alt(pcon('True'), mk.let('deeper', mk.case(app('prim_eqInt', P('n'), int(4)), [
          mk.alt(pcon('True'), app('Main.tags', app('prim_subInt', P('n'), int(1)))),
          mk.alt(pcon('False'), con('Cons', int(0), app('Main.tags', app('prim_subInt', P('n'), int(1))))),
        ]), con('Cons', P('n'), P('deeper')))),
        mk.alt(pcon('False'), app('Main.tags', app('prim_subInt', P('n'), int(1)))),
      ]), app('Main.appendList', con('Cons', app('prim_mulInt', P('n'), int(3)), con('Cons', P('n'), con('Nil'))), P('more')))),
    ]))),
    // A loop reading a list through a cursor (passes/to-goast/cursors.ts): no Int parameter, so no worker.
    mk.decl('Main.dropA', mk.lam([mk.pvar('xs'), mk.pvar('acc')], listCase(xs, P('acc'),
      mk.case(app('prim_eqInt', app('prim_charToInt', x), int(97)), [
        mk.alt(pcon('True'), app('Main.dropA', rest, P('acc'))),
        mk.alt(pcon('False'), app('Main.dropA', rest, con('Cons', x, P('acc')))),
      ])))),
    // The prelude's way of building a string (split, words): an accumulator of characters made a string by a
    // reverse (passes/to-goast/string-accs.ts keeps it as an rt.StringAcc).
    mk.decl('Main.squash', mk.lam([mk.pvar('cs'), mk.pvar('cur')], listCase(P('cs'),
      app('prim_charsToString', app('Main.revOnto', P('cur'), con('Nil'))),
      mk.case(app('prim_eqInt', app('prim_charToInt', x), int(32)), [
        mk.alt(pcon('True'), app('prim_appendString', app('prim_charsToString', app('Main.revOnto', P('cur'), con('Nil'))),
          app('prim_appendString', mk.str('|'), app('Main.squash', rest, con('Nil'))))),
        mk.alt(pcon('False'), app('Main.squash', rest, con('Cons', x, P('cur')))),
      ])))),
    // Template hole conversions as the Lune prelude elaborates them (PRIMITIVES.md §1.8).
    mk.decl('$dictToTemplate_Int', mk.record([{ label: 'toTemplate', value: mk.lam([mk.pvar('n')], app('prim_templateText', app('prim_showInt', P('n')))) }])),
    mk.decl('$dictToTemplate_String', mk.record([{ label: 'toTemplate', value: mk.lam([mk.pvar('s')], app('prim_templateText', P('s'))) }])),
    mk.decl('$dictToTemplate_Template', mk.record([{ label: 'toTemplate', value: mk.lam([mk.pvar('t')], P('t')) }])),
  ];
}

/** Decodes a choice sequence into terms. Names are fresh per program. */
class Gen {
  private n = 0;
  /**
   * Whether the crash slot may be taken. Off inside STM transactions: the evaluator turns an error inside an STM
   * continuation into a retry (PRIMITIVES.md §6.4), which the Go runtime does not reproduce (see README.md).
   */
  crashes = true;
  constructor(private readonly c: Choices) {}
  fresh(base: string): string {
    return `${base}${this.n++}`;
  }
  /** A binder that enters the env: fresh or (half the time) a pool name (shadowing); never one of `avoid`. */
  binder(base: string, avoid: readonly string[] = []): string {
    if (this.c.next(2) === 1) {
      const x = this.pick(pool);
      if (!avoid.includes(x)) return x;
    }
    return this.fresh(base);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.c.next(xs.length)]!;
  }
  /** A term of type `ty` in `env`; depth bounds the size (0 = leaves only). */
  term(ty: Ty, env: readonly Binding[], depth: number): Core.Expr {
    const vars = env.filter((b) => b.ty === ty);
    const leaves = this.leaves(ty, vars);
    if (depth <= 0) return leaves[this.c.next(leaves.length)]!();
    const nodes = this.nodes(ty, env, depth - 1);
    const all = [...leaves, ...nodes];
    // Choice 0 is a leaf, so exhausted sequences end the term.
    return all[this.c.next(all.length)]!();
  }
  private leaves(ty: Ty, vars: readonly Binding[]): (() => Core.Expr)[] {
    const v = vars.map((b) => () => P(b.name));
    const by: Record<Ty, (() => Core.Expr)[]> = {
      Int: [() => int(this.pick(bigInts))],
      Bool: [() => con('True'), () => con('False')],
      String: [() => mk.str(this.pick(strings))],
      Float: [() => mk.float(this.pick(floats))],
      Shape: [() => P('Main.Dot'), () => app('Main.Circle', int(this.c.next(10)))],
      IntList: [() => con('Nil'), () => app('Main.range', int(this.c.next(12)))],
      Rec: [() => mk.record([{ label: 'a', value: int(this.c.next(100)) }, { label: 'b', value: mk.str(this.pick(strings)) }])],
      IntFn: [() => app('prim_addInt', int(this.c.next(5))), () => { const x = this.fresh('x'); return mk.lam([mk.pvar(x)], P(x)); }],
      Dict: [() => P('$dictMonoid_Sum'), () => P('$dictMonoid_Product')],
      Char: [() => mk.char(this.pick(chars))],
      Tmpl: [() => mk.template(false, [mk.text(this.pick(strings))]), () => app('prim_templateText', mk.str(this.pick(strings)))],
      Pt: [() => mk.record([{ label: 'x', value: int(this.pick(bigInts)) }, { label: 'y', value: int(this.c.next(100)) }])],
    };
    return [...by[ty], ...v];
  }
  private nodes(ty: Ty, env: readonly Binding[], d: number): (() => Core.Expr)[] {
    const t = (ty2: Ty, env2: readonly Binding[] = env) => this.term(ty2, env2, d);
    const generic: (() => Core.Expr)[] = [
      () => { // let
        const ty2 = this.pick(allTys), x = this.binder('v');
        return mk.let(x, t(ty2), t(ty, extend(env, { name: x, ty: ty2 })));
      },
      () => mk.case(t('Bool'), [mk.alt(pcon('True'), t(ty)), mk.alt(pcon('False'), t(ty))]), // if
      () => { // case on a shape with nested patterns and fall-through
        const r = this.binder('r'), w = this.binder('w');
        return mk.case(t('Shape'), [
          mk.alt(pcon('Main.Circle', mk.pvar(r)), t(ty, extend(env, { name: r, ty: 'Int' }))),
          mk.alt(pcon('Main.Rect', mk.pvar(w), mk.pwild()), t(ty, extend(env, { name: w, ty: 'Int' }))),
          mk.alt(mk.pwild(), t(ty)),
        ]);
      },
      () => { // case on a list with a nested pattern: [x] / x :: y :: _ / _
        const a = this.binder('a'), b = this.binder('b', [a]);
        return mk.case(t('IntList'), [
          mk.alt(pcon('Cons', mk.pvar(a), pcon('Nil')), t(ty, extend(env, { name: a, ty: 'Int' }))),
          mk.alt(pcon('Cons', mk.pvar(a), pcon('Cons', mk.pvar(b), mk.pwild())), t(ty, extend(env, { name: a, ty: 'Int' }, { name: b, ty: 'Int' }))),
          mk.alt(mk.pwild(), t(ty)),
        ]);
      },
      () => mk.case(t('String'), [mk.alt(mk.pstring('a'), t(ty)), mk.alt(mk.pstring('hello'), t(ty)), mk.alt(mk.pwild(), t(ty))]),
      () => { // a local function applied (higher order, partial application of a 2-ary lambda)
        const x = this.binder('p'), y = this.binder('q', [x]);
        const lam = mk.lam([mk.pvar(x), mk.pwild(), mk.pvar(y)], t(ty, extend(env, { name: x, ty: 'Int' }, { name: y, ty: 'Bool' })));
        const f = this.fresh('g');
        return mk.let(f, app(lam, t('Int'), t('String')), app(P(f), t('Bool')));
      },
      // One rarely taken slot for everything that may crash, so most programs finish (2 of 3 times: a plain term).
      () => this.c.next(3) !== 2 || !this.crashes ? t(ty) : this.pick<() => Core.Expr>([
        () => { // a case that may not match (no Dot alternative): NonExhaustiveCase
          const r = this.binder('r');
          return mk.case(t('Shape'), [
            mk.alt(pcon('Main.Circle', mk.pvar(r)), t(ty, extend(env, { name: r, ty: 'Int' }))),
            mk.alt(pcon('Main.Rect', mk.pwild(), mk.pwild()), t(ty)),
          ]);
        },
        // a lambda whose parameter is a constructor pattern: PatternMatchFailure unless it matches
        () => { const r = this.binder('r'); return app(mk.lam([pcon('Main.Circle', mk.pvar(r))], t(ty, extend(env, { name: r, ty: 'Int' }))), t('Shape')); },
        () => { const a = this.binder('a'); return app(mk.lam([pcon('Cons', mk.pvar(a), mk.pwild())], t(ty, extend(env, { name: a, ty: 'Int' }))), t('IntList')); },
        () => app(mk.lam([pcon('True'), mk.pstring('a')], t(ty)), t('Bool'), t('String')),
        () => { // evaluation order: the first argument's pattern must fail before the second argument is evaluated
          const r = this.binder('r'), q = this.binder('q', [r]);
          const lam = mk.lam([pcon('Main.Circle', mk.pvar(r)), mk.pvar(q)], t(ty, extend(env, { name: r, ty: 'Int' }, { name: q, ty: 'Int' })));
          return app(lam, t('Shape'), app(this.pick(['prim_divInt', 'prim_modInt']), t('Int'), t('Int')));
        },
        () => mk.case(t('String'), [mk.alt(mk.pstring(''), t(ty)), mk.alt(mk.pstring('b'), t(ty))]), // NonExhaustiveCase "…"
        () => mk.let(this.fresh('d'), app(this.pick(['prim_divInt', 'prim_modInt']), t('Int'), t('Int')), t(ty)), // strict let: may divide by zero
      ])(),
      () => mk.case(t('Bool'), [ // nested constructor patterns on a pair-like Rect and overlapping alternatives
        mk.alt(pcon('True'), mk.case(app('Main.Rect', t('Int'), t('Int')), [
          mk.alt(pcon('Main.Rect', mk.pwild(), mk.pwild()), t(ty)),
          mk.alt(pcon('Main.Rect', mk.pvar(this.fresh('u')), mk.pwild()), t(ty)),
        ])),
        mk.alt(mk.pwild(), t(ty)),
      ]),
    ];
    const by: Record<Ty, (() => Core.Expr)[]> = {
      Int: [
        () => app(this.pick(['prim_addInt', 'prim_subInt', 'prim_mulInt']), t('Int'), t('Int')),
        () => app(this.pick(['prim_divInt', 'prim_modInt']), t('Int'), int(this.pick([1, 2, 3, 7, 10]))),
        () => app('Main.sumList', t('IntList')),
        () => app('Main.area', t('Shape')),
        () => app(t('IntFn'), t('Int')),
        () => mk.select(t('Rec'), 'a'),
        () => app('Main.foldMap', t('Dict'), t('IntFn'), t('IntList')),
        () => app(mk.select(t('Dict'), 'combine'), t('Int'), t('Int')),
        () => app('prim_truncateFloat', t('Float')),
        () => app('prim_charToInt', t('Char')),
        () => app('Main.goNames', t('Int'), t('Int'), t('Int')),
        () => mk.select(t('Pt'), this.pick(['x', 'y'])),
        () => app('Main.normPt', t('Pt')),
        () => app('Main.listLength', this.pick([() => t('IntList'), () => app('prim_stringToChars', t('String'))])()),
        () => app('Main.lengthOnto', this.pick([() => t('IntList'), () => app('prim_stringToChars', t('String'))])(), t('Int')),
      ],
      Bool: [
        () => app(this.pick(['prim_eqInt', 'prim_leInt', 'prim_geInt']), t('Int'), t('Int')),
        () => app('prim_and', t('Bool'), t('Bool')),
        () => app('prim_eqString', t('String'), t('String')),
        () => app(this.pick(['prim_ltFloat', 'prim_eqFloat']), t('Float'), t('Float')),
      ],
      String: [
        () => app('prim_showInt', t('Int')),
        () => app('prim_appendString', t('String'), t('String')),
        () => app('Main.showBool', t('Bool')),
        () => app('prim_showFloat', t('Float')),
        () => mk.select(t('Rec'), 'b'),
        () => app('prim_charsToString', app('prim_stringToChars', t('String'))),
        () => app('Main.showList', t('IntList')),
        () => app('prim_templateRender', t('Tmpl')),
        () => app('prim_charsToString', con('Cons', t('Char'), con('Cons', t('Char'), con('Nil')))),
        () => app('prim_charsToString', app('Main.reverse', app('prim_stringToChars', t('String')))),
        () => app('prim_charsToString', app('Main.revOnto', app('prim_stringToChars', t('String')), con('Cons', t('Char'), app('prim_stringToChars', t('String'))))),
        () => app('prim_charsToString', app('Main.appendList', app('prim_stringToChars', t('String')), app('prim_stringToChars', t('String')))),
        () => app('prim_charsToString', app('Main.dropA', this.pick([
          () => app('prim_stringToChars', t('String')),
          () => app('Main.appendList', app('prim_stringToChars', t('String')), app('prim_stringToChars', t('String'))),
        ])(), app('prim_stringToChars', t('String')))),
        () => app('Main.squash', app('prim_stringToChars', app('prim_appendString', t('String'), app('prim_appendString', mk.str(' '), t('String')))), con('Nil')),
        () => { // from any Int (near 2^63 the worker gives up to the boxed code), a few numbers
          const i = this.fresh('i');
          return mk.let(i, t('Int'), app('prim_charsToString', app('Main.words', P(i), app('prim_addInt', P(i), int(this.c.next(6))))));
        },
      ],
      Char: [
        () => app('prim_intToChar', app('prim_addInt', int(97), app('prim_modInt', t('Int'), int(26)))),
      ],
      Tmpl: [
        () => mk.template(this.c.next(2) === 1, [ // holes are evaluated when rendered, at every render
          mk.text(this.pick(strings)),
          this.pick([
            () => mk.hole(mk.tcon('String'), toTemplate('String', t('String'))),
            () => mk.hole(mk.tcon('Int'), toTemplate('Int', t('Int'))),
            () => mk.hole(mk.tcon('Template'), toTemplate('Template', t('Tmpl'))),
          ])(),
          mk.text(this.pick(strings)),
        ]),
        () => app('prim_templateAppend', t('Tmpl'), t('Tmpl')),
        () => app('prim_templateBlock', t('String')),
        () => app('prim_templateIndent', int(this.c.next(3)), t('Tmpl')),
      ],
      Float: [
        () => app(this.pick(['prim_addFloat', 'prim_mulFloat', 'prim_divFloat', 'prim_subFloat']), t('Float'), t('Float')),
        () => app('prim_fromIntFloat', t('Int')),
      ],
      Shape: [
        () => app('Main.Rect', t('Int'), t('Int')),
        () => { const f = this.fresh('k'); return mk.let(f, app('Main.Rect', t('Int')), app(P(f), t('Int'))); }, // partial constructor
        () => app('Main.Circle', t('Int')),
      ],
      IntList: [
        () => con('Cons', t('Int'), t('IntList')),
        () => app('Main.mapList', t('IntFn'), t('IntList')),
        () => app('Main.appendList', t('IntList'), t('IntList')),
        () => app('Main.reverse', t('IntList')),
        () => app(this.pick(['Main.pairsDown', 'Main.tags']), int(this.c.next(9))),
      ],
      Rec: [
        () => mk.record([{ label: 'b', value: t('String') }, { label: 'a', value: t('Int') }]),
        () => { // record update as Lune elaborates it
          const r = '$r';
          return mk.let(r, t('Rec'), mk.record([{ label: 'a', value: t('Int', env) }, { label: 'b', value: mk.select(P(r), 'b') }]));
        },
      ],
      IntFn: [
        () => { const x = this.binder('x'); return mk.lam([mk.pvar(x)], t('Int', extend(env, { name: x, ty: 'Int' }))); },
        () => app(this.pick(['prim_addInt', 'prim_mulInt']), t('Int')),
        () => { const x = this.fresh('x'); return mk.lam([mk.pvar(x)], app(t('IntFn'), app(t('IntFn'), P(x)))); },
        () => app(mk.select(t('Dict'), 'combine'), t('Int')),
      ],
      Pt: [
        () => mk.record([{ label: 'y', value: t('Int') }, { label: 'x', value: t('Int') }]),
        () => app('Main.movePt', t('Pt'), t('Int')),
        () => { // record update as Lune elaborates it
          const r = '$r';
          return mk.let(r, t('Pt'), mk.record([{ label: 'x', value: mk.select(P(r), 'x') }, { label: 'y', value: t('Int', env) }]));
        },
      ],
      // A Dict literal's combine must be binary: wrap a unary function as \a b -> f (a + b).
      Dict: [() => {
      const a = this.fresh('a'), b = this.fresh('b');
      const f = t('IntFn');
      return mk.record([{ label: 'combine', value: mk.lam([mk.pvar(a), mk.pvar(b)], app(f, app('prim_addInt', P(a), P(b)))) },
        { label: 'empty', value: t('Int') }]);
      }],
    };
    return [...by[ty], ...generic];
  }
}

const bind = (m: Core.Expr, x: string, k: Core.Expr) => app('$primIOBind', m, mk.lam([x === '_' ? mk.pwild() : mk.pvar(x)], k));
const stmBind = (m: Core.Expr, x: string, k: Core.Expr) => app('$primSTMBind', m, mk.lam([mk.pvar(x)], k));

/** Options: how many printed results, how deep, whether to include an STM transaction. */
export interface TypedOptions { readonly maxDepth?: number; readonly maxPrints?: number; readonly stm?: boolean }

/** Decodes a choice sequence into a whole program `Main` whose `main` prints several generated values. */
export function decodeProgram(choices: readonly number[], opts: TypedOptions = {}): Core.Module {
  const c = new Choices(choices);
  const g = new Gen(c);
  const depth = opts.maxDepth ?? 4;
  const prints = 1 + c.next(opts.maxPrints ?? 4);
  const stmts: Core.Expr[] = [];
  for (let i = 0; i < prints; i++) stmts.push(app('prim_putStrLn', g.term('String', [], depth)));
  if (opts.stm !== false && c.next(2) === 1) {
    // newTVar n; write m; orElse (read; retry if ≤ 0) (pure k): exercises retry and rollback.
    g.crashes = false;
    const tv = g.fresh('tv'), v = g.fresh('val');
    const left = stmBind(app('prim_readTVar', P(tv)), v, mk.case(app('prim_leInt', P(v), int(0)), [
      mk.alt(pcon('True'), P('prim_retry')),
      mk.alt(pcon('False'), app('$primSTMPure', P(v))),
    ]));
    const tx = stmBind(app('prim_newTVar', g.term('Int', [], 1)), tv,
      stmBind(app('prim_writeTVar', P(tv), g.term('Int', [], 2)), '_w', app('prim_orElse', left, app('$primSTMPure', g.term('Int', [], 1)))));
    const r = g.fresh('res');
    stmts.push(bind(app('prim_atomically', tx), r, app('prim_putStrLn', app('prim_showInt', P(r)))));
  }
  const body = stmts.reduceRight<Core.Expr | null>((rest, s) => (rest === null ? s : bind(s, '_', rest)), null)!;
  return mk.module('Main', [...library(), mk.decl('Main.main', body)]);
}

/** A program arbitrary; shrinking shrinks the choice sequence. Counterexamples print in readable Core. */
export const typedProgram = (opts: TypedOptions = {}): fc.Arbitrary<Core.Module> =>
  fc.array(fc.nat({ max: 1000 }), { minLength: 0, maxLength: 400, size: 'large' }).map((xs) => readable(decodeProgram(xs, opts)));

/** Gives `m` a (non-enumerable) toString that fast-check uses to show it. */
export function readable(m: Core.Module): Core.Module {
  Object.defineProperty(m, fc.toStringMethod, { value: () => `\n${print(m, { spans: false })}`, enumerable: false });
  return m;
}

/** Counts nodes of a module (reported by the property runs). */
export function countNodes(m: Core.Module): number {
  let n = 0;
  const stack: Core.Expr[] = m.decls.map((d) => d.body);
  while (stack.length > 0) {
    const e = stack.pop()!;
    n++;
    switch (e.tag) {
      case 'CApp': stack.push(e.fn, e.arg); break;
      case 'CLam': stack.push(e.body); break;
      case 'CLet': stack.push(e.rhs, e.body); break;
      case 'CCase': stack.push(e.scrutinee, ...e.alts.map((a) => a.body)); break;
      case 'CRecord': stack.push(...e.fields.map((f) => f.value)); break;
      case 'CSelect': stack.push(e.record); break;
      case 'CTemplate': for (const p of e.parts) if (p.tag === 'THole') stack.push(p.expr); break;
      default: break;
    }
  }
  return n;
}
