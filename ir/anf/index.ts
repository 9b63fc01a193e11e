// ir/anf/index.ts: the ANF IR's public face: types, mk, printer, checker, evaluator.
export * from './anf';
export { print, printExpr } from './print';
export { check } from './check';
export { toCore, runMain, evalDecl } from './eval';
export { forEachAtom, forEachBinder, forEachComp } from './walk';
