// ir/pattern-compiled/index.ts: the PatternCompiled IR's public face: types, mk, printer, checker, evaluator.
export * from './pattern-compiled';
export { print, printExpr, showFail } from './print';
export { check } from './check';
export { toCore, runMain, evalDecl, failToCore } from './eval';
export { showPattern, parseShownPattern } from './show-pattern';
