// ir/goast/ident.ts: Lune names → Go identifiers. `mangle` is the pure spelling rule; `GoNames` is the per-file
// table that makes the result collision-free (a clash gets a stable numeric suffix) and remembers Go → Lune.

/** The 25 Go keywords. */
export const goKeywords: ReadonlySet<string> = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go',
  'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);

/** Go's predeclared identifiers: shadowing one (`len`) would break generated code that uses it. */
export const goPredeclared: ReadonlySet<string> = new Set([
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8',
  'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'true', 'false', 'iota', 'nil',
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new',
  'panic', 'print', 'println', 'real', 'recover',
]);

/**
 * Spells a Lune name as a Go identifier: letters, digits and `_` stay, `.` → `_`, `$` → `_dollar_`, any other
 * character → `_uXXXX_` (its code point in hex). A leading digit gets a `_` prefix. Not injective on its own
 * (`a.b` and `a_b` both give `a_b`): GoNames resolves clashes.
 */
export function mangle(lune: string): string {
  // Most names are plain identifiers already, or qualified ones (`Main.foo`): no per-character work for those.
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(lune)) return lune.replaceAll('.', '_');
  let out = '';
  for (const ch of lune) {
    if (/^[A-Za-z0-9_]$/.test(ch)) out += ch;
    else if (ch === '.') out += '_';
    else if (ch === '$') out += '_dollar_';
    else out += `_u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`;
  }
  if (out === '' || /^[0-9]/.test(out)) out = '_' + out;
  return out;
}

/**
 * The identifiers of one Go file. Every name handed out is distinct from every other one, from Go keywords
 * and predeclared identifiers, and from the reserved names given at construction (package names, `main`, …).
 * Requests are answered in order, so the same sequence of requests always gives the same names.
 */
export class GoNames {
  private readonly taken = new Set<string>(['_', ...goKeywords, ...goPredeclared]);
  private readonly luneOf = new Map<string, string>();
  // Next suffix to try per base, so asking for `hole` thousands of times stays linear.
  private readonly nextSuffix = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }

  /**
   * A fresh Go identifier for `lune` (mangled, prefixed by `prefix`); recorded in the debug map when `debug`,
   * under `debugAs` when given (a function's worker and boxed half are both named for the Lune function).
   */
  fresh(lune: string, opts: { prefix?: string; debug?: boolean; debugAs?: string } = {}): string {
    const base = (opts.prefix ?? '') + mangle(lune);
    let name = base;
    let i = this.nextSuffix.get(base) ?? 1;
    while (this.taken.has(name)) name = `${base}_${i++}`;
    this.nextSuffix.set(base, i);
    this.taken.add(name);
    if (opts.debug === true) this.luneOf.set(name, opts.debugAs ?? lune);
    return name;
  }

  /** True when `name` has been handed out or reserved. */
  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** Go identifier → Lune name, for the names requested with `debug`, in request order. */
  debugMap(): ReadonlyMap<string, string> {
    return this.luneOf;
  }
}
