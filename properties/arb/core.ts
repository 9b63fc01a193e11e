// properties/arb/core.ts: fast-check arbitraries of *syntactically* arbitrary Core modules: every node kind,
// awkward names (reserved words, dots, backquotes, empty), awkward strings, floats and huge ints. Not
// well-typed or well-scoped; for printers and readers (see ./typed.ts for programs that run).
import fc from 'fast-check';
import * as Core from '../../ir/core/core';

const { mk } = Core;

// Pieces that stress escaping and the template/comment/layout syntax.
const nasty = ['', '${', '\\|', "''", "'", '"', '`', '$', '\\', '\n', '\r\n', '\t', '-- x', '{-', '-}', ' of ', 'in', '\u0000',
  '\u007f', '\u200b', '\ufeff', '\u2028', 'λ', '😀', '\ud800', '\udfff', '}', '{', ';', ':'];

/** Strings of any code points (lone surrogates included), biased towards characters the syntax treats specially. */
export const arbText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom(...nasty, 'a', ' ', 'x y'), { maxLength: 6 }).map((xs) => xs.join('')),
  fc.constantFrom(...nasty),
);

const plainNames = ['x', 'f', 'io', 'Main.main', 'Lune.Prelude.Just', 'Lune.Prelude.Nil', '$dictMonad_IO',
  '$dictJson.Decode_String', '$primIOBind', 'prim_addInt', '$r', '_x', 'A.b.C', 'a1', 'ccall', 'then', 'Int', 'x.y'];
const reservedNames = ['module', 'let', 'in', 'case', 'of', 'foreign', 'NaN', 'Infinity', '_', 'in.x', 'Main.in'];

/** Names: mostly the shapes found in dumps, sometimes reserved words or arbitrary text (printed backquoted). */
export const arbName: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...plainNames) },
  { weight: 2, arbitrary: fc.constantFrom(...reservedNames) },
  { weight: 2, arbitrary: arbText },
);

/** Doubles including NaN, ±Infinity, -0 and the extremes of the range. */
export const arbFloat: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 5e-324, 1e21, 1e-7, 0.1, 123456789012345680000, 1.7976931348623157e308),
);

/** Ints of every size, negative ones included. */
export const arbInt: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
);

/** Types of every kind. */
export const arbType: fc.Arbitrary<Core.Type> = fc.letrec<{ type: Core.Type }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arbName.map(mk.tvar),
    arbName.map(mk.tcon),
    fc.tuple(tie('type'), tie('type')).map(([f, a]) => mk.tapp(f, a)),
    fc.tuple(tie('type'), tie('type')).map(([a, b]) => mk.tarrow(a, b)),
    fc.array(fc.record({ label: arbName, type: tie('type') }), { maxLength: 3 }).map(mk.trecord),
  ),
})).type;

/** Patterns of every kind, nested. */
export const arbPattern: fc.Arbitrary<Core.Pattern> = fc.letrec<{ pat: Core.Pattern }>((tie) => ({
  pat: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arbName.map((n) => mk.pvar(n)),
    fc.constant(mk.pwild()),
    arbText.map((s) => mk.pstring(s)),
    fc.tuple(arbName, fc.array(tie('pat'), { maxLength: 3 })).map(([c, args]) => mk.pcon(c, args)),
  ),
})).pat;

/** Expressions of every kind (all 14 Core forms), nested. */
export const arbExpr: fc.Arbitrary<Core.Expr> = fc.letrec<{ expr: Core.Expr; part: Core.TemplatePart }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arbName.map((n) => mk.var(n)),
    arbText.map((s) => mk.str(s)),
    arbInt.map((i) => mk.int(i)),
    arbFloat.map((x) => mk.float(x)),
    fc.integer({ min: 0, max: 0x10ffff }).map((c) => mk.char(c)),
    fc.tuple(tie('expr'), tie('expr')).map(([f, a]) => mk.app(f, a)),
    fc.tuple(fc.array(arbPattern, { minLength: 1, maxLength: 3 }), tie('expr')).map(([ps, b]) => mk.lam(ps, b)),
    fc.tuple(arbName, tie('expr'), tie('expr')).map(([x, r, b]) => mk.let(x, r, b)),
    fc.tuple(tie('expr'), fc.array(fc.tuple(arbPattern, tie('expr')), { maxLength: 3 }))
      .map(([s, alts]) => mk.case(s, alts.map(([p, b]) => mk.alt(p, b)))),
    fc.array(fc.record({ label: arbName, value: tie('expr') }), { maxLength: 3 }).map((fs) => mk.record(fs)),
    fc.tuple(tie('expr'), arbName).map(([r, l]) => mk.select(r, l)),
    fc.tuple(fc.boolean(), fc.array(tie('part'), { maxLength: 4 })).map(([b, ps]) => mk.template(b, ps)),
    fc.tuple(arbName, fc.array(arbType, { maxLength: 2 })).map(([c, args]) => mk.dictWanted({ className: c, args })),
    fc.tuple(fc.constantFrom('CCall', 'ccall', 'StdCall'), arbText, arbType).map(([c, s, t]) => mk.foreignImport(c, s, t)),
  ),
  part: fc.oneof(
    arbText.map(mk.text),
    fc.tuple(arbType, tie('expr')).map(([t, e]) => mk.hole(t, e)),
  ),
})).expr;

/** Whole modules: an awkward module name and a few declarations (the placeholder name '' included). */
export const arbModule: fc.Arbitrary<Core.Module> = fc
  .tuple(arbName, fc.array(fc.tuple(fc.oneof(arbName, fc.constant('')), arbExpr), { maxLength: 4 }))
  .map(([name, ds]) => mk.module(name, ds.map(([n, e]) => mk.decl(n, e))));
