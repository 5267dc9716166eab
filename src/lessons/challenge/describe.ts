/**
 * One sentence per broken invariant, for the learner: what broke, when (virtual ms and lab step)
 * and what usually causes it.
 */
import type { Violation, ViolationKind } from './invariants.ts';
import type { PoolSpec } from './schedule.ts';

export const VIOLATION_TITLES: Readonly<Record<ViolationKind, string>> = {
  'pool-below-n': 'Pool below N for too long',
  'pool-above-n': 'More than N connections',
  'failure-not-restarted': 'A failure was never restarted',
  'leaked-task': 'A task leaked at shutdown',
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const fmtMs = (ms: number): string => `${Math.round(ms * 1000) / 1000}ms`;

export function describeViolation(v: Violation, spec: PoolSpec): string {
  const when = `at ${fmtMs(v.atMs)} (step ${v.step})`;
  switch (v.kind) {
    case 'pool-below-n':
      return (
        `A${when.slice(1)} the pool fell to ${plural(v.size, 'connection')} of ${spec.poolSize} and stayed below ` +
        `${spec.poolSize} for ${fmtMs(v.forMs)}; the restart budget is ${fmtMs(spec.restartBudgetMs)}.`
      );
    case 'pool-above-n':
      return `A${when.slice(1)} ${plural(v.size, 'connection')} were up at once; the pool must keep exactly ${spec.poolSize}.`;
    case 'failure-not-restarted': {
      const late =
        v.restartedAtMs === undefined
          ? 'no new attempt for that slot ever started'
          : `the next attempt only started at ${fmtMs(v.restartedAtMs)}`;
      return (
        `Slot ${v.slot} (attempt ${v.attempt}, task ${v.task}) lost its connection ${when}, and ${late}: ` +
        `when join_next() gives Ok(Err(slot)), or a panic's JoinError (its id() names the task, so keep each ` +
        `task's slot), spawn connect(slot, next attempt, start) at once.`
      );
    }
    case 'leaked-task': {
      const who = v.slot === undefined ? `Task ${v.task}` : `Task ${v.task} (slot ${v.slot})`;
      const why = v.aborted
        ? 'its abort was requested, but nothing waited for it to end: await set.shutdown() before main returns.'
        : 'nothing aborted or awaited it: keep every connection in the JoinSet and end with set.shutdown().await.';
      return `${who} was still alive when the runtime shut down ${when}; ${why}`;
    }
  }
}
