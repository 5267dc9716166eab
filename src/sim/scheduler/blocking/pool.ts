/**
 * The blocking pool (tokio-facts.md §8, Tokio `runtime/blocking/pool.rs`): a FIFO of unowned tasks,
 * up to `threadCap` threads spawned on demand, idle threads kept alive 10 s, shutdown cancelling
 * jobs nobody picked up yet. Threads run "in parallel" on the world's real-time axis: each action
 * of a thread (start a job, resume it after `blockingSleep`, finish, go idle, exit) is one step.
 *
 * As in Tokio, a thread that just finished a job takes the next queued one without looking at the
 * shutdown flag; only a thread woken from idle checks it and then cancels what is queued.
 */
import type { SpawnMeta, TimeDriver } from '../../contracts.ts';
import { enterContext, leaveContext } from '../../context.ts';
import type { RuntimeHandle } from '../../context.ts';
import { EventKind, QueueId } from '../../events.ts';
import { PENDING } from '../../future.ts';
import type { Context, Future, Poll } from '../../future.ts';
import type { SimWorld } from '../../runtime/world.ts';
import { Holder, Task, flushRefs, holderAdd, holderRemove, initHolders } from '../../task/cell.ts';
import { dropReference, isPollSuspended, pollTask, resumePoll, shutdownTask, traceState } from '../../task/harness.ts';
import { JoinHandle } from '../../task/join-handle.ts';
import * as S from '../../task/state.ts';
import { TaskDeque } from '../shared/task-deque.ts';
import { BlockingSchedule } from './schedule.ts';
import type { AutoAdvanceHost } from './schedule.ts';
import { HandleContext } from '../shared/handle-context.ts';

export const DEFAULT_MAX_BLOCKING_THREADS = 512;
export const DEFAULT_KEEP_ALIVE_NS = 10_000_000_000;

/** ready: will take the next queued job; woken: left idle on a notify (checks shutdown first). */
type ThreadState = 'ready' | 'woken' | 'sleeping' | 'idle' | 'exited';

export interface BlockingThread {
  readonly index: number;
  state: ThreadState;
  task: Task | null;
  /** real ns: when a sleeping job resumes, or when the thread went idle. */
  at: number;
  readonly context: HandleContext;
}

export type BlockingAction =
  | { readonly kind: 'job_start'; readonly thread: number; readonly task: number }
  | { readonly kind: 'job_resume'; readonly thread: number; readonly task: number }
  | { readonly kind: 'job_cancelled'; readonly thread: number; readonly task: number }
  | { readonly kind: 'thread_idle' | 'thread_exit'; readonly thread: number; readonly task: 0 };

let sleepingJob: Task | null = null;

/**
 * Inside a blocking job: "this closure now sleeps `ns` of real time" (`std::thread::sleep`). The
 * job must return PENDING right after; the pool re-polls it when real time reaches the end.
 */
export function blockingSleep(ns: number): void {
  const t = sleepingJob;
  if (t === null) throw new Error('blockingSleep called outside a blocking-pool job');
  t.blockingWakeAt = t.world.realNow + Math.max(0, ns);
}

/** Polls the job with the rule that Pending is only allowed after `blockingSleep`. */
class BlockingJob<T> implements Future<T> {
  task: Task | null = null;
  private readonly job: Future<T>;

  constructor(job: Future<T>) {
    this.job = job;
  }

  poll(cx: Context): Poll<T> {
    const prev = sleepingJob;
    sleepingJob = this.task;
    try {
      const r = this.job.poll(cx);
      if (r === PENDING && (this.task === null || this.task.blockingWakeAt < 0)) {
        throw new Error('a blocking job returned Pending without blockingSleep (blocking closures cannot await)');
      }
      return r;
    } finally {
      sleepingJob = prev;
    }
  }

  drop(): void {
    this.job.drop();
  }
}

export class BlockingPool {
  readonly threads: BlockingThread[] = [];
  private readonly queue = new TaskDeque(16);
  private readonly world: SimWorld;
  private readonly handle: RuntimeHandle;
  private readonly time: TimeDriver;
  private readonly autoAdvance: AutoAdvanceHost | undefined;
  private readonly threadCap: number;
  private readonly keepAliveNs: number;
  private shutdownFlag = false;

  constructor(
    handle: RuntimeHandle,
    time: TimeDriver,
    autoAdvance: AutoAdvanceHost | undefined,
    threadCap = DEFAULT_MAX_BLOCKING_THREADS,
    keepAliveNs = DEFAULT_KEEP_ALIVE_NS,
  ) {
    this.world = handle.world;
    this.handle = handle;
    this.time = time;
    this.autoAdvance = autoAdvance;
    this.threadCap = threadCap;
    this.keepAliveNs = keepAliveNs;
  }

  get isShutdown(): boolean {
    return this.shutdownFlag;
  }

  get queued(): readonly Task[] {
    return this.queue.toArray();
  }

  /** `spawn_blocking`: an unowned task (2 refs + the JoinHandle's), queued FIFO. */
  spawn<T>(job: Future<T>, meta: SpawnMeta = {}): JoinHandle<T> {
    const world = this.world;
    const wrapped = new BlockingJob(job);
    const t = new Task(world, world.taskIds.allocate(), wrapped, new BlockingSchedule(this.autoAdvance), meta, true);
    wrapped.task = t;
    const name = meta.name === undefined ? 0 : world.trace.intern(meta.name) + 1;
    world.trace.emit(EventKind.TaskSpawned, t.id, 1, name, meta.span?.line ?? 0);
    initHolders(t, true);
    const jh = new JoinHandle<T>(t);
    if (this.shutdownFlag) {
      this.shutdownUnowned(t);
      return jh;
    }
    this.queue.pushBack(t);
    world.trace.emit(EventKind.QueuePush, t.id, QueueId.Blocking, this.queue.length);
    world.trace.emit(EventKind.BlockingQueued, t.id, 0, this.queue.length);
    const idle = this.threads.find((th) => th.state === 'idle');
    if (idle !== undefined) idle.state = 'woken';
    else if (this.liveThreads() < this.threadCap) this.spawnThread();
    return jh;
  }

  /** Jobs queued or running: while true the runtime may be woken by this pool. */
  hasWork(): boolean {
    if (this.queue.length > 0) return true;
    for (const th of this.threads) if (th.state !== 'idle' && th.state !== 'exited') return true;
    return false;
  }

  /** Real instant of the next thread action (a job step, or an idle thread's keep-alive exit); Infinity: none. */
  nextEventAt(): number {
    let next = Infinity;
    const now = this.world.realNow;
    for (const th of this.threads) {
      const at = this.dueAt(th);
      if (at <= now) return now;
      if (at < next) next = at;
    }
    return next;
  }

  /** Runs the action of the first thread due at the current real instant; null if none is due. */
  runNext(): BlockingAction | null {
    const now = this.world.realNow;
    for (const th of this.threads) {
      if (this.dueAt(th) > now) continue;
      if (th.state === 'idle') {
        this.exit(th);
        return { kind: 'thread_exit', thread: th.index, task: 0 };
      }
      return this.act(th);
    }
    return null;
  }

  /** Real time jumped to `now`: idle threads past their keep-alive exit (for callers that skip `runNext`). */
  expireIdle(now: number): void {
    for (const th of this.threads) {
      if (th.state === 'idle' && th.at + this.keepAliveNs <= now) this.exit(th);
    }
  }

  private dueAt(th: BlockingThread): number {
    switch (th.state) {
      case 'ready':
      case 'woken':
        return this.world.realNow;
      case 'sleeping':
        return th.at;
      case 'idle':
        return th.at + this.keepAliveNs;
      default:
        return Infinity;
    }
  }

  /** `BlockingPool::shutdown`: set the flag and wake every idle thread. */
  shutdown(): void {
    if (this.shutdownFlag) return;
    this.shutdownFlag = true;
    for (const th of this.threads) if (th.state === 'idle') th.state = 'woken';
  }

  /** True once shut down and every thread has exited. */
  isDrained(): boolean {
    return this.shutdownFlag && this.threads.every((th) => th.state === 'exited');
  }

  private liveThreads(): number {
    let n = 0;
    for (const th of this.threads) if (th.state !== 'exited') n++;
    return n;
  }

  private spawnThread(): void {
    const index = this.threads.length;
    const context = new HandleContext(this.handle, this.time, `blocking-${index}`, this.world.seeds.nextSeed());
    this.threads.push({ index, state: 'ready', task: null, at: this.world.realNow, context });
    this.world.trace.emit(EventKind.BlockingThreadSpawn, 0, index);
  }

  private act(th: BlockingThread): BlockingAction {
    if (th.state === 'sleeping') {
      const t = th.task;
      if (t === null) throw new Error('sleeping blocking thread without a job');
      this.runSegment(th, t, true);
      return { kind: 'job_resume', thread: th.index, task: t.id };
    }
    if (th.state === 'woken' && this.shutdownFlag) {
      const t = this.pop();
      if (t === null) {
        this.exit(th);
        return { kind: 'thread_exit', thread: th.index, task: 0 };
      }
      this.world.trace.emit(EventKind.BlockingJobCancelled, t.id, th.index);
      this.withThread(th, () => this.shutdownUnowned(t));
      return { kind: 'job_cancelled', thread: th.index, task: t.id };
    }
    const t = this.pop();
    if (t === null) {
      if (this.shutdownFlag) {
        this.exit(th);
        return { kind: 'thread_exit', thread: th.index, task: 0 };
      }
      th.state = 'idle';
      th.at = this.world.realNow;
      this.world.trace.emit(EventKind.BlockingThreadIdle, 0, th.index);
      return { kind: 'thread_idle', thread: th.index, task: 0 };
    }
    // UnownedTask::run: one of its two references becomes the `Task` handle, the other the poll's.
    holderRemove(t, Holder.Unowned, false);
    holderAdd(t, Holder.Owned, false);
    holderAdd(t, Holder.Notified);
    flushRefs(t);
    this.world.trace.emit(EventKind.BlockingJobStart, t.id, th.index);
    this.runSegment(th, t, false);
    return { kind: 'job_start', thread: th.index, task: t.id };
  }

  private runSegment(th: BlockingThread, t: Task, resume: boolean): void {
    th.task = t;
    this.withThread(th, () => (resume ? resumePoll(t) : pollTask(t)));
    if (isPollSuspended(t)) {
      th.state = 'sleeping';
      th.at = t.blockingWakeAt;
      this.world.trace.emit(EventKind.BlockingJobSleep, t.id, th.index, Math.floor(th.at / 1_000_000) >>> 0);
      return;
    }
    this.world.trace.emit(EventKind.BlockingJobEnd, t.id, th.index);
    th.task = null;
    th.state = 'ready';
    this.withThread(th, () => dropReference(t, Holder.Owned));
  }

  private withThread(th: BlockingThread, f: () => void): void {
    const prev = enterContext(th.context);
    th.context.coop.enter(-1);
    try {
      f();
    } finally {
      th.context.coop.exit();
      leaveContext(prev);
    }
  }

  private pop(): Task | null {
    const t = this.queue.popFront();
    if (t !== null) this.world.trace.emit(EventKind.QueuePop, t.id, QueueId.Blocking, this.queue.length);
    return t;
  }

  private exit(th: BlockingThread): void {
    th.state = 'exited';
    this.world.trace.emit(EventKind.BlockingThreadExit, 0, th.index);
  }

  /** `UnownedTask::shutdown`: drop one of the two references, then shut the task down. */
  private shutdownUnowned(t: Task): void {
    const before = t.state;
    S.refDec(t);
    holderRemove(t, Holder.Unowned, false);
    holderAdd(t, Holder.Owned);
    traceState(t, before, S.Transition.RefDec, 0);
    shutdownTask(t, Holder.Owned);
  }
}
