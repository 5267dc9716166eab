/**
 * The full lesson check the build runs (src/cli/check-lessons.ts): scenarios and probes reproduce
 * their real-Tokio recordings, every cue claim holds in the store's fold at the cue's stop, and
 * every sentence about Tokio cites a claims-ledger entry whose evidence holds.
 */
import { describe, expect, it } from 'vitest';
import { checkLessons, readFnIndex } from '../../src/cli/check-lessons.ts';
import { readTree } from '../../src/lessons/testing/read-tree.ts';

const files = readTree('lessons');
const DAY6 = 'lessons/day06-tasks-joinset-cancellation';

describe('the full lesson check', () => {
  it('passes on every lesson, and Day 6 backs every sentence about Tokio with the ledger', async () => {
    const report = await checkLessons(files);
    expect(report.problems).toEqual([]);
    const day6 = report.ledgers.get(`${DAY6}/lesson.md`);
    expect(day6?.entries).toBeGreaterThan(40);
    expect(day6?.probes).toBeGreaterThan(20);
  }, 120_000);

  it('fails the build on a false cue claim', async () => {
    const lesson = files.get(`${DAY6}/lesson.md`) ?? '';
    const wrong = lesson.replace(
      'bits="CANCELLED NOTIFIED !RUNNING !COMPLETE" column="notified" queue="local:0=1"',
      'bits="!CANCELLED" column="idle" queue="local:0="',
    );
    expect(wrong).not.toBe(lesson);
    const report = await checkLessons(new Map(files).set(`${DAY6}/lesson.md`, wrong));
    expect(report.problems.some((p) => p.includes('task 1 reads CANCELLED=1'))).toBe(true);
  }, 120_000);

  it('fails the build on a probe whose recording no longer shows its claim, and on an unbacked sentence', async () => {
    const stale = new Map(files)
      .set(`${DAY6}/probes/abort-needs-an-await.txt`, 'aborted while running: Err(true)\n')
      .set(`${DAY6}/lesson.md`, `${files.get(`${DAY6}/lesson.md`) ?? ''}\nAn aborted task is dropped right away.\n`);
    const report = await checkLessons(stale);
    expect(report.problems.some((p) => p.includes('no longer shows "awaits afterwards = false: Ok(7)"'))).toBe(true);
    expect(report.problems.some((p) => p.includes('cites no claim: "An aborted task is dropped right away."'))).toBe(
      true,
    );
  }, 120_000);

  it('knows Tokio 1.48’s functions, so a source reference to a missing one fails', () => {
    const index = readFnIndex();
    expect(index.get('tokio/src/runtime/task/state.rs')?.has('transition_to_notified_and_cancel')).toBe(true);
    expect(index.get('tokio-util/src/sync/cancellation_token/tree_node.rs')?.has('cancel')).toBe(true);
    expect(index.get('tokio/src/runtime/task/state.rs')?.has('transition_to_cancelled_at_once')).toBe(false);
  });
});
