/** A located problem as one line, the way compilers print it: `file:line:col: message`. */
import type { SourceProblem } from '../../worker/protocol.ts';

export function formatProblem(file: string, p: SourceProblem): string {
  const at = p.line > 0 ? `${file}:${p.line}:${p.col > 0 ? p.col : 1}: ` : '';
  return `${at}${p.message}${p.hint !== undefined ? ` (hint: ${p.hint})` : ''}`;
}
