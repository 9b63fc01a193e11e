// ir/pattern-compiled/show-pattern.ts: the printed pattern that a lambda-parameter Fail carries, and its
// inverse (for the evaluators, which translate Fail back to a Core lambda whose match fails).
//
// Form: the one the reference evaluator (ir/core/eval/resolve.ts) prints, i.e. Haskell's derived Show of
// `Lune.Syntax.Pattern` WITHOUT the `Located {…}` wrappers Lune's own evaluator would print around
// sub-patterns, parenthesised as an argument of the error (precedence 11):
// `(PCon "Lune.Prelude.Just" [PVar "x",PWildcard])`, so the error line is
// `PatternMatchFailure ` + pattern + ` ` + value (what rt.PatternFail and the evaluator print).
import { match } from 'ts-pattern';
import * as Core from '../core/core';
import { decodeEscape } from '../core/read/escapes';
import { showString } from '../shared/show';
import type * as R from '../renamed/renamed';

/** `(PCon "K" [PVar "x",PWildcard,PString "s"])`; variables under the name the source gave them. */
export function showPattern(p: R.Pattern): string {
  return `(${shows(p)})`;
}

function shows(p: R.Pattern): string {
  return match(p)
    .with({ tag: 'PVar' }, (v) => `PVar ${showString(v.source)}`)
    .with({ tag: 'PWild' }, () => 'PWildcard')
    .with({ tag: 'PString' }, (s) => `PString ${showString(s.value)}`)
    .with({ tag: 'PCon' }, (c) => `PCon ${showString(c.con)} [${c.args.map(shows).join(',')}]`)
    .exhaustive();
}

/** The Core pattern `showPattern` printed; throws on text it did not produce. */
export function parseShownPattern(text: string): Core.Pattern {
  let i = 0;
  const fail = (): never => {
    throw new Error(`not a shown pattern at offset ${i}: ${text}`);
  };
  const eat = (s: string): boolean => (text.startsWith(s, i) ? ((i += s.length), true) : false);
  const str = (): string => {
    if (!eat('"')) fail();
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const e = decodeEscape(text, i, true);
        if (e.code >= 0) out += String.fromCodePoint(e.code);
        i = e.end;
      } else {
        const cp = text.codePointAt(i)!;
        out += String.fromCodePoint(cp);
        i += cp > 0xffff ? 2 : 1;
      }
    }
    if (!eat('"')) fail();
    return out;
  };
  const pat = (): Core.Pattern => {
    if (eat('PWildcard')) return Core.mk.pwild();
    if (eat('PVar ')) return Core.mk.pvar(str());
    if (eat('PString ')) return Core.mk.pstring(str());
    if (!eat('PCon ')) return fail();
    const con = str();
    const args: Core.Pattern[] = [];
    if (!eat(' [')) fail();
    while (!eat(']')) {
      if (args.length > 0 && !eat(',')) fail();
      args.push(pat());
    }
    return Core.mk.pcon(con, args);
  };
  if (!eat('(')) fail();
  const p = pat();
  if (!eat(')') || i !== text.length) fail();
  return p;
}
