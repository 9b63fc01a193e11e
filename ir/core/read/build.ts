// ir/core/read/build.ts: turns one Show constructor application or record (arguments already built) into a
// Core node, checking each argument's kind. Unknown names stay generic so CDictWanted can be tolerant.
import * as Core from '../core';
import { mkSpan, noSpan, type Span } from '../../shared/span';
import type { Lexer } from './lexer';
import { describe, type Item, type Val } from './values';

type Builder = (args: readonly Item[], span: Span, lx: Lexer) => Val;
interface Entry { readonly arity: number; readonly build: Builder }

const fail = (lx: Lexer, item: Item, wanted: string): never => {
  throw lx.error(item.at, `expected ${wanted}, found ${describe(item)}`);
};

const expr = (lx: Lexer, i: Item): Core.Expr => (i.k === 'expr' ? i.e : fail(lx, i, 'a Core expression'));
const pat = (lx: Lexer, i: Item): Core.Pattern => (i.k === 'pat' ? i.p : fail(lx, i, 'a pattern'));
const type = (lx: Lexer, i: Item): Core.Type => (i.k === 'type' ? i.t : fail(lx, i, 'a type'));
const str = (lx: Lexer, i: Item): string => (i.k === 'str' ? i.s : fail(lx, i, 'a string'));
const list = (lx: Lexer, i: Item): readonly Item[] => (i.k === 'list' ? i.items : fail(lx, i, 'a list'));
const pair = (lx: Lexer, i: Item): readonly [Item, Item] =>
  i.k === 'tuple' && i.items.length === 2 ? [i.items[0]!, i.items[1]!] : fail(lx, i, 'a (label, value) pair');

const E = (e: Core.Expr): Val => ({ k: 'expr', e });
const P = (p: Core.Pattern): Val => ({ k: 'pat', p });
const T = (t: Core.Type): Val => ({ k: 'type', t });

const table: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ['CoreDecl', { arity: 2, build: ([n, b], s, lx) => ({ k: 'decl', d: Core.mk.decl(str(lx, n!), expr(lx, b!), s) }) }],
  ['CVar', { arity: 1, build: ([n], s, lx) => E(Core.mk.var(str(lx, n!), s)) }],
  ['CString', { arity: 1, build: ([v], s, lx) => E(Core.mk.str(str(lx, v!), s)) }],
  ['CTemplate', { arity: 2, build: ([b, ps], s, lx) => E(Core.mk.template(bool(lx, b!), list(lx, ps!).map((p) => part(lx, p)), s)) }],
  ['CTemplateText', { arity: 1, build: ([t], _s, lx) => ({ k: 'part', p: Core.mk.text(str(lx, t!)) }) }],
  ['CTemplateHole', { arity: 2, build: ([t, e], _s, lx) => ({ k: 'part', p: Core.mk.hole(type(lx, t!), expr(lx, e!)) }) }],
  ['CInt', { arity: 1, build: ([n], s, lx) => E(Core.mk.int(n!.k === 'int' ? n!.n : fail(lx, n!, 'an integer'), s)) }],
  ['CFloat', { arity: 1, build: ([x], s, lx) => E(Core.mk.float(float(lx, x!), s)) }],
  ['CChar', { arity: 1, build: ([c], s, lx) => E(Core.mk.char(c!.k === 'char' ? c!.c : fail(lx, c!, 'a char literal'), s)) }],
  ['CApp', { arity: 2, build: ([f, a], s, lx) => E(Core.mk.app(expr(lx, f!), expr(lx, a!), s)) }],
  ['CLam', { arity: 2, build: ([ps, b], s, lx) => E(Core.mk.lam(list(lx, ps!).map((p) => pat(lx, p)), expr(lx, b!), s)) }],
  ['CLet', { arity: 3, build: ([n, r, b], s, lx) => E(Core.mk.let(str(lx, n!), expr(lx, r!), expr(lx, b!), s)) }],
  ['CCase', { arity: 2, build: ([e, as], s, lx) => E(Core.mk.case(expr(lx, e!), list(lx, as!).map((a) => alt(lx, a)), s)) }],
  ['CoreAlt', { arity: 2, build: ([p, b], s, lx) => ({ k: 'alt', a: Core.mk.alt(pat(lx, p!), expr(lx, b!), s) }) }],
  ['CRecord', { arity: 1, build: ([fs], s, lx) => E(Core.mk.record(list(lx, fs!).map((f) => field(lx, f)), s)) }],
  ['CSelect', { arity: 2, build: ([r, l], s, lx) => E(Core.mk.select(expr(lx, r!), str(lx, l!), s)) }],
  ['CDictWanted', { arity: 1, build: ([c], s, lx) => E(Core.mk.dictWanted(constraint(lx, c!), s)) }],
  ['CForeignImport', { arity: 3, build: ([c, sym, t], s, lx) => E(Core.mk.foreignImport(convention(lx, c!), str(lx, sym!), type(lx, t!), s)) }],
  ['PVar', { arity: 1, build: ([n], s, lx) => P(Core.mk.pvar(str(lx, n!), s)) }],
  ['PWildcard', { arity: 0, build: (_a, s) => P(Core.mk.pwild(s)) }],
  ['PCon', { arity: 2, build: ([c, ps], s, lx) => P(Core.mk.pcon(str(lx, c!), list(lx, ps!).map((p) => pat(lx, p)), s)) }],
  ['PString', { arity: 1, build: ([v], s, lx) => P(Core.mk.pstring(str(lx, v!), s)) }],
  ['TVar', { arity: 1, build: ([n], _s, lx) => T(Core.mk.tvar(str(lx, n!))) }],
  ['TCon', { arity: 1, build: ([n], _s, lx) => T(Core.mk.tcon(str(lx, n!))) }],
  ['TApp', { arity: 2, build: ([f, a], _s, lx) => T(Core.mk.tapp(type(lx, f!), type(lx, a!))) }],
  ['TArrow', { arity: 2, build: ([f, t], _s, lx) => T(Core.mk.tarrow(type(lx, f!), type(lx, t!))) }],
  ['TRecord', { arity: 1, build: ([fs], _s, lx) => T(Core.mk.trecord(list(lx, fs!).map((f) => typeField(lx, f)))) }],
  ['True', { arity: 0, build: () => ({ k: 'bool', b: true }) }],
  ['False', { arity: 0, build: () => ({ k: 'bool', b: false }) }],
  ['Infinity', { arity: 0, build: () => ({ k: 'float', x: Infinity }) }],
  ['NaN', { arity: 0, build: () => ({ k: 'float', x: NaN }) }],
]);

/** True for the names this reader builds Core nodes from (CVar, PCon, TApp, …). */
export const isCoreConstructor = (name: string): boolean => table.has(name);

/** Builds `name args…`; `at`/`end` are the offsets of the whole application. */
export function buildCon(lx: Lexer, name: string, args: readonly Item[], at: number, end: number): Val {
  const entry = table.get(name);
  if (entry === undefined) return { k: 'con', name, args };
  if (args.length !== entry.arity) {
    const n = entry.arity;
    throw lx.error(at, `${name} takes ${n} argument${n === 1 ? '' : 's'}, found ${args.length}`);
  }
  return entry.build(args, lx.span(at, end), lx);
}

/** Builds `Name {field = value, …}`. */
export function buildRecord(lx: Lexer, name: string, fields: readonly (readonly [string, Item])[], at: number, end: number): Val {
  const get = (label: string): Item => {
    const f = fields.find(([l]) => l === label);
    if (f === undefined) throw lx.error(at, `${name} record has no field ${label}`);
    return f[1];
  };
  const int = (label: string): number => {
    const v = get(label);
    return v.k === 'int' ? Number(v.n) : fail(lx, v, 'an integer');
  };
  switch (name) {
    case 'CoreModule': {
      const decls = list(lx, get('coreDecls')).map((d) => (d.k === 'decl' ? d.d : fail(lx, d, 'a CoreDecl')));
      return { k: 'module', m: { tag: 'Module', name: str(lx, get('coreName')), decls, span: lx.span(at, end) } };
    }
    case 'Located': {
      const span = get('locSpan');
      const p = pat(lx, get('locValue'));
      // A zero span means "synthesised": keep the dump position the pattern already has.
      return span.k === 'span' ? P(span.span.startLine > 0 ? { ...p, span: span.span } : p) : fail(lx, span, 'a Span');
    }
    case 'Span': {
      const s = mkSpan(int('spanStartLine'), int('spanStartCol'), int('spanEndLine'), int('spanEndCol'));
      return { k: 'span', span: s.startLine > 0 ? s : noSpan };
    }
    case 'Comments':
      return { k: 'comments' };
    default:
      return { k: 'record', name, fields };
  }
}

function bool(lx: Lexer, i: Item): boolean {
  return i.k === 'bool' ? i.b : fail(lx, i, 'True or False');
}

function float(lx: Lexer, i: Item): number {
  if (i.k === 'float') return i.x;
  if (i.k === 'int') return Number(i.n);
  return fail(lx, i, 'a number');
}

function part(lx: Lexer, i: Item): Core.TemplatePart {
  return i.k === 'part' ? i.p : fail(lx, i, 'a template part (CTemplateText or CTemplateHole)');
}

function alt(lx: Lexer, i: Item): Core.Alt {
  return i.k === 'alt' ? i.a : fail(lx, i, 'a CoreAlt');
}

function field(lx: Lexer, i: Item): Core.Field {
  const [l, v] = pair(lx, i);
  return { label: str(lx, l), value: expr(lx, v) };
}

function typeField(lx: Lexer, i: Item): { label: string; type: Core.Type } {
  const [l, t] = pair(lx, i);
  return { label: str(lx, l), type: type(lx, t) };
}

function convention(lx: Lexer, i: Item): string {
  if (i.k === 'con' && i.args.length === 0) return i.name;
  if (i.k === 'str') return i.s;
  return fail(lx, i, 'a calling convention such as CCall');
}

/**
 * The constraint of a CDictWanted. We have never seen one in a dump, so accept any Show shape
 * (`Constraint {constraintClass = "Show", constraintArgs = [TVar "a"]}`, a positional constructor, a tuple):
 * the first string found is the class name and every type found, in order, is an argument.
 */
function constraint(lx: Lexer, i: Item): Core.Constraint {
  let className: string | undefined;
  const args: Core.Type[] = [];
  const todo: Item[] = [i];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const v: Item = next;
    if (v.k === 'str') className ??= v.s;
    else if (v.k === 'type') args.push(v.t);
    else if (v.k === 'record') for (let j = v.fields.length - 1; j >= 0; j--) todo.push(v.fields[j]![1]);
    else if (v.k === 'con') {
      if (v.args.length === 0) className ??= v.name;
      for (let j = v.args.length - 1; j >= 0; j--) todo.push(v.args[j]!);
    } else if (v.k === 'list' || v.k === 'tuple') for (let j = v.items.length - 1; j >= 0; j--) todo.push(v.items[j]!);
  }
  if (className === undefined) throw lx.error(i.at, `cannot find the class name in the constraint of CDictWanted (found ${describe(i)})`);
  return { className, args };
}
