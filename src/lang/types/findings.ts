/**
 * What the checker found, tagged with the rustc phase that would report it. rustc stops after a
 * phase that found errors (name resolution, then type checking, then match checking, then borrow
 * checking and lints), so a learner sees the errors of the earliest phase only, as with cargo.
 */
import type { Diagnostic, Located } from '../diagnostics.ts';

export type Phase = 'resolve' | 'typeck' | 'match' | 'borrowck' | 'lint';

export const PHASES: readonly Phase[] = ['resolve', 'typeck', 'match', 'borrowck', 'lint'];

export interface Finding {
  readonly phase: Phase;
  readonly diagnostic: Diagnostic;
}

export class Findings {
  readonly list: Finding[] = [];
  constructor(readonly file: string) {}

  error(phase: Phase, at: Located, code: string | null, message: string, hint?: string): void {
    const d = this.at(at, message, hint);
    if (code !== null) d.code = code;
    d.severity = 'error';
    this.list.push({ phase, diagnostic: d });
  }

  warning(at: Located, message: string, hint?: string): void {
    const d = this.at(at, message, hint);
    d.severity = 'warning';
    this.list.push({ phase: 'lint', diagnostic: d });
  }

  private at(at: Located, message: string, hint: string | undefined): Diagnostic {
    const d: Diagnostic = {
      file: this.file,
      line: at.line,
      col: at.col,
      endLine: at.endLine,
      endCol: at.endCol,
      message,
    };
    if (hint !== undefined) d.hint = hint;
    return d;
  }
}
