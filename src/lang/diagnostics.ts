/**
 * Located errors of the Rust front end (design.md §5: "the checker says precisely what is
 * unsupported, with file:line:col"). Lexer, parser and checker report through these; nothing else
 * should reach the learner, so the front end turns every failure into a Diagnostic.
 */

export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units of the line. */
  col: number;
  /** Exclusive end of the span, when known. */
  endLine?: number;
  endCol?: number;
  /** One sentence: what is wrong or not supported. */
  message: string;
  /** rustc's code for the same error (`E0308`, or a lint name such as `overflowing_literals`), when it has one. */
  code?: string;
  /** What to write instead. */
  hint?: string;
  /** Absent means an error; a warning does not stop the program from running. */
  severity?: 'error' | 'warning';
}

/** Anything with a start and an exclusive end position (AST spans, tokens). */
export interface Located {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export function diagnosticAt(file: string, at: Located, message: string, hint?: string): Diagnostic {
  const d: Diagnostic = { file, line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, message };
  if (hint !== undefined) d.hint = hint;
  return d;
}

/** Thrown inside the front end and caught at its entry points; never escapes to callers. */
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'DiagnosticError';
    this.diagnostic = diagnostic;
  }
}

/**
 * Renders a diagnostic the way compilers do:
 *
 *     src/main.rs:3:13: error: unsafe blocks are not supported
 *       3 |     let x = unsafe { 1 };
 *         |             ^^^^^^
 *         = hint: write a safe expression instead
 */
export function formatDiagnostic(d: Diagnostic, sourceText: string): string {
  if (d.code !== undefined || d.severity !== undefined) return formatRustc(d, sourceText);
  const head = `${d.file}:${d.line}:${d.col}: error: ${d.message}`;
  const { pad, lines } = sourceLines(d, sourceText);
  const out = [head, ...lines];
  if (d.hint !== undefined) out.push(`${pad} = hint: ${d.hint}`);
  return out.join('\n');
}

/** The quoted source line and the carets under the span (none when the line is outside the text). */
function sourceLines(d: Diagnostic, sourceText: string): { pad: string; lines: string[] } {
  const all = sourceText.split('\n');
  const text = (all[d.line - 1] ?? '').replace(/\r$/, '');
  const gutter = String(d.line);
  const pad = ' '.repeat(gutter.length);
  if (d.line < 1 || d.line > all.length) return { pad, lines: [] };
  const startCol = Math.min(Math.max(d.col, 1), text.length + 1);
  const onOneLine = d.endLine === undefined || d.endLine === d.line;
  const rawEnd = onOneLine && d.endCol !== undefined ? d.endCol : text.length + 1;
  const endCol = Math.min(Math.max(rawEnd, startCol + 1), Math.max(text.length + 1, startCol + 1));
  // Keep tabs as tabs so the carets line up under the source in any tab width.
  const lead = text.slice(0, startCol - 1).replace(/[^\t]/g, ' ');
  return { pad, lines: [`${gutter} | ${text}`, `${pad} | ${lead}${'^'.repeat(endCol - startCol)}`] };
}

/**
 * rustc's layout, for the errors and warnings rustc itself would give (the type checker's):
 *
 *     error[E0308]: mismatched types
 *      --> src/main.rs:3:18
 *       |
 *     3 |     let y: i32 = "no";
 *       |                  ^^^^ expected `i32`, found `&str`
 */
function formatRustc(d: Diagnostic, sourceText: string): string {
  const level = d.severity === 'warning' ? 'warning' : 'error';
  const { pad, lines } = sourceLines(d, sourceText);
  const out = [
    `${level}${d.code !== undefined ? `[${d.code}]` : ''}: ${d.message}`,
    `${pad}--> ${d.file}:${d.line}:${d.col}`,
  ];
  if (lines.length > 0) out.push(`${pad} |`, ...lines);
  if (d.hint !== undefined) {
    if (level === 'error' && lines.length > 0) out[out.length - 1] += ` ${d.hint}`;
    else out.push(`${pad} = note: ${d.hint}`);
  }
  return out.join('\n');
}
