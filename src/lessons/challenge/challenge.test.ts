import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeViolation } from './describe.ts';
import { checkPoolTrace } from './invariants.ts';
import type { Violation } from './invariants.ts';
import { stepLinkOf } from './pool-trace.ts';
import { failureTimes, LESSON_SCHEDULE, POOL_SPEC, scheduleForSeed } from './schedule.ts';
import type { FailureSchedule } from './schedule.ts';
import { modelPoolTrace } from './testing/pool-model.ts';
import type { PoolPolicy } from './testing/pool-model.ts';

const GOOD: PoolPolicy = { restartAfterMs: 0, ending: 'shutdown' };
const kinds = (vs: readonly Violation[]): string[] => vs.map((v) => v.kind);

function verdict(schedule: FailureSchedule, policy: PoolPolicy) {
  return checkPoolTrace(modelPoolTrace(schedule, POOL_SPEC, policy), POOL_SPEC);
}

describe('checkPoolTrace', () => {
  it('passes a pool that restarts at once and shuts down cleanly', () => {
    const v = verdict(LESSON_SCHEDULE, GOOD);
    expect(v.violations).toEqual([]);
    expect(v.restarts).toBe(3);
  });

  it('reports every unrestarted failure, the pool staying low, and the leak of the starter', () => {
    const events = modelPoolTrace(LESSON_SCHEDULE, POOL_SPEC, { restartAfterMs: undefined, ending: 'drop' });
    const v = checkPoolTrace(events, POOL_SPEC);
    // In trace order: the "lost" line, then the task's end (the pool shrinks), then slot 3, then shutdown.
    expect(kinds(v.violations)).toEqual([
      'failure-not-restarted',
      'pool-below-n',
      'failure-not-restarted',
      'leaked-task',
    ]);
    const [slot2, below, slot3, leak] = v.violations;
    expect(below).toMatchObject({ kind: 'pool-below-n', atMs: 25, forMs: 75, size: 1 });
    expect(slot2).toMatchObject({ kind: 'failure-not-restarted', slot: 2, attempt: 1, atMs: 25 });
    expect(slot3).toMatchObject({ kind: 'failure-not-restarted', slot: 3, attempt: 1, atMs: 40 });
    expect(leak).toMatchObject({ kind: 'leaked-task', task: 1, slot: 1, aborted: true, atMs: 100 });
    // The link's step shows the breaking event done: its step ordinal, counted like the lab does.
    const lostAt = events.findIndex((e) => e.type === 'stdout' && e.text.includes('slot 2: connection lost'));
    expect(slot2?.event).toBe(lostAt);
    expect(slot2?.step).toBe(new Set(events.slice(0, lostAt + 1).map((e) => e.step)).size);
  });

  it('tells a task nobody aborted from one that was aborted but not awaited', () => {
    const returned = verdict([], { restartAfterMs: 0, ending: 'return' });
    expect(returned.violations.map((v) => (v.kind === 'leaked-task' ? v.aborted : 'other'))).toEqual([
      false,
      false,
      false,
    ]);
    expect(describeViolation(returned.violations[0], POOL_SPEC)).toContain('nothing aborted or awaited');
  });

  it('accepts a restart within the budget and rejects one beyond it', () => {
    const schedule = [{ slot: 2, attempt: 1, afterMs: 20, panics: false }];
    expect(verdict(schedule, { restartAfterMs: POOL_SPEC.restartBudgetMs, ending: 'shutdown' }).violations).toEqual([]);
    const late = verdict(schedule, { restartAfterMs: POOL_SPEC.restartBudgetMs + 1, ending: 'shutdown' });
    expect(kinds(late.violations)).toEqual(['failure-not-restarted', 'pool-below-n']);
    expect(late.violations[0]).toMatchObject({ restartedAtMs: 20 + POOL_SPEC.restartBudgetMs + 1 });
  });

  it('reports a pool that keeps more than N', () => {
    expect(kinds(verdict([], { ...GOOD, extra: 1 }).violations)).toEqual(['pool-above-n']);
  });

  it('describes each violation with its step', () => {
    const v = verdict(LESSON_SCHEDULE, { restartAfterMs: undefined, ending: 'drop' });
    const text = v.violations.map((x) => describeViolation(x, POOL_SPEC));
    expect(text[1]).toMatch(/^At 25ms \(step \d+\) the pool fell to 1 connection of 3 and stayed below 3 for 75ms/);
    expect(text[0]).toMatch(
      /^Slot 2 \(attempt 1, task 2\) lost its connection at 25ms \(step \d+\), and no new attempt/,
    );
    expect(text[3]).toContain('Task 1 (slot 1) was still alive when the runtime shut down at 100ms');
  });

  it('property: with immediate restarts and a clean shutdown, no schedule breaks the pool', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000 }), (seed) => {
        expect(verdict(scheduleForSeed(seed), GOOD).violations).toEqual([]);
      }),
      { seed: 6, numRuns: 200 },
    );
  });

  it('property: without restarts, exactly the failures before the deadline are reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1_000_000 }), (seed) => {
        const schedule = scheduleForSeed(seed);
        const v = verdict(schedule, { restartAfterMs: undefined, ending: 'shutdown' });
        const firsts = schedule.filter((f) => f.attempt === 1).map((f) => f.slot);
        const reported = v.violations.flatMap((x) => (x.kind === 'failure-not-restarted' ? [x.slot] : []));
        expect(reported.sort()).toEqual(firsts.sort());
        expect(kinds(v.violations)).toContain('pool-below-n');
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('stepLinkOf', () => {
  it('counts step ordinals up to and including the event', () => {
    const e = modelPoolTrace([], POOL_SPEC, GOOD);
    expect(stepLinkOf(e, 0)).toBe(1);
    expect(stepLinkOf(e, e.length - 1)).toBe(new Set(e.map((x) => x.step)).size);
  });
});

describe('failure schedules', () => {
  it('seed 1 is the lesson schedule', () => {
    expect(scheduleForSeed(1)).toBe(LESSON_SCHEDULE);
  });

  it('property: every drawn schedule is deterministic, has consecutive attempts, and ends before the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2 ** 31 - 1 }), (seed) => {
        const s = scheduleForSeed(seed);
        expect(scheduleForSeed(seed)).toEqual(s);
        expect(s.length).toBeGreaterThan(0);
        for (const f of s) {
          expect(f.slot).toBeGreaterThanOrEqual(1);
          expect(f.slot).toBeLessThanOrEqual(POOL_SPEC.poolSize);
          if (f.attempt > 1) expect(s.some((g) => g.slot === f.slot && g.attempt === f.attempt - 1)).toBe(true);
        }
        for (const t of failureTimes(s).values()) {
          expect(t).toBeLessThanOrEqual(POOL_SPEC.deadlineMs - 2 * POOL_SPEC.restartBudgetMs);
        }
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('different seeds draw different schedules', () => {
    const distinct = new Set([2, 3, 4, 5, 6, 7].map((s) => JSON.stringify(scheduleForSeed(s))));
    expect(distinct.size).toBeGreaterThan(3);
  });
});
