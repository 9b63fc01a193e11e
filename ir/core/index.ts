// ir/core/index.ts: the Core IR's public face: types and `mk`, the two readers, the printer, the checker.
export * from './core';
export { print, printExpr, printType, type PrintOptions } from './print';
export { parseCore } from './parse';
export { readDump } from './read';
export { check } from './check';
export { loadModule } from './load';
