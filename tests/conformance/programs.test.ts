/**
 * Conformance: programs whose stdout, stderr and exit status were recorded from real Tokio 1.48
 * (tests/fixtures/conformance, see its README). Each must reproduce stdout byte for byte, the exit
 * status, and the panic messages on stderr (the recorded stderr has rustc's thread id removed and the
 * binary's path written as src/main.rs, which is what a `cargo run` of src/main.rs prints). rustc 1.95
 * also starts each panic report with an empty line; we print the report as earlier Rust releases
 * did (the format the issue fixes), so that empty line is not compared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../src/lang/run.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
/** Folder-relative names: the conformance programs, then the typed programs (same layout). */
const programs = ['conformance', 'typed'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.rs'))
    .sort()
    .map((f) => `${dir}/${f}`),
);

/** Programs the simulator does not reproduce yet, with the reason. Each must still fail: fix it, then remove it here. */
const KNOWN_GAPS: Record<string, string> = {};

function read(name: string, ext: string): string | undefined {
  const p = join(FIXTURES, name.replace(/\.rs$/, ext));
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

/** Drops the empty line rustc 1.95 writes before each `thread '…' panicked at` report. */
function withoutReportGaps(stderr: string): string {
  return stderr.replace(/(^|\n)\n(?=thread ')/g, '$1');
}

function check(name: string): void {
  const source = readFileSync(join(FIXTURES, name), 'utf8');
  const c = compile(source, 'src/main.rs');
  if (!c.ok)
    throw new Error(`did not compile: ${c.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('; ')}`);
  const r = runProgram(c.program, { seed: 1 });
  expect(r.stdout).toBe(read(name, '.txt'));
  expect(r.exitCode).toBe(Number(read(name, '.code') ?? '0'));
  expect(withoutReportGaps(r.stderr)).toBe(withoutReportGaps(read(name, '.stderr') ?? ''));
}

describe('conformance programs recorded from real Tokio 1.48', () => {
  it('has programs to run', () => {
    expect(programs.length).toBeGreaterThan(10);
  });
  for (const name of programs) {
    if (name in KNOWN_GAPS) it.fails(`${name} (known gap: ${KNOWN_GAPS[name]})`, () => check(name));
    else it(name, () => check(name));
  }
});
