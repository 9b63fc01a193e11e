// passes/to-goast/shapes.ts: the record shapes of a module, for selects by index. A record literal's shape is
// its sorted label set, one package-level label slice per shape (body.ts `record`). A label that exactly one
// shape of the module has is owned by that shape: a Select of it guesses that the record was built by one of
// those literals and reads the field at its index (rt.FieldIn1..4/N check the guess by the identity of the label
// slice, so a record of another shape, or built by the runtime, is searched as before: the guess never changes
// a result, only the cost). A label several shapes have is left to the search: no guess is better than another.
import type * as Anf from '../../ir/anf/anf';
import { forEachComp } from '../../ir/anf/walk';

/**
 * The labels of a record literal sorted as Go's sort.Strings sorts them and without repeats (the last of a
 * repeated label wins, as rt.MkRecord does), with each label's value; null when a label has a character beyond
 * the BMP (UTF-8 and UTF-16 orders differ there: such literals are left to rt.MkRecord).
 */
export function sortedFields(c: Anf.Record): { labels: string[]; values: ReadonlyMap<string, Anf.Atom> } | null {
  const values = new Map<string, Anf.Atom>();
  for (const f of c.fields) values.set(f.label, f.value);
  const labels = [...values.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // code-unit order
  if (labels.some((l) => /[\uD800-\uDFFF]/.test(l))) return null;
  return { labels, values };
}

/** Each label that exactly one shape of the module has → that shape's sorted labels. */
export function labelOwners(m: Anf.Module): ReadonlyMap<string, readonly string[]> {
  const shapes = new Map<string, string[]>();
  for (const d of m.decls) {
    forEachComp(d.body, (c) => {
      if (c.tag !== 'Record') return;
      const s = sortedFields(c);
      if (s !== null) shapes.set(JSON.stringify(s.labels), s.labels);
    });
  }
  const owners = new Map<string, readonly string[] | null>();
  for (const labels of shapes.values()) {
    for (const l of labels) owners.set(l, owners.has(l) ? null : labels);
  }
  const out = new Map<string, readonly string[]>();
  for (const [l, labels] of owners) if (labels !== null) out.set(l, labels);
  return out;
}
