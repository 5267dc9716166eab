/** Public entry of the checker: refuse unsupported constructs, or parse and check in one call. */
import type { Diagnostic } from '../diagnostics.ts';
import type { Program } from '../syntax/ast.ts';
import { parseProgram } from '../syntax/parser.ts';
import { desugarQualifiedPaths } from '../syntax/qualified.ts';
import { checkProgram } from './checker.ts';

export { checkProgram, DERIVABLE_TRAITS, IMPLEMENTABLE_TRAITS } from './checker.ts';

export type FrontEndResult = { ok: true; program: Program } | { ok: false; diagnostics: Diagnostic[] };

/** Parses and checks: a program the interpreter can run, or every diagnostic found. */
export function parseAndCheck(source: string, file = 'src/main.rs'): FrontEndResult {
  const parsed = parseProgram(source, file);
  if (!parsed.ok) return parsed;
  desugarQualifiedPaths(parsed.program);
  let diagnostics: Diagnostic[];
  try {
    diagnostics = checkProgram(parsed.program);
  } catch (e) {
    diagnostics = [
      { file, line: 1, col: 1, message: `internal checker error: ${String(e)}`, hint: 'please report this program' },
    ];
  }
  return diagnostics.length === 0 ? { ok: true, program: parsed.program } : { ok: false, diagnostics };
}
