// ir/shared/prim-impl/templates.test.ts: every example of PRIMITIVES.md §3.6 and §1.8 (including the
// "Consequences (verified)" list), flags, hole re-evaluation and exact error texts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type TemplateNode, type TemplatePart, type Value } from '../value';
import { templateLeaf, templateValue } from './templates';
import { call, list, shown, throwsLune } from './testing';

const T = (v: Value): TemplateNode => (typeof v === 'object' && v.tag === 'Template' ? v.node : assert.unreachable('not a template') as never);
const text = (s: Value) => call('prim_templateText', s);
const block = (s: Value) => call('prim_templateBlock', s);
const line = (s: Value) => call('prim_templateLine', s);
const empty = () => call('prim_templateEmpty');
const app = (a: Value, b: Value) => call('prim_templateAppend', a, b);
const render = (t: Value) => call('prim_templateRender', t);
const hole = (v: Value): TemplatePart => ({ k: 'hole', force: () => v });
const lit = (isBlock: boolean, ...parts: (string | TemplatePart)[]): Value =>
  templateValue(templateLeaf(isBlock, parts.map((p) => (typeof p === 'string' ? { k: 'text', text: p } : p))));

test('text / line / lines / block', () => {
  assert.is(render(text('a\nb\r')), 'a\nb\r');
  assert.is(render(line('a\n\n')), 'a\n');
  assert.is(render(line('a')), 'a');
  assert.is(render(call('prim_templateLines', list(['a', 'b']))), 'a\nb');
  assert.is(render(call('prim_templateLines', list(['a\n']))), 'a');
  assert.is(render(call('prim_templateLines', list([]))), '');
  assert.ok(T(call('prim_templateLines', list([]))).empty);
  assert.ok(T(call('prim_templateLines', list(['a', 'b']))).block);
  assert.not.ok(T(call('prim_templateLines', list(['a']))).block);
  assert.is(render(block('\na\n')), 'a');
  assert.is(render(block('\r\na\r\nb\r\n')), '\na\n\nb\n'); // quirk: CRLF becomes two newlines
  assert.is(render(block('\n\na\n\n')), '\na\n');
  assert.ok(T(block('x')).block);
  assert.ok(T(block('\n')).empty);
});

test('append: block-aware', () => {
  assert.is(render(app(text('a'), text('b'))), 'ab');
  assert.is(render(app(text('a'), block('b'))), 'a\nb');
  assert.is(render(app(block('a'), text('b'))), 'ab');
  assert.is(render(app(block('a'), block('b'))), 'a\nb');
  assert.is(render(app(text('a\n'), block('b'))), 'a\nb');
  assert.is(render(app(text('a'), block('\n\nb'))), 'a\nb'); // b starts with a newline after block's strip
  assert.is(render(app(empty(), block('b'))), 'b');
  assert.is(render(app(block('a'), empty())), 'a');
});

test('join', () => {
  assert.is(render(call('prim_templateJoin', text(','), list([text('a'), text('b'), text('c')]))), 'a,b,c');
  assert.is(render(call('prim_templateJoin', text(','), list([block('a'), block('b')]))), 'a,\nb');
  assert.is(render(call('prim_templateJoin', text(','), list([]))), '');
  assert.is(render(call('prim_templateJoin', text(','), list([text('x')]))), 'x');
});

test('vcat / hcat', () => {
  assert.is(render(call('prim_templateVcat', list([text('a'), text('b')]))), 'a\nb');
  assert.is(render(call('prim_templateVcat', list([text('a\n'), text('b')]))), 'a\nb');
  assert.is(render(call('prim_templateVcat', list([text('a'), empty(), text('\nb')]))), 'a\nb');
  assert.is(render(app(text('x'), call('prim_templateVcat', list([text('a'), text('b')])))), 'x\na\nb');
  assert.ok(T(call('prim_templateVcat', list([text('a')]))).block);
  assert.ok(T(call('prim_templateVcat', list([]))).empty);
  assert.is(render(call('prim_templateHcat', list([block('a'), block('b')]))), 'ab');
  assert.is(render(call('prim_templateHcat', list([]))), '');
});

test('indent', () => {
  assert.is(render(call('prim_templateIndent', 2n, text('a\n\nb\n'))), '  a\n\n  b\n');
  assert.is(render(call('prim_templateIndent', 2n, text(' \nx'))), '   \n  x'); // whitespace-only lines count
  assert.is(render(call('prim_templateIndent', 0n, text('a'))), 'a');
  assert.is(render(call('prim_templateIndent', -3n, text('a'))), 'a');
  assert.is(render(call('prim_templateIndent', 2n, empty())), '');
  assert.is(render(call('prim_templateIndent', 1n, call('prim_templateIndent', 1n, text('a\nb')))), '  a\n  b');
});

test('ensureNL', () => {
  assert.is(render(app(call('prim_templateEnsureNL', text('a')), text('b'))), 'a\nb');
  assert.is(render(app(call('prim_templateEnsureNL', text('a')), block('b'))), 'a\nb'); // no extra newline
  assert.is(render(call('prim_templateEnsureNL', text('a\n'))), 'a\n');
  assert.is(render(call('prim_templateEnsureNL', empty())), '');
  assert.ok(T(call('prim_templateEnsureNL', empty())).empty);
});

test('§1.8 hole conversions', () => {
  assert.is(render(lit(false, 'v=', hole(text('hi')))), 'v=hi');
  assert.is(render(lit(false, 'v=', hole(text(String(-5n))))), 'v=-5');
  assert.is(render(lit(false, 'v=', hole(text(call('prim_showFloat', { tag: 'Float', value: 1e7 }) as string)))), 'v=1.0e7');
  assert.is(render(lit(false, 'v=', hole(text('True')))), 'v=True');
});

test('consequences (verified)', () => {
  assert.is(render(lit(false, 'pre', hole(block('b')), 'post')), 'pre\nbpost');
  const inner = lit(true, 'inner line');
  assert.is(render(lit(true, 'outer:\n', hole(inner), '\nend')), 'outer:\ninner line\nend');
  assert.is(render(app(lit(false, hole(text('a\n'))), block('b'))), 'a\n\nb');
  assert.is(render(app(lit(false, hole(empty())), block('b'))), '\nb');
  assert.is(render(app(call('prim_templateIndent', 2n, block('a\nb')), text('c'))), '  a\n  bc');
});

test('leaf flags and normalisation', () => {
  const t = T(lit(false, '', 'a', '', 'b', hole(text('x')), 'c'));
  assert.equal(t.k === 'leaf' ? t.parts.map((p) => (p.k === 'text' ? p.text : '<hole>')) : [], ['ab', '<hole>', 'c']);
  const h = T(lit(true, hole(empty())));
  assert.equal([h.empty, h.startsNL, h.endsNL, h.block], [false, false, false, true]);
  const n = T(lit(false, '\nx\n'));
  assert.equal([n.empty, n.startsNL, n.endsNL, n.block], [false, true, true, false]);
  const e = T(lit(true));
  assert.equal([e.empty, e.block], [true, false]);
  assert.is(render(lit(true, hole(empty()))), '');
});

test('holes: spliced with block-aware append, re-evaluated at each render, nested holes expanded', () => {
  let count = 0n;
  const counter: TemplatePart = { k: 'hole', force: () => { count += 1n; return text(String(count)); } };
  const t = lit(false, 'n=', counter);
  assert.is(render(t), 'n=1');
  assert.is(render(t), 'n=2');
  const nested = lit(false, '[', hole(lit(false, '(', hole(block('x')), ')')), ']');
  assert.is(render(nested), '[(\nx)]');
  // An inline literal stays inline even when it splices a block, so a following block is separated.
  assert.not.ok(T(lit(false, hole(block('x')))).block);
  assert.is(render(app(text('a'), lit(true, 'b'))), 'a\nb');
  assert.is(render(app(lit(false, 'a', hole(text('\n'))), block('b'))), 'a\n\nb');
  // A hole's template joined by an append node keeps working through indent and ensureNL.
  const deep = call('prim_templateIndent', 2n, lit(false, hole(call('prim_templateEnsureNL', text('a'))), 'b'));
  assert.is(render(deep), '  a\n  b');
});

test('long joins render without deep recursion', () => {
  const items = Array.from({ length: 50_000 }, (_, i) => call('prim_templateEnsureNL', text(String(i))));
  const out = render(call('prim_templateJoin', text(''), list(items))) as string;
  assert.is(out.split('\n').length, 50_001);
  assert.ok(out.startsWith('0\n1\n2\n'));
});

test('errors', () => {
  throwsLune(() => text(5n), 'ExpectedString 5');
  throwsLune(() => line(5n), 'ExpectedString 5');
  throwsLune(() => block(5n), 'ExpectedString 5');
  throwsLune(() => call('prim_templateLines', 5n), 'NotARecord 5');
  throwsLune(() => call('prim_templateLines', list(['a', 1n])), 'ExpectedString 1');
  throwsLune(() => app(5n, text('a')), 'ExpectedTemplate 5');
  throwsLune(() => app(text('a'), 'x'), 'ExpectedTemplate "x"');
  throwsLune(() => call('prim_templateJoin', 5n, list([])), 'ExpectedTemplate 5');
  throwsLune(() => call('prim_templateJoin', text(','), 5n), 'NotARecord 5');
  throwsLune(() => call('prim_templateJoin', text(','), list([text('a'), 1n])), 'ExpectedTemplate 1');
  throwsLune(() => call('prim_templateVcat', list([1n])), 'ExpectedTemplate 1');
  throwsLune(() => call('prim_templateHcat', 'x'), 'NotARecord "x"');
  throwsLune(() => call('prim_templateIndent', 'x', text('a')), 'NotAFunction <prim>');
  throwsLune(() => call('prim_templateEnsureNL', 1n), 'ExpectedTemplate 1');
  throwsLune(() => render(1n), 'ExpectedTemplate 1');
  throwsLune(() => render(lit(false, 'a', hole('oops'))), 'ExpectedTemplate "oops"');
  assert.is(shown('prim_templateText', 'a'), '<template>');
});

test.run();
