// ir/renamed/index.ts: the Renamed IR's public face: types, mk, printer, checker, evaluator.
export * from './renamed';
export { print, printExpr } from './print';
export { check } from './check';
export { toCore, runMain, evalDecl } from './eval';
