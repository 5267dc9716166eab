/**
 * The pool challenge's invariants, checked over one run's trace. Each broken one is reported with
 * the trace event where it broke and the step a link should show:
 * - `pool-below-n`: fewer than `poolSize` connections for longer than the restart budget (before
 *   the deadline);
 * - `pool-above-n`: more than `poolSize` at once (the pool must keep exactly N);
 * - `failure-not-restarted`: a connection was lost and no new attempt for its slot started within
 *   the budget;
 * - `leaked-task`: a task still alive when the runtime began to shut down (nothing waited for it).
 */
import type { SimEvent } from '../../sim/events.ts';
import { readPoolTrace, stepLinkOf } from './pool-trace.ts';
import { aliveAtShutdown } from './task-lives.ts';
import type { Connection, PoolTrace } from './pool-trace.ts';
import type { PoolSpec } from './schedule.ts';

interface At {
  /** Trace index of the event where the invariant broke. */
  readonly event: number;
  /** The lab step that shows it (`step=` in a URL). */
  readonly step: number;
  readonly atMs: number;
}

export type Violation =
  | (At & { readonly kind: 'pool-below-n'; readonly size: number; readonly forMs: number })
  | (At & { readonly kind: 'pool-above-n'; readonly size: number })
  | (At & {
      readonly kind: 'failure-not-restarted';
      readonly slot: number;
      readonly attempt: number;
      readonly task: number;
      /** When the slot did restart, if it did — too late. */
      readonly restartedAtMs: number | undefined;
    })
  | (At & {
      readonly kind: 'leaked-task';
      readonly task: number;
      readonly slot: number | undefined;
      readonly aborted: boolean;
    });

export type ViolationKind = Violation['kind'];

export interface PoolVerdict {
  readonly violations: readonly Violation[];
  /** Connections started after the first `poolSize` (restarts). */
  readonly restarts: number;
  readonly connections: number;
}

function at(events: readonly SimEvent[], event: number, atMs: number): At {
  return { event, step: stepLinkOf(events, event), atMs };
}

/** Time (ms) of each event where the number of live connections changes, in trace order. */
function sizeChanges(trace: PoolTrace): { event: number; ms: number; delta: 1 | -1 }[] {
  const out: { event: number; ms: number; delta: 1 | -1 }[] = [];
  for (const c of trace.connections) {
    out.push({ event: c.spawnEvent, ms: c.spawnMs, delta: 1 });
    if (c.finishEvent !== undefined && c.finishMs !== undefined)
      out.push({ event: c.finishEvent, ms: c.finishMs, delta: -1 });
  }
  return out.sort((a, b) => a.event - b.event);
}

function checkSize(events: readonly SimEvent[], trace: PoolTrace, spec: PoolSpec): Violation[] {
  const out: Violation[] = [];
  // The pool is judged until the deadline, or until shutdown if the program stops earlier.
  const endMs = Math.min(spec.deadlineMs, trace.shutdownMs ?? spec.deadlineMs);
  let size = 0;
  let below: { event: number; ms: number; size: number } | undefined = { event: 0, ms: 0, size: 0 };
  let aboveReported = false;
  const close = (untilMs: number): void => {
    if (below !== undefined && untilMs - below.ms > spec.restartBudgetMs) {
      out.push({
        kind: 'pool-below-n',
        size: below.size,
        forMs: untilMs - below.ms,
        ...at(events, below.event, below.ms),
      });
    }
    below = undefined;
  };
  for (const change of sizeChanges(trace)) {
    if (change.ms >= endMs) break;
    size += change.delta;
    if (size >= spec.poolSize) close(change.ms);
    else if (below === undefined) below = { event: change.event, ms: change.ms, size };
    else below.size = Math.min(below.size, size);
    if (size > spec.poolSize && !aboveReported) {
      aboveReported = true;
      out.push({ kind: 'pool-above-n', size, ...at(events, change.event, change.ms) });
    }
  }
  close(endMs);
  return out;
}

function nextAttempt(trace: PoolTrace, lost: Connection): Connection | undefined {
  return trace.connections.find((c) => c.slot === lost.slot && c.spawnEvent > (lost.lostEvent ?? lost.spawnEvent));
}

function checkRestarts(events: readonly SimEvent[], trace: PoolTrace, spec: PoolSpec): Violation[] {
  const out: Violation[] = [];
  const endMs = Math.min(spec.deadlineMs, trace.shutdownMs ?? Number.POSITIVE_INFINITY);
  for (const c of trace.connections) {
    if (c.lostEvent === undefined || c.lostMs === undefined || c.lostMs >= endMs) continue;
    const next = nextAttempt(trace, c);
    const inTime = next !== undefined && next.spawnMs - c.lostMs <= spec.restartBudgetMs && next.spawnMs < endMs;
    if (inTime) continue;
    out.push({
      kind: 'failure-not-restarted',
      slot: c.slot,
      attempt: c.attempt,
      task: c.task,
      restartedAtMs: next?.spawnMs,
      ...at(events, c.lostEvent, c.lostMs),
    });
  }
  return out;
}

function checkLeaks(events: readonly SimEvent[], trace: PoolTrace): Violation[] {
  const shutdown = trace.shutdownEvent;
  if (shutdown === undefined || trace.shutdownMs === undefined) return [];
  const shutdownMs = trace.shutdownMs;
  const slotOf = new Map(trace.connections.map((c) => [c.task, c.slot]));
  return aliveAtShutdown(trace).map((life) => ({
    kind: 'leaked-task' as const,
    task: life.task,
    slot: slotOf.get(life.task),
    aborted: life.aborted,
    ...at(events, shutdown, shutdownMs),
  }));
}

/** Every broken invariant of one run, in trace order. */
export function checkPoolTrace(events: readonly SimEvent[], spec: PoolSpec): PoolVerdict {
  const trace = readPoolTrace(events);
  const violations = [
    ...checkSize(events, trace, spec),
    ...checkRestarts(events, trace, spec),
    ...checkLeaks(events, trace),
  ].sort((a, b) => a.event - b.event);
  return {
    violations,
    restarts: Math.max(0, trace.connections.length - spec.poolSize),
    connections: trace.connections.length,
  };
}
