// ir/core/read/values.ts: what the dump parser holds while it builds bottom-up: finished Core nodes plus the
// Show-level pieces around them (strings, lists, tuples, spans, records). Each item knows its offsets.
import type * as Core from '../core';
import type { Span } from '../../shared/span';

/** A value being built: a finished Core node or a piece of Show syntax around nodes. */
export type Val =
  | { readonly k: 'expr'; readonly e: Core.Expr }
  | { readonly k: 'pat'; readonly p: Core.Pattern }
  | { readonly k: 'type'; readonly t: Core.Type }
  | { readonly k: 'alt'; readonly a: Core.Alt }
  | { readonly k: 'decl'; readonly d: Core.Decl }
  | { readonly k: 'module'; readonly m: Core.Module }
  | { readonly k: 'part'; readonly p: Core.TemplatePart }
  | { readonly k: 'str'; readonly s: string }
  | { readonly k: 'int'; readonly n: bigint }
  | { readonly k: 'float'; readonly x: number }
  | { readonly k: 'char'; readonly c: number }
  | { readonly k: 'bool'; readonly b: boolean }
  | { readonly k: 'list'; readonly items: readonly Item[] }
  | { readonly k: 'tuple'; readonly items: readonly Item[] }
  | { readonly k: 'span'; readonly span: Span }
  | { readonly k: 'comments' }
  /** A record of a constructor we do not interpret by name (e.g. a `Constraint`). */
  | { readonly k: 'record'; readonly name: string; readonly fields: readonly (readonly [string, Item])[] }
  /** An application of a constructor we do not interpret by name (kept for CDictWanted's tolerance). */
  | { readonly k: 'con'; readonly name: string; readonly args: readonly Item[] }
  /** A bare identifier, before the parser knows whether arguments follow. */
  | { readonly k: 'ident'; readonly name: string };

/** A value with its source offsets in the dump: `at` (first char) and `end` (one past the last). */
export type Item = Val & { readonly at: number; readonly end: number };

/** How error messages name what they found. */
export function describe(v: Val): string {
  switch (v.k) {
    case 'expr': return `the expression ${v.e.tag}`;
    case 'pat': return `the pattern ${v.p.tag}`;
    case 'type': return `the type ${v.t.tag}`;
    case 'alt': return 'a CoreAlt';
    case 'decl': return 'a CoreDecl';
    case 'module': return 'a CoreModule';
    case 'part': return `the template part ${v.p.tag === 'TText' ? 'CTemplateText' : 'CTemplateHole'}`;
    case 'str': return 'a string';
    case 'int': return 'an integer';
    case 'float': return 'a floating-point number';
    case 'char': return 'a char';
    case 'bool': return v.b ? 'True' : 'False';
    case 'list': return 'a list';
    case 'tuple': return `a ${v.items.length}-tuple`;
    case 'span': return 'a Span';
    case 'comments': return 'Comments';
    case 'record': return `a ${v.name} record`;
    case 'con': return `the unknown constructor ${v.name}`;
    case 'ident': return `the identifier ${v.name}`;
  }
}
