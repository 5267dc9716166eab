/**
 * End to end: every real Tokio program in tests/fixtures/examples runs here unmodified and prints
 * byte for byte what real Tokio 1.48 printed (the `.txt` beside it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from './run.ts';

const DIR = join(import.meta.dirname, '../../tests/fixtures/examples');
const programs = readdirSync(DIR)
  .filter((f) => f.endsWith('.rs'))
  .sort();

describe('example programs', () => {
  it('has examples to run', () => {
    expect(programs.length).toBeGreaterThan(0);
  });
  for (const name of programs) {
    it(name, () => {
      const source = readFileSync(join(DIR, name), 'utf8');
      const expected = readFileSync(join(DIR, name.replace(/\.rs$/, '.txt')), 'utf8');
      const c = compile(source, 'src/main.rs');
      if (!c.ok) throw new Error(JSON.stringify(c.diagnostics));
      const r = runProgram(c.program, { seed: 1 });
      expect(r.stdout).toBe(expected);
      expect(r.exitCode).toBe(0);
    });
  }
});
