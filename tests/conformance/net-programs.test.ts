/**
 * The network corpus (tests/fixtures/net, recorded from real Tokio 1.48 with its I/O driver):
 * each program must match stdout and exit status byte for byte, on every seed we try (the
 * multi_thread ones too: their output may not depend on which worker ran what). A program listed
 * in KNOWN_GAPS must fail that check and be refused with a located diagnostic, never an internal
 * error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../src/lang/run.ts';

const dir = join(import.meta.dirname, '../fixtures/net');
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.rs'))
  .sort();

/** Programs the simulator does not reproduce yet, each with the reason. */
const KNOWN_GAPS = new Set<string>([]);

function sidecar(name: string, ext: string): string | undefined {
  const p = join(dir, name.replace(/\.rs$/, ext));
  return existsSync(p) ? readFileSync(p, 'utf8').trim() : undefined;
}

function outcome(name: string, seed = 1): { stdout: string; exitCode: number } | { refused: string[] } {
  const c = compile(readFileSync(join(dir, name), 'utf8'), 'src/main.rs');
  if (!c.ok) return { refused: c.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`) };
  // `.ctrl-c-at`: when the recording pressed Ctrl-C (ms after start, comma-separated)
  const presses = sidecar(name, '.ctrl-c-at')?.split(',').map(Number);
  const r = runProgram(c.program, { seed, ...(presses !== undefined ? { ctrlCAtMs: presses } : {}) });
  return { stdout: r.stdout, exitCode: r.exitCode };
}

describe('network programs recorded from real Tokio 1.48', () => {
  it('holds at least 30 programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(30);
  });
  for (const name of programs) {
    const expected = readFileSync(join(dir, name.replace(/\.rs$/, '.txt')), 'utf8');
    if (KNOWN_GAPS.has(name)) {
      it(`${name} (known gap) is refused where and why`, () => {
        const o = outcome(name);
        expect('refused' in o || o.stdout !== expected).toBe(true);
        if (!('refused' in o)) return;
        expect(o.refused.length).toBeGreaterThan(0);
        for (const line of o.refused) {
          expect(line).toMatch(/^[1-9]\d*:[1-9]\d* /);
          expect(line).not.toMatch(/internal|undefined|TypeError|RangeError/);
        }
      });
    } else {
      it(name, () => {
        const exitCode = Number(sidecar(name, '.code') ?? '0');
        for (const seed of [1, 2, 3]) expect(outcome(name, seed)).toEqual({ stdout: expected, exitCode });
      });
    }
  }
});
