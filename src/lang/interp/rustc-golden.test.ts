/**
 * Plain-Rust programs (std only) whose expected stdout was produced by rustc 1.95 on this machine:
 * drop order (scopes, moves, temporaries, partial moves, containers, closures), expressions,
 * patterns, traits, iterators and formatting. A first line `// nocheck` runs the program without
 * the checker (features the interpreter runs but the checker does not admit yet).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRust } from './test-support.ts';

const DIR = join(import.meta.dirname, 'testdata');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.rs'))
  .sort();

describe('rustc golden outputs', () => {
  for (const name of cases) {
    it(name, () => {
      const source = readFileSync(join(DIR, name), 'utf8');
      const expected = readFileSync(join(DIR, name.replace(/\.rs$/, '.txt')), 'utf8');
      const r = runRust(source, { check: !source.startsWith('// nocheck') });
      expect(r.stdout).toBe(expected);
      expect(r.exitCode).toBe(0);
    });
  }
});
