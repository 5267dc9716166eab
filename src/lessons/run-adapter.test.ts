import { describe, expect, it } from 'vitest';
import { adaptRunModule, toRunResult } from './run-adapter.ts';

describe('adaptRunModule', () => {
  it('finds the entry point and passes source, file and seed', async () => {
    const calls: unknown[] = [];
    const runner = adaptRunModule({
      runProgram: (source: string, options: unknown) => {
        calls.push([source, options]);
        return { stdout: 'hi\n', events: [] };
      },
    });
    if (typeof runner === 'string') throw new Error(runner);
    expect(await runner('fn main() {}', { file: 'a.rs', seed: 3 })).toEqual({ ok: true, stdout: 'hi\n', events: [] });
    expect(calls).toEqual([['fn main() {}', { file: 'a.rs', seed: 3 }]]);
  });

  it('says why when the module has no known entry point', () => {
    expect(adaptRunModule({ other: 1 })).toMatch(/exports none of runScenario, runProgram, runSource, run/);
  });
});

describe('toRunResult', () => {
  it('reads compile errors with spans', () => {
    expect(toRunResult({ ok: false, diagnostics: [{ span: { line: 4, col: 2 }, message: 'unknown macro' }] })).toEqual({
      ok: false,
      errors: [{ line: 4, message: 'unknown macro' }],
    });
  });

  it('turns an unreadable result into an error, not a pass', () => {
    const r = toRunResult(42);
    expect(r.ok).toBe(false);
  });
});
