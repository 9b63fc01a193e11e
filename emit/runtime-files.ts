// emit/runtime-files.ts: which files of the Go runtime a program gets. Every program gets the core files; the
// optional ones (a capability group each: sockets, TLS, processes, STM, …) only when main.go names something they
// define, or a file the program gets does. A program that never opens a socket then links neither net nor
// crypto/tls: its binary is half the size, starts about 2 ms sooner, and links faster.

/**
 * The optional runtime files. Every other file is core: the core must build on its own (emit.test.ts builds it),
 * so only these files may name what these files define.
 */
export const optionalRuntimeFiles: ReadonlySet<string> = new Set([
  'bytes.go', 'database.go', 'files.go', 'json.go', 'net.go', 'process.go', 'stm.go', 'template.go', 'time.go', 'tls.go',
]);

/**
 * The names a Go file declares at top level: functions, and the types, variables and constants of `type`, `var`
 * and `const` declarations (single or grouped). Methods are left out: a method belongs to a type declared in the
 * same package, and a file using it names that type or a function returning it.
 */
export function topLevelNames(source: string): Set<string> {
  const names = new Set<string>();
  const addAll = (list: string): void => { for (const n of list.split(',')) names.add(n.trim()); };
  let group = false;
  for (const line of source.split('\n')) {
    if (group) {
      if (line === ')') group = false;
      else {
        const m = /^\t([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)/.exec(line); // `a`, `a, b = …`, `T struct{…}`
        if (m !== null) addAll(m[1]!);
      }
      continue;
    }
    const fn = /^func ([A-Za-z_]\w*)[[(]/.exec(line);
    if (fn !== null) names.add(fn[1]!);
    else if (/^(type|var|const) \($/.test(line)) group = true;
    else {
      const single = /^(?:type|var|const) ([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)/.exec(line);
      if (single !== null) addAll(single[1]!);
    }
  }
  names.delete('init'); // every file may have its own init; no file can name another's
  names.delete('_');
  return names;
}

/**
 * The runtime files (names) a program gets, given the runtime's sources (file name → text) and the names main.go
 * selects from package rt: the core files, each optional file defining one of those names, and, transitively,
 * each optional file whose names an included file mentions (as a word: over-approximating is safe, it only links
 * a file more).
 */
export function runtimeFilesFor(sources: ReadonlyMap<string, string>, used: ReadonlySet<string>): Set<string> {
  const defs = new Map<string, Set<string>>();
  for (const [name, text] of sources) if (optionalRuntimeFiles.has(name)) defs.set(name, topLevelNames(text));
  const out = new Set<string>([...sources.keys()].filter((n) => !optionalRuntimeFiles.has(n)));
  const todo: string[] = [];
  const add = (name: string): void => { out.add(name); todo.push(name); };
  for (const [name, names] of defs) if ([...names].some((n) => used.has(n))) add(name); // each file once here
  while (todo.length > 0) {
    const text = sources.get(todo.pop()!)!;
    const words = new Set(text.match(/[A-Za-z_]\w*/g) ?? []);
    for (const [name, names] of defs) if (!out.has(name) && [...names].some((n) => words.has(n))) add(name);
  }
  return out;
}
