/**
 * The scheduler view's model (tokio-facts.md §6.2, §6.3, §8, §9): for current_thread the local and
 * inject queues and block_on's main future; for multi_thread each worker's LIFO slot, local ring
 * (capacity 256), searching/parked state and the task it runs, plus the inject queue; and for both
 * the blocking pool (threads and queue) and the timers with their deadlines. Queues, workers and
 * timers come from the view state; what it does not fold (park/search, blocking pool, which thread
 * acts) from the trace history at the same position.
 *
 * A view draws only the head of a long queue and the soonest timers, so `limit` bounds what is
 * copied: a seek with 39,000 queued tasks and 39,000 timers copies `limit` of each (the timers from
 * the fold's deadline index, not a sort of all of them), and the lengths say how many there are.
 */
import type { BlockingThreadState, TraceHistory } from './derive-history.ts';
import { countBefore, lastBefore } from './derive-history.ts';
import type { MainView, ViewState } from './view-state.ts';
import type { PQueue } from '../persistent/pqueue.ts';
import { soonestTimerIds } from './timer-index.ts';

/** tokio-facts.md §6.3 LOCAL_QUEUE_CAPACITY. */
export const LOCAL_QUEUE_CAPACITY = 256;
export type SchedulerFlavor = 'current_thread' | 'multi_thread';

export interface WorkerModel {
  readonly index: number;
  readonly running: number | undefined;
  /** multi_thread only (current_thread has no LIFO slot, §6.2). */
  readonly lifo: number | undefined;
  /** The local run queue, head first (its first `limit` tasks). */
  readonly local: readonly number[];
  /** How many tasks the local queue holds. */
  readonly localLength: number;
  readonly parked: boolean;
  readonly driver: boolean;
  readonly searching: boolean;
  /** True when this worker took the latest step. */
  readonly active: boolean;
  readonly polls: number;
  /** multi_thread: the blocking-pool job id the worker thread was launched as. */
  readonly job: number | undefined;
}

export interface BlockingThreadModel {
  readonly index: number;
  readonly state: BlockingThreadState;
  readonly task: number;
  readonly untilMs: number;
}

export interface TimerModel {
  readonly id: number;
  readonly task: number;
  readonly deadlineMs: number;
}

export interface SchedulerModel {
  readonly flavor: SchedulerFlavor;
  readonly main: MainView;
  /** The inject queue, head first (its first `limit` tasks). */
  readonly inject: readonly number[];
  readonly injectLength: number;
  readonly workers: readonly WorkerModel[];
  readonly blockingQueue: readonly number[];
  readonly blockingThreads: readonly BlockingThreadModel[];
  /** Sleeping tasks by deadline, soonest first (the first `limit`). */
  readonly timers: readonly TimerModel[];
  readonly timerCount: number;
  readonly nowMs: number;
}

export interface SchedulerConfig {
  readonly flavor?: SchedulerFlavor;
  readonly workers?: number;
  /** Most tasks of each queue, and most timers, the model lists (all when undefined). */
  readonly limit?: number;
}

function workerCount(view: ViewState, history: TraceHistory, flavor: SchedulerFlavor, configured: number): number {
  if (flavor === 'current_thread') return 1;
  let n = Math.max(configured, view.workers.length, history.workers.length);
  for (const key of Object.keys(view.queues)) {
    const colon = key.indexOf(':');
    if (colon > 0) n = Math.max(n, Number(key.slice(colon + 1)) + 1);
  }
  return Math.max(1, n);
}

function head(queue: PQueue<number> | undefined, limit: number): number[] {
  if (queue === undefined) return [];
  const n = Math.min(limit, queue.length);
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = queue.at(k) as number;
  return out;
}

/** The `limit` soonest timers, soonest first, from the fold's deadline index (timer-index.ts). */
function soonestTimers(view: ViewState, limit: number): TimerModel[] {
  const out: TimerModel[] = [];
  for (const id of soonestTimerIds(view.timerIndex, limit, (t) => view.timers.get(t))) {
    const t = view.timers.get(id);
    if (t !== undefined) out.push({ id: t.id, task: t.task, deadlineMs: t.deadlineTick });
  }
  return out;
}

/** The scheduler at timeline position `position` (`view` must be the state there). */
export function deriveScheduler(
  view: ViewState,
  history: TraceHistory,
  position: number,
  config: SchedulerConfig = {},
): SchedulerModel {
  const flavor: SchedulerFlavor = history.flavor ?? config.flavor ?? 'current_thread';
  const limit = config.limit ?? Infinity;
  const n = workerCount(view, history, flavor, config.workers ?? 1);
  const turn = lastBefore(history.turns, position);
  const workers: WorkerModel[] = [];
  for (let w = 0; w < n; w++) {
    const mark = lastBefore(history.workers[w] ?? [], position);
    const lifo = view.queues[`lifo:${w}`];
    const local = view.queues[`local:${w}`];
    workers.push({
      index: w,
      running: view.workers[w]?.running,
      lifo: flavor === 'multi_thread' ? lifo?.front() : undefined,
      local: head(local, limit),
      localLength: local?.length ?? 0,
      parked: mark?.parked ?? false,
      driver: mark?.driver ?? false,
      searching: mark?.searching ?? false,
      active: turn !== undefined ? turn.worker === w : flavor === 'current_thread',
      polls: view.workers[w]?.polls ?? 0,
      job: history.workerJobs[w],
    });
  }

  const blockingQueue: number[] = [];
  for (let i = 0, end = countBefore(history.blockingJobs, position); i < end; i++) {
    const job = history.blockingJobs[i];
    if (job.leftAt === undefined || job.leftAt >= position) blockingQueue.push(job.task);
  }
  const blockingThreads: BlockingThreadModel[] = [];
  history.blockingThreads.forEach((marks, index) => {
    const m = lastBefore(marks, position);
    if (m !== undefined && m.state !== 'exited') {
      blockingThreads.push({ index, state: m.state, task: m.task, untilMs: m.untilMs });
    }
  });

  const timers = soonestTimers(view, limit);

  return {
    flavor,
    main: view.main,
    inject: head(view.queues.inject, limit),
    injectLength: view.queues.inject?.length ?? 0,
    workers,
    blockingQueue,
    blockingThreads,
    timers,
    timerCount: view.activeTimers,
    nowMs: Math.floor(view.time / 1_000_000),
  };
}
