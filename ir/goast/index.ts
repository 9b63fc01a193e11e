// ir/goast/index.ts: the GoAst IR's public face: types and constructors, printer, checker, identifiers.
export * from './goast';
export { print, printDecl, printStmt, printExpr, quote } from './print';
export { check } from './check';
export { mangle, GoNames, goKeywords, goPredeclared } from './ident';
