/**
 * A model of a pool program's trace for the checker's tests: it emits the events the simulator
 * records for what matters here (spawns, prints, finishes, aborts, shutdown), following a schedule
 * and a policy. It simulates nothing else; the real interpreter runs in check-challenge.test.ts.
 */
import type { SimEvent } from '../../../sim/events.ts';
import type { FailureSchedule, PoolSpec } from '../schedule.ts';

export interface PoolPolicy {
  /** Delay (ms) between a failure and its restart; undefined: never restart. */
  readonly restartAfterMs: number | undefined;
  /** How main ends: `shutdown` awaits set.shutdown(); `drop` drops the set; `return` leaves tasks alone. */
  readonly ending: 'shutdown' | 'drop' | 'return';
  /** Extra connections started at time 0 (a pool that over-fills). */
  readonly extra?: number;
}

type Body = SimEvent extends infer E ? (E extends SimEvent ? Omit<E, 'index' | 'step' | 'time'> : never) : never;

interface Pending {
  readonly ms: number;
  readonly order: number;
  readonly run: () => void;
}

export function modelPoolTrace(schedule: FailureSchedule, spec: PoolSpec, policy: PoolPolicy): SimEvent[] {
  const out: SimEvent[] = [];
  let step = 0;
  let now = 0;
  let nextTask = 1;
  let order = 0;
  const alive = new Set<number>();
  const queue: Pending[] = [];
  const emit = (body: Body): void => {
    out.push({ ...body, index: out.length, step, time: now * 1_000_000 });
  };
  const later = (ms: number, run: () => void): void => {
    queue.push({ ms, order: order++, run });
  };
  const failAfter = (slot: number, attempt: number): number | undefined =>
    schedule.find((f) => f.slot === slot && f.attempt === attempt)?.afterMs;

  const connect = (slot: number, attempt: number): void => {
    const task = nextTask++;
    alive.add(task);
    emit({ type: 'task.spawned', task, blocking: false, name: undefined, line: 0 });
    step++;
    emit({ type: 'poll.start', task, line: 0, col: 0 });
    emit({ type: 'stdout', task, text: `[${now}ms] slot ${slot}: connected (attempt ${attempt})\n` });
    emit({ type: 'poll.end', task, outcome: 'pending' });
    const after = failAfter(slot, attempt);
    if (after === undefined) return;
    later(now + after, () => {
      if (!alive.has(task)) return;
      step++;
      emit({ type: 'stdout', task, text: `[${now}ms] slot ${slot}: connection lost\n` });
      emit({ type: 'task.stage', task, change: 'finished_ok' });
      alive.delete(task);
      if (policy.restartAfterMs !== undefined) later(now + policy.restartAfterMs, () => connect(slot, attempt + 1));
    });
  };

  emit({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 });
  for (let slot = 1; slot <= spec.poolSize + (policy.extra ?? 0); slot++) connect(slot, 1);
  for (;;) {
    queue.sort((a, b) => a.ms - b.ms || a.order - b.order);
    const next = queue[0];
    if (next === undefined || next.ms >= spec.deadlineMs) break;
    queue.shift();
    now = next.ms;
    next.run();
  }
  now = spec.deadlineMs;
  step++;
  emit({ type: 'stdout', task: 0, text: `[${now}ms] pool: shutting down\n` });
  if (policy.ending !== 'return') for (const task of alive) emit({ type: 'task.abort', task, via: 'join_handle' });
  if (policy.ending === 'shutdown') {
    for (const task of [...alive]) {
      step++;
      emit({ type: 'task.stage', task, change: 'finished_cancelled' });
      alive.delete(task);
    }
  }
  step++;
  emit({ type: 'runtime.shutdown', task: 0, phase: 'begin' });
  for (const task of alive) emit({ type: 'task.stage', task, change: 'future_dropped' });
  return out;
}
