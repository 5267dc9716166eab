import { describe, expect, it } from 'vitest';
import { DiagnosticError, diagnosticAt, formatDiagnostic } from './diagnostics.ts';

describe('formatDiagnostic', () => {
  const source = 'fn main() {\n    let x = unsafe { 1 };\n}\n';

  it('prints file:line:col, the source line, carets under the span and the hint', () => {
    const d = diagnosticAt(
      'src/main.rs',
      { line: 2, col: 13, endLine: 2, endCol: 19 },
      'unsafe blocks are not supported',
      'remove `unsafe`',
    );
    expect(formatDiagnostic(d, source)).toBe(
      [
        'src/main.rs:2:13: error: unsafe blocks are not supported',
        '2 |     let x = unsafe { 1 };',
        '  |             ^^^^^^',
        '  = hint: remove `unsafe`',
      ].join('\n'),
    );
  });

  it('underlines to the end of the line for a multi-line span and at least one caret', () => {
    const multi = formatDiagnostic({ file: 'f', line: 1, col: 4, endLine: 3, endCol: 2, message: 'm' }, source);
    expect(multi.split('\n')[2]).toBe('  |    ^^^^^^^^');
    const point = formatDiagnostic({ file: 'f', line: 3, col: 2, message: 'm' }, source);
    expect(point.split('\n')[2]).toBe('  |  ^');
  });

  it('keeps tabs so carets line up, and survives positions outside the text', () => {
    const out = formatDiagnostic({ file: 'f', line: 1, col: 3, endCol: 4, message: 'm' }, '\t\tx');
    expect(out.split('\n')[2]).toBe('  | \t\t^');
    expect(formatDiagnostic({ file: 'f', line: 9, col: 1, message: 'gone' }, 'a')).toBe('f:9:1: error: gone');
    expect(formatDiagnostic({ file: 'f', line: 1, col: 50, message: 'eol' }, 'abc').split('\n')[2]).toBe('  |    ^');
  });

  it('wraps a diagnostic in an Error for throwing inside the front end', () => {
    const e = new DiagnosticError({ file: 'f', line: 1, col: 1, message: 'boom' });
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('boom');
    expect(e.diagnostic.file).toBe('f');
  });
});
