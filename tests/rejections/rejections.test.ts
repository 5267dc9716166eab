/**
 * The rejection corpus (tests/fixtures/rejections, see its README): wrong programs a learner
 * writes, each with what real rustc 1.95 + tokio 1.48 said. For a refused program our first error
 * must carry rustc's code and primary line:col; for a program that builds (a future never awaited
 * only warns) it must run and print what the real binary printed.
 *
 * The checker is being written; known-gaps.json is a ratchet of the programs we do not match yet,
 * with what we produce today. A listed program that now matches fails the test (take it off the
 * list), and an unlisted one that stops matching fails too. `UPDATE_KNOWN_GAPS=1` rewrites the list.
 *
 * Whatever we do not match yet, every program must end in a located diagnostic or a real run, never
 * an internal error, `undefined`, a JavaScript stack trace or a panic the program does not have.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RejectionRecord } from './record.ts';
import { judgeProgram, outcomeLine, type Outcome } from '../../src/lang/outcome.ts';

const DIR = join(import.meta.dirname, '../fixtures/rejections');
const GAPS_FILE = join(import.meta.dirname, 'known-gaps.json');

const programs = readdirSync(DIR)
  .filter((f) => /^\d{3}_.*\.rs$/.test(f))
  .sort()
  .map((f) => f.slice(0, -3));
const gaps = JSON.parse(readFileSync(GAPS_FILE, 'utf8')) as Record<string, string>;
const seen: Record<string, string> = {};

function matches(exp: RejectionRecord, o: Outcome): boolean {
  if (exp.level === 'warning') return o.kind === 'exit' && o.exitCode === exp.exitCode && o.stdout === exp.stdout;
  if (o.kind !== 'refused') return false;
  const d = o.diagnostic;
  return (d.code ?? null) === exp.code && d.line === exp.line && d.col === exp.col;
}

describe('rejection corpus recorded from rustc 1.95 + tokio 1.48', () => {
  it('has at least 110 programs, each with its recording', () => {
    expect(programs.length).toBeGreaterThanOrEqual(110);
    for (const p of programs) expect(() => readFileSync(join(DIR, `${p}.expected.json`))).not.toThrow();
  });

  it('lists only existing programs as known gaps', () => {
    expect(Object.keys(gaps).filter((g) => !programs.includes(g))).toEqual([]);
  });

  for (const name of programs) {
    it(name, () => {
      const source = readFileSync(join(DIR, `${name}.rs`), 'utf8');
      const exp = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as RejectionRecord;
      const o = judgeProgram(source);
      // The strict invariant holds for every program, listed or not.
      expect(o.kind === 'bad' ? o.reason : 'ok').toBe('ok');
      const ok = matches(exp, o);
      if (!ok) seen[name] = outcomeLine(o);
      const want = `${exp.code ?? '-'} ${exp.line}:${exp.col}`;
      if (name in gaps) expect(ok, `${name} now matches rustc (${want}): remove it from known-gaps.json`).toBe(false);
      else expect(outcomeLine(o), `rustc says ${want} ${exp.message}`).toBe(ok ? outcomeLine(o) : `matches ${want}`);
    });
  }

  afterAll(() => {
    if (process.env['UPDATE_KNOWN_GAPS'] === '1') writeFileSync(GAPS_FILE, JSON.stringify(seen, null, 2) + '\n');
  });
});
