/**
 * The parser's entry point: source text → Program, or located diagnostics. Every failure inside
 * the front end becomes a Diagnostic here; no JS exception reaches the caller.
 */
import { DiagnosticError } from '../diagnostics.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Program } from './ast.ts';
import { lex } from './lexer.ts';
import { parseInnerAttrs } from './parser-attr.ts';
import { Parser } from './parser-core.ts';
import { parseItems } from './parser-item.ts';
import type { Token } from './tokens.ts';

export type ParseResult = { ok: true; program: Program } | { ok: false; diagnostics: Diagnostic[] };

export function parseProgram(source: string, file = 'src/main.rs'): ParseResult {
  let tokens: Token[];
  try {
    tokens = lex(source, file);
  } catch (e) {
    return { ok: false, diagnostics: [toDiagnostic(e, file, null)] };
  }
  const p = new Parser(tokens, file);
  try {
    const attrs = parseInnerAttrs(p);
    const items = parseItems(p, null);
    const first = tokens[0];
    const last = p.prev;
    const span = { line: 1, col: 1, endLine: last.endLine, endCol: last.endCol, start: 0, end: source.length };
    if (first.kind === 'eof') span.endLine = first.endLine;
    return { ok: true, program: { kind: 'Program', file, attrs, items, span } };
  } catch (e) {
    return { ok: false, diagnostics: [toDiagnostic(e, file, p.tok)] };
  }
}

/** Turns anything thrown into a located Diagnostic (a stack overflow or a bug included). */
function toDiagnostic(e: unknown, file: string, at: Token | null): Diagnostic {
  if (e instanceof DiagnosticError) return e.diagnostic;
  const where = at ?? { line: 1, col: 1, endLine: 1, endCol: 2 };
  const tooDeep = e instanceof RangeError;
  return {
    file,
    line: where.line,
    col: where.col,
    endLine: where.endLine,
    endCol: where.endCol,
    message: tooDeep ? 'this code is nested too deeply' : `internal parser error: ${String(e)}`,
    hint: tooDeep ? 'split it into smaller functions' : 'please report this program',
  };
}
