// ir/core/check.ts: well-formedness of a Core module beyond what the types say: non-empty lambdas, unique
// top-level names, patterns binding each name once, every variable bound, no leftover CDictWanted.
import type * as Core from './core';
import { looksLikeConstructor } from './core';
import { assertNever, diag, type Diagnostic } from '../shared/diagnostic';
import { showSpan, type Span } from '../shared/span';
import { primTable } from '../shared/prims';

/** Local binders in scope, innermost first (a linked list: sharing makes entering a binder O(1)). */
interface Scope { readonly name: string; readonly parent: Scope | undefined }

/** Every well-formedness problem of `m`, in source order. Iterative, so any nesting depth is fine. */
export function check(m: Core.Module): Diagnostic[] {
  const out: Diagnostic[] = [];
  const globals = new Map<string, Core.Decl>();
  for (const d of m.decls) {
    if (d.name === '') continue; // the elaborator's placeholders (PRIMITIVES.md §1.1)
    const first = globals.get(d.name);
    if (first === undefined) globals.set(d.name, d);
    else out.push(diag('core', `duplicate top-level name ${d.name}${at(first.span)}`, d.span));
  }
  const isGlobal = (x: string): boolean => globals.has(x) || primTable.has(x) || looksLikeConstructor(x);
  for (const d of m.decls) checkExpr(d.body, d, isGlobal, out);
  return out;
}

const at = (s: Span): string => (showSpan(s) === '' ? '' : ` (first defined at ${showSpan(s)})`);

function checkExpr(root: Core.Expr, decl: Core.Decl, isGlobal: (x: string) => boolean, out: Diagnostic[]): void {
  const where = decl.name === '' ? 'a placeholder declaration' : decl.name;
  const todo: [Core.Expr, Scope | undefined][] = [[root, undefined]];
  for (let item = todo.pop(); item !== undefined; item = todo.pop()) {
    const [e, scope] = item;
    switch (e.tag) {
      case 'CVar':
        if (!bound(scope, e.name) && !isGlobal(e.name)) out.push(diag('core', `unbound variable ${e.name} in ${where}`, e.span));
        break;
      case 'CString': case 'CInt': case 'CFloat': case 'CChar': case 'CForeignImport':
        break;
      case 'CTemplate':
        for (let i = e.parts.length - 1; i >= 0; i--) {
          const p = e.parts[i]!;
          if (p.tag === 'THole') todo.push([p.expr, scope]);
        }
        break;
      case 'CApp':
        todo.push([e.arg, scope], [e.fn, scope]);
        break;
      case 'CLam':
        if (e.params.length === 0) out.push(diag('core', `lambda without parameters in ${where}`, e.span));
        todo.push([e.body, bindAll(e.params, scope, where, out)]);
        break;
      case 'CLet':
        // Non-recursive: the name is not in scope in its own right-hand side.
        todo.push([e.body, { name: e.name, parent: scope }], [e.rhs, scope]);
        break;
      case 'CCase':
        for (let i = e.alts.length - 1; i >= 0; i--) {
          const a = e.alts[i]!;
          todo.push([a.body, bindAll([a.pattern], scope, where, out)]);
        }
        todo.push([e.scrutinee, scope]);
        break;
      case 'CRecord':
        for (let i = e.fields.length - 1; i >= 0; i--) todo.push([e.fields[i]!.value, scope]);
        break;
      case 'CSelect':
        todo.push([e.record, scope]);
        break;
      case 'CDictWanted':
        out.push(diag('core', `unresolved type-class dictionary (CDictWanted ${e.constraint.className}) in ${where}`, e.span));
        break;
      default:
        assertNever(e, 'core'); // a plain switch keeps this loop iterative; assertNever keeps it exhaustive
    }
  }
}

function bound(scope: Scope | undefined, x: string): boolean {
  for (let s = scope; s !== undefined; s = s.parent) if (s.name === x) return true;
  return false;
}

/** Extends `scope` with the variables of `pats` (one lambda's parameters, or one alternative's pattern). */
function bindAll(pats: readonly Core.Pattern[], scope: Scope | undefined, where: string, out: Diagnostic[]): Scope | undefined {
  const seen = new Set<string>();
  const todo = [...pats].reverse();
  let s = scope;
  for (let p = todo.pop(); p !== undefined; p = todo.pop()) {
    switch (p.tag) {
      case 'PVar':
        if (seen.has(p.name)) out.push(diag('core', `the name ${p.name} is bound more than once in one pattern in ${where}`, p.span));
        seen.add(p.name);
        s = { name: p.name, parent: s };
        break;
      case 'PCon':
        for (let i = p.args.length - 1; i >= 0; i--) todo.push(p.args[i]!);
        break;
      case 'PWildcard': case 'PString':
        break;
      default:
        assertNever(p, 'core');
    }
  }
  return s;
}
