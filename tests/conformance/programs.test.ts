/**
 * Conformance: programs whose stdout, stderr and exit status were recorded from real Tokio 1.48
 * (tests/fixtures/conformance, surface, typed and learners1, see their READMEs). Each must reproduce stdout byte for byte, the exit
 * status, and the panic messages on stderr (the recorded stderr has rustc's thread id removed and the
 * binary's path written as src/main.rs, which is what a `cargo run` of src/main.rs prints). rustc 1.95
 * also starts each panic report with an empty line; we print the report as earlier Rust releases
 * did (the format the issue fixes), so that empty line is not compared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../src/lang/run.ts';

/** Each corpus folder, with the least number of programs it must hold. */
const CORPORA: readonly (readonly [folder: string, atLeast: number])[] = [
  ['conformance', 10],
  // issue 13: watch, broadcast, RwLock, Barrier, OnceCell, the error enums, …
  ['surface', 347],
  // issue 10: programs whose meaning comes from types (paths as values, …)
  ['typed', 65],
  // issues 10 and 13: learner programs on task internals and the Rust around tasks, never seen before
  ['learners2', 41],
  // issues 10 and 13: learner-style Day 6 programs written without looking at the other corpora
  ['learners1', 75],
];

/** Programs the simulator does not reproduce yet, with the reason. Each must still fail: fix it, then remove it here. */
const KNOWN_GAPS: Record<string, string> = {};

function read(dir: string, name: string, ext: string): string | undefined {
  const p = join(dir, name.replace(/\.rs$/, ext));
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

/** Drops the empty line rustc 1.95 writes before each `thread '…' panicked at` report. */
function withoutReportGaps(stderr: string): string {
  return stderr.replace(/(^|\n)\n(?=thread ')/g, '$1');
}

function check(dir: string, name: string): void {
  const source = readFileSync(join(dir, name), 'utf8');
  const c = compile(source, 'src/main.rs');
  if (!c.ok)
    throw new Error(`did not compile: ${c.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('; ')}`);
  const r = runProgram(c.program, { seed: 1 });
  expect(r.stdout).toBe(read(dir, name, '.txt'));
  expect(r.exitCode).toBe(Number(read(dir, name, '.code') ?? '0'));
  expect(withoutReportGaps(r.stderr)).toBe(withoutReportGaps(read(dir, name, '.stderr') ?? ''));
}

for (const [folder, atLeast] of CORPORA) {
  const dir = join(import.meta.dirname, '../fixtures', folder);
  const programs = readdirSync(dir)
    .filter((f) => f.endsWith('.rs'))
    .sort();
  describe(`${folder} programs recorded from real Tokio 1.48`, () => {
    it('has programs to run', () => {
      expect(programs.length).toBeGreaterThanOrEqual(atLeast);
    });
    for (const name of programs) {
      const key = `${folder}/${name}`;
      if (key in KNOWN_GAPS) it.fails(`${name} (known gap: ${KNOWN_GAPS[key]})`, () => check(dir, name));
      else it(name, () => check(dir, name));
    }
  });
}
