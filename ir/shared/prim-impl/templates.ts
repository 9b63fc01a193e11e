// ir/shared/prim-impl/templates.ts: the Template data structure and its primitives (PRIMITIVES.md §1.8, §3.6),
// a port of the reference's Lune/Template.hs: flagged nodes, raw vs block-aware append, render with holes.
import { LuneError, type TemplateNode, type TemplatePart, type TemplateV, type Value } from '../value';
import {
  type PrimImpl, isInt, isString, isTemplate, listElements, notAFunction, toHaskellInt, wrongValue,
} from './common';

type Flags = Pick<TemplateNode, 'empty' | 'startsNL' | 'endsNL' | 'block'>;
const flagsOf = (t: TemplateNode): Flags => ({ empty: t.empty, startsNL: t.startsNL, endsNL: t.endsNL, block: t.block });

/** The empty template (a leaf with no parts; never a block). */
export const emptyTemplate: TemplateNode = { k: 'leaf', parts: [], empty: true, startsNL: false, endsNL: false, block: false };

/** Wraps a template tree as a Lune value. */
export const templateValue = (node: TemplateNode): TemplateV => ({ tag: 'Template', node });

/**
 * A leaf from raw parts (what evaluating `CTemplate block parts` produces): adjacent texts merged, empty
 * texts dropped; a leaf without parts is the empty template. A hole at an edge counts as "no newline".
 */
export function templateLeaf(block: boolean, parts: readonly TemplatePart[]): TemplateNode {
  const ps: TemplatePart[] = [];
  for (const p of parts) {
    if (p.k === 'hole') ps.push(p);
    else if (p.text !== '') {
      const last = ps[ps.length - 1];
      if (last?.k === 'text') ps[ps.length - 1] = { k: 'text', text: last.text + p.text };
      else ps.push(p);
    }
  }
  if (ps.length === 0) return emptyTemplate;
  const first = ps[0] as TemplatePart;
  const last = ps[ps.length - 1] as TemplatePart;
  return {
    k: 'leaf', parts: ps, empty: false, block,
    startsNL: first.k === 'text' && first.text.startsWith('\n'),
    endsNL: last.k === 'text' && last.text.endsWith('\n'),
  };
}

/** `text s`: an inline leaf holding s verbatim. */
export const text = (s: string): TemplateNode => templateLeaf(false, [{ k: 'text', text: s }]);
/** `line s`: like text, minus one trailing newline. */
export const line = (s: string): TemplateNode => text(dropSuffixNL(s));

/** `lines xs`: [] → empty, [x] → line x, otherwise a block leaf of the items joined with newlines. */
export function lines(xs: readonly string[]): TemplateNode {
  if (xs.length === 0) return emptyTemplate;
  if (xs.length === 1) return line(xs[0] as string);
  return templateLeaf(true, [{ k: 'text', text: xs.join('\n') }]);
}

/**
 * `block s`: every `\r` becomes `\n` (so CRLF becomes two newlines, a quirk of the reference, which
 * replaces `\r` before `\r\n`), then one leading and one trailing newline are removed; a block leaf.
 */
export function block(s: string): TemplateNode {
  const t = s.replaceAll('\r', '\n');
  return templateLeaf(true, [{ k: 'text', text: dropSuffixNL(t.startsWith('\n') ? t.slice(1) : t) }]);
}

const dropSuffixNL = (s: string): string => (s.endsWith('\n') ? s.slice(0, -1) : s);

/** Raw concatenation: never inserts a newline; two leaves merge into one leaf. */
export function concatRaw(a: TemplateNode, b: TemplateNode): TemplateNode {
  if (a.empty) return b;
  if (b.empty) return a;
  const flags: Flags = { empty: false, startsNL: a.startsNL, endsNL: b.endsNL, block: a.block || b.block };
  if (a.k === 'leaf' && b.k === 'leaf') return { k: 'leaf', parts: mergeBoundary(a.parts, b.parts), ...flags };
  return { k: 'append', a, b, ...flags };
}

// Joins two part lists, merging a text that ends one with a text that starts the other.
function mergeBoundary(a: readonly TemplatePart[], b: readonly TemplatePart[]): TemplatePart[] {
  const last = a[a.length - 1];
  const first = b[0];
  if (last?.k !== 'text' || first?.k !== 'text') return [...a, ...b];
  const merged = last.text + first.text;
  return [...a.slice(0, -1), ...(merged === '' ? [] : [{ k: 'text' as const, text: merged }]), ...b.slice(1)];
}

/**
 * Block-aware append (`<>`): a newline is inserted only when b is a block and neither a ends nor b
 * starts with one. Only the right operand's block flag matters.
 */
export function append(a: TemplateNode, b: TemplateNode): TemplateNode {
  if (a.empty) return b;
  if (b.empty) return a;
  if (a.endsNL || b.startsNL) return concatRaw(a, b);
  if (b.block) return concatRaw(a, concatRaw(text('\n'), b));
  return concatRaw(a, b);
}

/** `join sep ts`: [] → empty, otherwise the left fold `(acc <> sep) <> t`. */
export function join(sep: TemplateNode, ts: readonly TemplateNode[]): TemplateNode {
  if (ts.length === 0) return emptyTemplate;
  let acc = ts[0] as TemplateNode;
  for (let i = 1; i < ts.length; i++) acc = append(append(acc, sep), ts[i] as TemplateNode);
  return acc;
}

/** `vcat ts`: newline between non-empty neighbours unless one already has it there; block flags ignored; result is a block. */
export function vcat(ts: readonly TemplateNode[]): TemplateNode {
  let acc = emptyTemplate;
  for (const t of ts) {
    if (acc.empty) acc = t;
    else if (t.empty) continue;
    else if (acc.endsNL || t.startsNL) acc = concatRaw(acc, t);
    else acc = concatRaw(acc, concatRaw(text('\n'), t));
  }
  return setBlock(true, acc);
}

/** `hcat ts`: the left fold of raw concatenation. */
export function hcat(ts: readonly TemplateNode[]): TemplateNode {
  let acc = emptyTemplate;
  for (const t of ts) acc = concatRaw(acc, t);
  return acc;
}

/** `indent n t` (n already narrowed to a Haskell Int): n ≤ 0 or empty t → t; flags are t's. */
export function indent(n: bigint, t: TemplateNode): TemplateNode {
  if (n <= 0n || t.empty) return t;
  return { k: 'indent', n, t, ...flagsOf(t) };
}

/** `ensureNL t`: empty stays empty; otherwise marked as ending with a newline. */
export function ensureNL(t: TemplateNode): TemplateNode {
  if (t.empty) return t;
  return { k: 'ensureNL', t, ...flagsOf(t), endsNL: true };
}

/** Overrides the root's block flag (the empty template is left alone). */
export function setBlock(flag: boolean, t: TemplateNode): TemplateNode {
  return t.empty || t.block === flag ? t : { ...t, block: flag };
}

/**
 * Renders to a String. Holes are forced now, at every render: each must give a Template (else
 * `ExpectedTemplate v`), whose own holes are expanded recursively.
 */
export function render(t: TemplateNode): string {
  return renderForced(forceHoles(t));
}

// Rebuilds t without holes: a leaf's parts are re-folded with block-aware append (a hole's template is
// spliced like any operand); append spines are re-joined with raw concatenation.
function forceHoles(t: TemplateNode): TemplateNode {
  switch (t.k) {
    case 'leaf': {
      let acc = emptyTemplate;
      for (const p of t.parts) {
        if (p.k === 'text') acc = append(acc, text(p.text));
        else {
          const v = p.force();
          if (!isTemplate(v)) return wrongValue('ExpectedTemplate', v);
          acc = append(acc, forceHoles(v.node));
        }
      }
      return setBlock(t.block, acc);
    }
    case 'append': {
      // Long joins build deep append spines: walk them with a stack, not recursion. Raw concatenation
      // is associative (texts and flags alike), so folding the flattened operands gives the same result.
      let acc = emptyTemplate;
      for (const operand of appendOperands(t)) acc = concatRaw(acc, forceHoles(operand));
      return acc;
    }
    case 'indent': return indent(t.n, forceHoles(t.t));
    case 'ensureNL': return ensureNL(forceHoles(t.t));
  }
}

// The non-append nodes of an append tree, left to right.
function appendOperands(t: TemplateNode): TemplateNode[] {
  const out: TemplateNode[] = [];
  const stack: TemplateNode[] = [t];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.k === 'append') stack.push(n.b, n.a);
    else out.push(n);
  }
  return out;
}

// Text of a hole-free tree (a leftover hole renders as nothing, as in the reference).
function renderForced(t: TemplateNode): string {
  let out = '';
  for (const n of appendOperands(t)) {
    switch (n.k) {
      case 'leaf': for (const p of n.parts) if (p.k === 'text') out += p.text; break;
      case 'indent': out += indentText(n.n, renderForced(n.t)); break;
      case 'ensureNL': { const s = renderForced(n.t); out += s === '' || s.endsWith('\n') ? s : s + '\n'; break; }
      case 'append': break; // appendOperands never returns an append node
    }
  }
  return out;
}

// Prefixes every non-empty line (whitespace-only lines count as non-empty) with n spaces.
function indentText(n: bigint, s: string): string {
  if (n <= 0n || s === '') return s;
  // Haskell would try to build the prefix and run out of memory; JS cannot build a string that long.
  if (n > 100_000_000n) throw new LuneError(`template indent too large: ${n}`);
  const prefix = ' '.repeat(Number(n));
  return s.split('\n').map((l) => (l === '' ? l : prefix + l)).join('\n');
}

// ---- primitives --------------------------------------------------------------------------------------

const stringTo = (f: (s: string) => TemplateNode): PrimImpl => ([s]) => {
  if (isString(s)) return templateValue(f(s));
  return s === undefined ? notAFunction() : wrongValue('ExpectedString', s);
};

// A list of Templates: not a list → `NotARecord` (as the reference), a non-Template element → `ExpectedTemplate`.
function templateList(l: Value): TemplateNode[] {
  const xs = listElements(l) ?? wrongValue('NotARecord', l);
  return xs.map((x) => (isTemplate(x) ? x.node : wrongValue('ExpectedTemplate', x)));
}

const listTo = (f: (ts: TemplateNode[]) => TemplateNode): PrimImpl => ([l]) =>
  l === undefined ? notAFunction() : templateValue(f(templateList(l)));

const templateTo = (f: (t: TemplateNode) => Value): PrimImpl => ([t]) => {
  if (isTemplate(t)) return f(t.node);
  return t === undefined ? notAFunction() : wrongValue('ExpectedTemplate', t);
};

/** The Template primitives, by name. */
export const templateImpls: ReadonlyMap<string, PrimImpl> = new Map<string, PrimImpl>([
  ['prim_templateEmpty', () => templateValue(emptyTemplate)],
  ['prim_templateText', stringTo(text)],
  ['prim_templateLine', stringTo(line)],
  ['prim_templateLines', ([l]) => {
    if (l === undefined) return notAFunction();
    const xs = listElements(l) ?? wrongValue('NotARecord', l);
    return templateValue(lines(xs.map((x) => (isString(x) ? x : wrongValue('ExpectedString', x)))));
  }],
  ['prim_templateBlock', stringTo(block)],
  ['prim_templateAppend', ([a, b]) => {
    if (isTemplate(a) && isTemplate(b)) return templateValue(append(a.node, b.node));
    if (a === undefined || b === undefined) return notAFunction();
    return wrongValue('ExpectedTemplate', isTemplate(a) ? b : a);
  }],
  ['prim_templateJoin', ([sep, l]) => {
    if (sep === undefined || l === undefined) return notAFunction();
    if (!isTemplate(sep)) return wrongValue('ExpectedTemplate', sep);
    return templateValue(join(sep.node, templateList(l)));
  }],
  ['prim_templateVcat', listTo(vcat)],
  ['prim_templateHcat', listTo(hcat)],
  // The count is narrowed to a Haskell Int (`fromInteger`), as the reference does.
  ['prim_templateIndent', ([n, t]) => (isInt(n) && isTemplate(t) ? templateValue(indent(toHaskellInt(n), t.node)) : notAFunction())],
  ['prim_templateEnsureNL', templateTo((t) => templateValue(ensureNL(t)))],
  ['prim_templateRender', templateTo(render)],
]);
