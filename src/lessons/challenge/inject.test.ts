import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFailureTable, injectSchedule } from './inject.ts';
import { formatSchedule, LESSON_SCHEDULE, parseSchedule } from './schedule.ts';

const DIR = 'lessons/day06-tasks-joinset-cancellation';
const starter = readFileSync(`${DIR}/27-pool-starter.rs`, 'utf8');
const solution = readFileSync(`${DIR}/solutions/pool.rs`, 'utf8');

describe('the failure table', () => {
  it('the starter and the solution both ship the lesson schedule', () => {
    expect(findFailureTable(starter)?.schedule).toEqual(LESSON_SCHEDULE);
    expect(findFailureTable(solution)?.schedule).toEqual(LESSON_SCHEDULE);
  });

  it('injecting replaces only the table literal, keeping every line', () => {
    const schedule = [{ slot: 1, attempt: 1, afterMs: 7, panics: false }];
    const r = injectSchedule(starter, schedule);
    if (!r.ok) throw new Error(r.message);
    expect(r.source.split('\n').length).toBe(starter.split('\n').length);
    expect(r.source).toContain('const FAILURES: &[(usize, u32, u64, bool)] = &[(1, 1, 7, false)];');
    expect(r.source.replace('&[(1, 1, 7, false)]', formatSchedule(LESSON_SCHEDULE))).toBe(starter);
    expect(r.line).toBe(starter.split('\n').findIndex((l) => l.startsWith('const FAILURES')) + 1);
  });

  it('accepts an empty table and a table written over several lines', () => {
    const multi =
      'const FAILURES: &[(usize, u32, u64, bool)] = &[\n    (2, 1, 25, false),\n    (3, 1, 40, true),\n];\nfn main() {}\n';
    expect(findFailureTable(multi)?.schedule).toHaveLength(2);
    const r = injectSchedule(multi, []);
    expect(r.ok && r.source).toBe('const FAILURES: &[(usize, u32, u64, bool)] = &[];\nfn main() {}\n');
  });

  it('says what to do when the learner removed the table', () => {
    const r = injectSchedule('fn main() {}\n', LESSON_SCHEDULE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('const FAILURES');
  });

  it('property: format and parse round-trip', () => {
    const failure = fc.record({
      slot: fc.integer({ min: 0, max: 99 }),
      attempt: fc.integer({ min: 0, max: 99 }),
      afterMs: fc.integer({ min: 0, max: 100_000 }),
      panics: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(failure, { maxLength: 8 }), (s) => {
        expect(parseSchedule(formatSchedule(s))).toEqual(s);
      }),
      { seed: 11 },
    );
  });

  it('rejects literals that are not a table of triples', () => {
    expect(parseSchedule('&[(1, 2, 3)]')).toBeUndefined();
    expect(parseSchedule('vec![(1, 2, 3, true)]')).toBeUndefined();
  });
});
