// ir/shared/prims.ts: the one table of Lune primitives (PRIMITIVES.md §3–4): name, arity, capability group.
// The evaluator, the renamer's capability gate, the Go emitter and scripts/check-prims.ts all read it.

/** Capability groups (PRIMITIVES.md §4). A target supports a set of them. */
export type Capability =
  | 'ints' | 'floats' | 'bools' | 'strings' | 'templates' | 'json' | 'bytes' | 'io'
  | 'console' | 'files' | 'time' | 'stm' | 'tasks' | 'sockets' | 'tls' | 'process' | 'database' | 'ffi'
  /** Compiler-internal primitives that passes/fuse-lists.ts introduces: no target offers them to source programs. */
  | 'fused';

export interface PrimInfo {
  readonly name: string;
  /** 0 = a constant value (an IO action or a plain value), not a function. */
  readonly arity: number;
  readonly group: Capability;
}

const g = (group: Capability, entries: Record<string, number>): PrimInfo[] =>
  Object.entries(entries).map(([name, arity]) => ({ name, arity, group }));

/**
 * Every primitive, in PRIMITIVES.md order (119 typed names plus the 5 `$prim…` internals and the 3 `prim_io…`),
 * then the compiler's own (`$primShowValue`, `$primUnbound`, the 4 of the `fused` group) and the database ones.
 */
export const prims: readonly PrimInfo[] = [
  ...g('ints', { prim_addInt: 2, prim_subInt: 2, prim_mulInt: 2, prim_divInt: 2, prim_modInt: 2, prim_eqInt: 2,
    prim_leInt: 2, prim_geInt: 2, prim_showInt: 1, prim_parseInt: 1 }),
  ...g('bools', { prim_and: 2, prim_or: 2, prim_not: 1 }),
  ...g('floats', { prim_addFloat: 2, prim_subFloat: 2, prim_mulFloat: 2, prim_divFloat: 2, prim_eqFloat: 2,
    prim_gtFloat: 2, prim_ltFloat: 2, prim_geFloat: 2, prim_leFloat: 2, prim_fromIntFloat: 1,
    prim_truncateFloat: 1, prim_showFloat: 1 }),
  ...g('strings', { prim_appendString: 2, prim_eqString: 2, prim_stringToChars: 1, prim_charsToString: 1,
    prim_charToInt: 1, prim_intToChar: 1 }),
  ...g('io', { $primIOPure: 1, prim_ioPure: 1, $primIOBind: 2, prim_ioBind: 2, $primIOThen: 2, prim_ioThen: 2 }),
  ...g('templates', { prim_templateEmpty: 0, prim_templateText: 1, prim_templateLine: 1, prim_templateLines: 1,
    prim_templateBlock: 1, prim_templateAppend: 2, prim_templateJoin: 2, prim_templateVcat: 1,
    prim_templateHcat: 1, prim_templateIndent: 2, prim_templateEnsureNL: 1, prim_templateRender: 1 }),
  ...g('console', { prim_putStrLn: 1, prim_readLine: 0, prim_readInt: 0 }),
  ...g('files', { prim_readFile: 1, prim_writeFile: 2 }),
  ...g('time', { prim_timeNowMicros: 0, prim_sleepMs: 1 }),
  ...g('json', { prim_jsonParse: 1, prim_jsonStringify: 1, prim_jsonNull: 0, prim_jsonBool: 1, prim_jsonInt: 1,
    prim_jsonFloat: 1, prim_jsonString: 1, prim_jsonArray: 1, prim_jsonObject: 1, prim_jsonType: 1,
    prim_jsonGetField: 2, prim_jsonGetIndex: 2, prim_jsonToArray: 1, prim_jsonToBool: 1, prim_jsonToInt: 1,
    prim_jsonToFloat: 1, prim_jsonToString: 1, prim_jsonIsNull: 1 }),
  ...g('stm', { $primSTMPure: 1, $primSTMBind: 2, prim_newTVar: 1, prim_readTVar: 1, prim_writeTVar: 2,
    prim_retry: 0, prim_orElse: 2, prim_atomically: 1 }),
  ...g('tasks', { prim_spawn: 1, prim_await: 1, prim_awaitAny: 2, prim_yield: 0 }),
  ...g('bytes', { prim_bytesEmpty: 0, prim_bytesFromList: 1, prim_bytesToList: 1, prim_bytesLength: 1,
    prim_bytesConcat: 2, prim_bytesSlice: 3, prim_bytesPackInt32BE: 1, prim_bytesUnpackInt32BE: 1,
    prim_bytesPackInt16BE: 1, prim_bytesUnpackInt16BE: 1, prim_bytesFromString: 1, prim_bytesToString: 1 }),
  ...g('sockets', { prim_tcpListen: 1, prim_tcpAccept: 1, prim_tcpConnect: 2, prim_connRecv: 1, prim_connSend: 2,
    prim_connSendBytes: 2, prim_connRecvBytes: 2, prim_connClose: 1, prim_socketClose: 1 }),
  ...g('tls', { prim_tlsConnect: 2, prim_tlsSendBytes: 2, prim_tlsRecvBytes: 2, prim_tlsClose: 1 }),
  ...g('process', { prim_process_run: 1, prim_process_spawn: 1, prim_process_wait: 1, prim_process_kill: 2,
    prim_process_stdin_write: 2, prim_process_stdin_close: 1, prim_process_stdout_read: 2,
    prim_process_stderr_read: 2 }),
  // Not in PRIMITIVES.md, but Lune's evaluator accepts them (corpus 21–24 run them): they build the SQL
  // parameter values of prelude module Lune.Database, i.e. they are the constructors Lune.Database.DbInt …
  // (whose patterns the prelude matches). prim_dbNull is the nullary constructor itself.
  // Compiler-internal (like Lune's `$prim…` names, it cannot be written in source): the value printer of
  // PRIMITIVES.md §1.11, used by the `demo` entry point that ir/core/entry.ts synthesises.
  ...g('strings', { $primShowValue: 1 }),
  // Compiler-internal: `$primUnbound "prim_x"` stands for a name nobody defines (an undocumented primitive
  // the frontend accepted). Evaluating it fails with `UnboundVariable "prim_x"`, exactly when and where the
  // evaluator would fail, since top-level declarations are lazy and lambda bodies run only when called.
  ...g('strings', { $primUnbound: 1 }),
  // Compiler-internal, made by passes/fuse-lists.ts only (the 'fused' group is in no target's capabilities, so a
  // program cannot name them): each takes a list function `f` first and means `f xs…`, or for
  // $charsToStringRevOnto `prim_charsToString (f xs acc)` (ir/anf/eval.ts translates them so); runtime/lists.go
  // computes that without rebuilding the list.
  ...g('fused', { $listLength: 2, $listLengthOnto: 3, $listAppend: 3, $charsToStringRevOnto: 3 }),
  ...g('database', { prim_dbNull: 0, prim_dbInt: 1, prim_dbFloat: 1, prim_dbString: 1, prim_dbBool: 1 }),
];

/** The constructor each database primitive builds (see the 'database' group above). */
export const databaseConstructors: ReadonlyMap<string, string> = new Map([
  ['prim_dbNull', 'Lune.Database.DbNull'], ['prim_dbInt', 'Lune.Database.DbInt'], ['prim_dbFloat', 'Lune.Database.DbFloat'],
  ['prim_dbString', 'Lune.Database.DbString'], ['prim_dbBool', 'Lune.Database.DbBool'],
]);

export const primTable: ReadonlyMap<string, PrimInfo> = new Map(prims.map((p) => [p.name, p]));

export const lookupPrim = (name: string): PrimInfo | undefined => primTable.get(name);

/** A target: what it can run. `ffi` is the CForeignImport expression, not a primitive. */
export interface Target {
  readonly name: 'go' | 'evaluator';
  readonly capabilities: ReadonlySet<Capability>;
}

const all: Capability[] = ['ints', 'floats', 'bools', 'strings', 'templates', 'json', 'bytes', 'io', 'console',
  'files', 'time', 'stm', 'tasks', 'sockets', 'tls', 'process', 'database'];

/** The Go target: everything but FFI (no cgo: binaries stay self-contained). */
export const goTarget: Target = { name: 'go', capabilities: new Set(all) };
/** The reference evaluator: everything but FFI (it refuses CForeignImport with a clear error). */
export const evaluatorTarget: Target = { name: 'evaluator', capabilities: new Set(all) };

/**
 * The Go identifier of a primitive in package rt: `P_` + the name with `$` spelled `_dollar_`
 * (`prim_addInt` → `P_prim_addInt`, `$primIOBind` → `P__dollar_primIOBind`). Arity ≥ 1: a *rt.Func value;
 * arity 0: the constant itself. Saturated direct calls use `F_` + the same suffix (a plain Go func).
 */
export const goPrimValue = (name: string): string => 'P_' + name.replace(/\$/g, '_dollar_');
export const goPrimFunc = (name: string): string => 'F_' + name.replace(/\$/g, '_dollar_');
