/** Public entry of the Rust front end's syntax layer: parse, print, and the AST types. */
export { parseProgram } from './parser.ts';
export type { ParseResult } from './parser.ts';
export { printProgram } from './printer.ts';
export { lex } from './lexer.ts';
export { Token } from './tokens.ts';
export type { TokenKind } from './tokens.ts';
export { SUPPORTED_MACROS } from './parser-macro.ts';
export type * from './ast.ts';
export { forEachChild, walk } from './visit.ts';
export type { SyntaxNode } from './visit.ts';
