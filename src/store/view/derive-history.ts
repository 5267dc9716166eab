/**
 * An append-only index of the trace, for what the view state (view-state.ts) does not keep but
 * the views show: each task's transitions, stage changes, join waker and lane history, who woke
 * whom, the spawn tree, JoinSets, CancellationTokens, blocking-pool threads and the park/search
 * state of multi_thread workers (tokio-facts.md §2.4, §3.3, §6.3, §8, §10, §11).
 *
 * Every record carries `at`, the index of the event that made it; the picture at timeline
 * position p (the state after p events) is everything with `at < p`. So the index is built once,
 * as batches arrive, and seeking back or forward is a binary search rather than a refold.
 */
import type { SimEvent } from '../../sim/index.ts';
/** Who did something: a task id, 0 for block_on's main future, −1 for the runtime itself. */
export const RUNTIME_ACTOR = -1;
export const MAIN_ACTOR = 0;

/** Where a task is, for its timeline lane. */
export type Activity = 'spawned' | 'queued' | 'running' | 'idle' | 'done';

export interface Mark {
  /** Index of the event that made this record. */
  readonly at: number;
}
/** A task poll's start (a 'running' mark of task `task`). */
export interface PollMark {
  readonly at: number;
  readonly task: number;
}

export interface ActivityMark extends Mark {
  readonly step: number;
  readonly time: number;
  readonly activity: Activity;
}
/** A task's activity changed (every task's ActivityMarks, merged in `at` order). */
export interface ChangeMark extends Mark {
  readonly step: number;
  readonly task: number;
  readonly activity: Activity;
}
/** The virtual clock moved (first event at a new time). */
export interface TimeMark extends Mark {
  readonly step: number;
  readonly time: number;
}
export interface TransitionMark extends Mark {
  readonly step: number;
  readonly name: string;
  readonly result: string;
  readonly before: number;
  readonly after: number;
  /** The poller when it happened (see RUNTIME_ACTOR / MAIN_ACTOR). */
  readonly by: number;
}
/** tokio-facts.md §3.3: Running(future) → Finished(output) → Consumed. */
export type StageName = 'future' | 'output' | 'consumed';
export interface StageMark extends Mark {
  readonly stage: StageName;
  readonly change: string;
}
export interface CoopMark extends Mark {
  readonly event: 'hit_zero' | 'exhausted';
  readonly remaining: number;
}
/** The join waker slot (tokio-facts.md §2.5, §3.4): whose waker it holds, or cleared. */
export interface JoinWakerMark extends Mark {
  readonly owner: number | undefined;
}
export interface AbortMark extends Mark {
  readonly via: 'join_handle' | 'abort_handle';
}

export interface TaskHistory {
  readonly id: number;
  readonly name: string | undefined;
  readonly blocking: boolean;
  /** The poller that spawned it (MAIN_ACTOR, a task, or RUNTIME_ACTOR when outside any poll). */
  readonly parent: number;
  readonly spawnAt: number;
  readonly spawnStep: number;
  readonly activity: ActivityMark[];
  readonly transitions: TransitionMark[];
  readonly stages: StageMark[];
  readonly coop: CoopMark[];
  readonly joinWaker: JoinWakerMark[];
  readonly aborts: AbortMark[];
}

export interface WakeMark extends Mark {
  readonly step: number;
  readonly time: number;
  /** The woken task (MAIN_ACTOR: the main future; RUNTIME_ACTOR: something else). */
  readonly target: number;
  /** The waker's caller: a task, MAIN_ACTOR, or RUNTIME_ACTOR (the driver: timers, deferred wakes). */
  readonly by: number;
  readonly byVal: boolean;
}

export interface JoinSetMember {
  readonly task: number;
  readonly at: number;
  /** Set when join_next returned it (0 Ok, 1 Cancelled, 2 Panic). */
  joinAt: number | undefined;
  outcome: number | undefined;
}
export interface JoinSetHistory extends Mark {
  readonly id: number;
  /** The poller that created it. */
  readonly owner: number;
  readonly members: JoinSetMember[];
  abortAllAt: number | undefined;
  dropAt: number | undefined;
}

export interface TokenHistory extends Mark {
  readonly id: number;
  readonly parent: number;
  /** The poller that created it. */
  readonly owner: number;
  cancelAt: number | undefined;
  dropAt: number | undefined;
  readonly waiters: { readonly task: number; readonly at: number }[];
}

export type BlockingThreadState = 'spawned' | 'running' | 'sleeping' | 'idle' | 'exited';
export interface BlockingThreadMark extends Mark {
  readonly state: BlockingThreadState;
  /** The job's task (0 when none). */
  readonly task: number;
  /** For 'sleeping': the real-time ms it sleeps until. */
  readonly untilMs: number;
}
export interface BlockingJob {
  readonly task: number;
  readonly at: number;
  /** When it left the queue (started or cancelled). */
  leftAt: number | undefined;
}

export interface WorkerMark extends Mark {
  readonly parked: boolean;
  /** Parked inside the driver (timers) rather than on the condvar. */
  readonly driver: boolean;
  readonly searching: boolean;
}
export interface TurnMark extends Mark {
  /** The worker taking the step; −1 for block_on's thread (events.ts worker.turn). */
  readonly worker: number;
}
export interface StealMark extends Mark {
  readonly thief: number;
  readonly victim: number;
  readonly task: number;
  readonly count: number;
}

/** Where the events come from: the lab timeline (or any array-like log). */
export interface EventSource {
  readonly length: number;
  eventAt(index: number): SimEvent | undefined;
}

/** The last record with `at < position` (records are in `at` order). */
export function lastBefore<T extends Mark>(marks: readonly T[], position: number): T | undefined {
  const n = countBefore(marks, position);
  return n === 0 ? undefined : marks[n - 1];
}

/** How many records have `at < position`. */
export function countBefore(marks: readonly Mark[], position: number): number {
  let hi = marks.length;
  // Playing forward, the position is usually past every record: answer without searching.
  if (hi === 0 || marks[hi - 1].at < position) return hi;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].at < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const STAGE_OF_CHANGE: Readonly<Record<string, StageName>> = {
  finished_ok: 'output',
  finished_cancelled: 'output',
  finished_panic: 'output',
  future_dropped: 'consumed',
  output_taken: 'consumed',
  output_dropped: 'consumed',
};

const IDLE_WORKER = { parked: false, driver: false, searching: false };

export class TraceHistory {
  /** Events indexed so far. */
  length = 0;
  /** Task ids in spawn order. */
  readonly taskIds: number[] = [];
  /** block_on's main future (polled, idle), as a lane like a task's. */
  readonly main: ActivityMark[] = [];
  readonly times: TimeMark[] = [];
  readonly wakes: WakeMark[] = [];
  /** Every task poll's start (each task's 'running' marks), in `at` order: the next poll is one search. */
  readonly polls: PollMark[] = [];
  /**
   * Every task's activity changes in `at` order: the tasks that changed most recently are read
   * from its end, so a view can pick them without visiting every task (10,000 live tasks).
   */
  readonly changes: ChangeMark[] = [];
  /** Each task's first spawn, in `at` order (how many tasks exist at a position). */
  readonly spawns: Mark[] = [];
  /** Each change to 'done', in `at` order. */
  readonly ends: ChangeMark[] = [];
  /** A change away from 'done' (rare: a task marked again after it ended), with that end's step. */
  readonly revivals: (Mark & { readonly endStep: number })[] = [];
  readonly joinSets: JoinSetHistory[] = [];
  readonly tokens: TokenHistory[] = [];
  /** Per blocking-pool thread index. */
  readonly blockingThreads: BlockingThreadMark[][] = [];
  readonly blockingJobs: BlockingJob[] = [];
  /** Per multi_thread worker index. */
  readonly workers: WorkerMark[][] = [];
  readonly turns: TurnMark[] = [];
  readonly steals: StealMark[] = [];
  /** multi_thread: the blocking-pool job id each worker thread was launched as. */
  readonly workerJobs: number[] = [];
  flavor: 'current_thread' | 'multi_thread' | undefined = undefined;

  private readonly tasks = new Map<number, TaskHistory>();
  private readonly setById = new Map<number, JoinSetHistory>();
  private readonly tokenById = new Map<number, TokenHistory>();
  private readonly jobByTask = new Map<number, BlockingJob>();
  /** The task being polled (MAIN_ACTOR for the main future), RUNTIME_ACTOR between polls. */
  private poller = RUNTIME_ACTOR;

  task(id: number): TaskHistory | undefined {
    return this.tasks.get(id);
  }

  joinSet(id: number): JoinSetHistory | undefined {
    return this.setById.get(id);
  }

  token(id: number): TokenHistory | undefined {
    return this.tokenById.get(id);
  }

  /** Indexes the events of `source` not seen yet; returns how many were added. */
  syncFrom(source: EventSource): number {
    const start = this.length;
    for (let i = start; i < source.length; i++) {
      const e = source.eventAt(i);
      if (e === undefined) break;
      this.append(e);
    }
    return this.length - start;
  }

  append(e: SimEvent): void {
    const at = this.length++;
    const lastTime = this.times[this.times.length - 1];
    if (lastTime === undefined || lastTime.time !== e.time) this.times.push({ at, step: e.step, time: e.time });
    switch (e.type) {
      case 'task.spawned': {
        const t: TaskHistory = {
          id: e.task,
          name: e.name,
          blocking: e.blocking,
          parent: this.poller,
          spawnAt: at,
          spawnStep: e.step,
          activity: [],
          transitions: [],
          stages: [],
          coop: [],
          joinWaker: [],
          aborts: [],
        };
        if (!this.tasks.has(e.task)) {
          this.taskIds.push(e.task);
          this.spawns.push({ at });
        }
        this.tasks.set(e.task, t);
        this.mark(t, at, e, 'spawned');
        return;
      }
      case 'task.state':
        return this.transition(at, e);
      case 'task.stage': {
        const t = this.tasks.get(e.task);
        const stage = STAGE_OF_CHANGE[e.change];
        if (t === undefined || stage === undefined) return;
        t.stages.push({ at, stage, change: e.change });
        if (e.change === 'finished_cancelled') this.mark(t, at, e, 'done');
        return;
      }
      case 'task.abort': {
        this.tasks.get(e.task)?.aborts.push({ at, via: e.via });
        return;
      }
      case 'queue.push':
        return this.markTask(e.task, at, e, 'queued');
      case 'queue.drop':
        return this.markTask(e.task, at, e, 'idle');
      case 'poll.start':
        this.poller = e.task;
        if (e.task === MAIN_ACTOR) return this.markMain(at, e, 'running');
        return this.markTask(e.task, at, e, 'running');
      case 'poll.end': {
        this.poller = RUNTIME_ACTOR;
        const activity = e.outcome === 'pending' ? 'idle' : 'done';
        if (e.task === MAIN_ACTOR) return this.markMain(at, e, activity);
        return this.markTask(e.task, at, e, activity);
      }
      case 'waker.wake': {
        const by = e.wokenBy !== 0 ? e.wokenBy : this.poller;
        const target = e.task < 0 ? RUNTIME_ACTOR : e.task;
        this.wakes.push({ at, step: e.step, time: e.time, target, by, byVal: e.byVal });
        return;
      }
      case 'coop.budget': {
        // multi_thread reports coop events without a task: they belong to the poll in progress.
        const t = this.tasks.get(e.task !== 0 ? e.task : this.poller);
        t?.coop.push({ at, event: e.event, remaining: e.remaining });
        return;
      }
      case 'runtime.created':
        this.flavor ??= e.flavor;
        return;
      case 'joinset.create':
      case 'joinset.spawn':
      case 'joinset.join':
      case 'joinset.abort_all':
      case 'joinset.drop':
      case 'joinset.detach_all':
        return this.joinSetEvent(at, e);
      case 'token.create':
      case 'token.cancel':
      case 'token.wait':
      case 'token.drop':
        return this.tokenEvent(at, e);
      case 'blocking.queued':
      case 'blocking.thread_spawn':
      case 'blocking.job_start':
      case 'blocking.job_sleep':
      case 'blocking.job_end':
      case 'blocking.thread_idle':
      case 'blocking.thread_exit':
      case 'blocking.job_cancelled':
        return this.blockingEvent(at, e);
      case 'worker.turn':
        this.turns.push({ at, worker: e.worker });
        return;
      case 'worker.steal':
        this.steals.push({ at, thief: e.thief, victim: e.victim, task: e.task, count: e.count });
        return;
      case 'worker.park':
      case 'worker.unpark':
      case 'worker.searching':
        return this.workerEvent(at, e);
      default:
        return;
    }
  }

  private markTask(id: number, at: number, e: SimEvent, activity: Activity): void {
    const t = this.tasks.get(id);
    if (t !== undefined) this.mark(t, at, e, activity);
  }

  private markMain(at: number, e: SimEvent, activity: Activity): void {
    const last = this.main[this.main.length - 1];
    if (last === undefined || last.activity !== activity) this.main.push({ at, step: e.step, time: e.time, activity });
  }

  private mark(t: TaskHistory, at: number, e: SimEvent, activity: Activity): void {
    const last = t.activity[t.activity.length - 1];
    if (last !== undefined && last.activity === activity) return;
    t.activity.push({ at, step: e.step, time: e.time, activity });
    const change = { at, step: e.step, task: t.id, activity };
    this.changes.push(change);
    if (last?.activity === 'done') this.revivals.push({ at, endStep: last.step });
    if (activity === 'done') this.ends.push(change);
    if (activity === 'running') this.polls.push({ at, task: t.id });
  }

  private transition(at: number, e: Extract<SimEvent, { type: 'task.state' }>): void {
    const t = this.tasks.get(e.task);
    if (t === undefined) return;
    t.transitions.push({
      at,
      step: e.step,
      name: e.transition,
      result: e.result,
      before: e.before,
      after: e.after,
      by: this.poller,
    });
    // The join waker slot follows the protocol of tokio-facts.md §2.5: set by the JoinHandle's
    // poller, cleared by unset_waker / unset_waker_after_complete / dropping the JoinHandle.
    if (e.transition === 'set_join_waker' && e.result === 'Ok') t.joinWaker.push({ at, owner: this.poller });
    else if (
      (e.transition === 'unset_waker' && e.result === 'Ok') ||
      e.transition === 'unset_waker_after_complete' ||
      (e.transition === 'transition_to_join_handle_dropped' && e.result.includes('drop_waker'))
    ) {
      t.joinWaker.push({ at, owner: undefined });
    }
    if (e.after < 64 && e.before >= 64) this.mark(t, at, e, 'done');
  }

  private joinSetEvent(at: number, e: Extract<SimEvent, { set: number }>): void {
    let s = this.setById.get(e.set);
    if (s === undefined) {
      s = { at, id: e.set, owner: this.poller, members: [], abortAllAt: undefined, dropAt: undefined };
      this.setById.set(e.set, s);
      this.joinSets.push(s);
    }
    switch (e.type) {
      case 'joinset.spawn':
        s.members.push({ task: e.task, at, joinAt: undefined, outcome: undefined });
        return;
      case 'joinset.join': {
        const m = s.members.find((x) => x.task === e.task && x.joinAt === undefined);
        if (m !== undefined) {
          m.joinAt = at;
          m.outcome = e.value;
        }
        return;
      }
      case 'joinset.abort_all':
        s.abortAllAt ??= at;
        return;
      case 'joinset.drop':
      case 'joinset.detach_all':
        s.dropAt ??= at;
        return;
      default:
        return;
    }
  }

  private tokenEvent(at: number, e: Extract<SimEvent, { token: number }>): void {
    let k = this.tokenById.get(e.token);
    if (k === undefined) {
      const parent = e.type === 'token.create' ? e.value : 0;
      k = { at, id: e.token, parent, owner: this.poller, cancelAt: undefined, dropAt: undefined, waiters: [] };
      this.tokenById.set(e.token, k);
      this.tokens.push(k);
    }
    if (e.type === 'token.cancel') k.cancelAt ??= at;
    else if (e.type === 'token.drop') k.dropAt ??= at;
    else if (e.type === 'token.wait' && !k.waiters.some((w) => w.task === e.value)) {
      k.waiters.push({ task: e.value, at });
    }
  }

  private blockingEvent(at: number, e: Extract<SimEvent, { thread: number }>): void {
    const thread = (state: BlockingThreadState, task = 0, untilMs = 0): void => {
      const marks = (this.blockingThreads[e.thread] ??= []);
      marks.push({ at, state, task, untilMs });
    };
    const leave = (): void => {
      const job = this.jobByTask.get(e.task);
      if (job !== undefined && job.leftAt === undefined) job.leftAt = at;
    };
    switch (e.type) {
      case 'blocking.queued': {
        const job: BlockingJob = { task: e.task, at, leftAt: undefined };
        this.jobByTask.set(e.task, job);
        this.blockingJobs.push(job);
        return this.markTask(e.task, at, e, 'queued');
      }
      case 'blocking.thread_spawn':
        // multi_thread launches its workers as blocking-pool jobs (tokio-facts.md §8 thread_cap);
        // those events carry the job's task id and the worker index, not a pool thread's.
        if (e.task !== 0) {
          this.workerJobs[e.thread] = e.task;
          return;
        }
        return thread('spawned');
      case 'blocking.job_start':
        leave();
        thread('running', e.task);
        return this.markTask(e.task, at, e, 'running');
      case 'blocking.job_sleep':
        return thread('sleeping', e.task, e.value);
      case 'blocking.job_end':
        thread('idle');
        return this.markTask(e.task, at, e, 'done');
      case 'blocking.thread_idle':
        return thread('idle');
      case 'blocking.thread_exit':
        return thread('exited');
      case 'blocking.job_cancelled':
        leave();
        return this.markTask(e.task, at, e, 'done');
      default:
        return;
    }
  }

  private workerEvent(
    at: number,
    e: Extract<SimEvent, { type: 'worker.park' | 'worker.unpark' | 'worker.searching' }>,
  ): void {
    for (let w = 0; w <= e.worker; w++) this.workers[w] ??= [];
    const marks = this.workers[e.worker];
    const last = marks[marks.length - 1] ?? IDLE_WORKER;
    if (e.type === 'worker.park') marks.push({ at, parked: true, driver: e.inDriver, searching: false });
    else if (e.type === 'worker.unpark') marks.push({ at, parked: false, driver: false, searching: last.searching });
    else marks.push({ at, parked: last.parked, driver: last.driver, searching: e.searching });
  }
}
