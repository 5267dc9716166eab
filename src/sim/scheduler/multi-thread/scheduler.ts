/**
 * The multi_thread scheduler's shared half — Tokio's `Handle` + `Shared` (tokio-facts.md §6.1,
 * §6.3 "Where a wake-up goes", "Idle / park / unpark", §4(f) mt shutdown, §3.5 worker ids, §8
 * thread cap; Tokio `scheduler/multi_thread/{worker,handle,mod}.rs`) — and the turn-taking that
 * replaces real parallelism.
 *
 * **Determinism policy.** The simulation has one thread of control. Each `tick()` is one step:
 * among the threads that can act now (block_on's thread when its waker fired; every worker that is
 * not blocked in a park), one is drawn with `FastRand::fastrand_n(count)` from a generator seeded
 * from the run's seed (no draw when only one can act), and it performs one action (`Worker.act`,
 * or one poll of the main future). When no thread can act, the worker parked inside the driver
 * sleeps until the next timer (virtual time moves); with no timer either, the program is stuck.
 */
import { IoDriver } from '../../net/io-driver.ts';
import type { SpawnMeta } from '../../contracts.ts';
import { enterContext, leaveContext, type RuntimeHandle, type RuntimeMetrics } from '../../context.ts';
import { AdvanceReason, EventKind, QueueId, ShutdownPhase } from '../../events.ts';
import type { Future } from '../../future.ts';
import { ChoicePoint, TURN_MAIN, TURN_POOL, turnWorker } from '../../choice.ts';
import { FastRand } from '../../rng.ts';
import type { SimWorld } from '../../runtime/world.ts';
import { Holder, Task, initHolders, type Schedule } from '../../task/cell.ts';
import { dropNotified, shutdownTask } from '../../task/harness.ts';
import {
  BlockingPool,
  DEFAULT_KEEP_ALIVE_NS,
  DEFAULT_MAX_BLOCKING_THREADS,
  type BlockingAction,
} from '../blocking/pool.ts';
import { OwnedTasks } from '../shared/owned-tasks.ts';
import { JoinHandle } from '../../task/join-handle.ts';
import { SimClock } from '../../time/clock.ts';
import { TimerDriver } from '../../time/driver.ts';
import type { TraceRecorder } from '../../trace/recorder.ts';
import { Idle } from './idle.ts';
import { InjectQueue } from './inject.ts';
import { MainThread } from './main-thread.ts';
import { DriverLock, ParkState } from './parker.ts';
import { MtThreadContext, WAKE_AT_ONCE } from './thread-context.ts';
import { MAIN_THREAD, MT_SHUTDOWN, MT_TURN, MT_UNPARK } from './trace-kinds.ts';
import { Worker, WorkerAction } from './worker.ts';

export interface MultiThreadConfig {
  /** Worker threads (Tokio's default is the machine's parallelism; the simulation needs it given). */
  readonly workers: number;
  /** `event_interval`, default 61. */
  readonly eventInterval?: number;
  /** `global_queue_interval`: default 61 (Tokio's self-tuning starts at 61 and, without real poll times, stays). */
  readonly globalQueueInterval?: number;
  readonly disableLifoSlot?: boolean;
  /** `max_blocking_threads` (default 512): the pool's cap is this plus the workers (§8). */
  readonly maxBlockingThreads?: number;
  readonly threadKeepAliveNs?: number;
}

interface ResolvedConfig {
  readonly eventInterval: number;
  readonly globalQueueInterval: number;
  readonly disableLifoSlot: boolean;
}

/** What one `tick()` did. */
export const MtStep = {
  /** block_on's thread polled the main future. */
  Main: 0,
  /** A worker acted (see `lastWorker`, `lastAction`). */
  Worker: 1,
  /** Nobody could act; the driver's worker slept until the next timer. */
  TimeAdvance: 2,
  /** Nobody can act and nothing is pending (block_on finished, or every worker exited). */
  Idle: 3,
  /** block_on's future waits but nothing can ever wake it: real Tokio would hang here. */
  Deadlock: 4,
  /** A blocking-pool thread acted (see `lastBlocking`). */
  Blocking: 5,
} as const;
export type MtStep = (typeof MtStep)[keyof typeof MtStep];

/** mt blocking-pool thread cap: the workers occupy pool threads for the runtime's lifetime (§8). */
export function blockingThreadCap(maxBlockingThreads: number, workers: number): number {
  return maxBlockingThreads + workers;
}

/** `gen_shared_list_size`: OwnedTasks shards = `min(1 << 16, next_power_of_two(workers) × 4)`. */
export function ownedShardCount(workers: number): number {
  let p = 1;
  while (p < workers) p *= 2;
  return Math.min(1 << 16, p * 4);
}

export class MultiThreadScheduler implements Schedule, RuntimeHandle {
  readonly id: number;
  readonly trace: TraceRecorder;
  readonly config: ResolvedConfig;
  readonly driver: TimerDriver;
  /** The I/O driver, shared like the timer driver: whoever holds the driver lock turns it. */
  readonly io: IoDriver;
  readonly inject = new InjectQueue<Task>();
  readonly idle: Idle;
  readonly workers: Worker[] = [];
  readonly driverLock = new DriverLock();
  readonly owned: OwnedTasks;
  readonly pool: BlockingPool;
  /** Task ids the worker threads consumed when launched through the blocking pool (§3.5). */
  readonly workerJobIds: number[] = [];
  readonly main: MainThread;
  /** The worker whose thread is acting now, or null (block_on's thread, or outside any tick). */
  current: Worker | null = null;
  lastWorker = -1;
  lastAction: WorkerAction = WorkerAction.Exited;
  lastBlocking: BlockingAction | null = null;
  /** Timers the driver fired during the current tick. */
  lastFired = 0;
  private readonly choice: FastRand;
  /** Identities of the threads that can act this tick (choice.ts TURN_*), reused. */
  private readonly turnIds: number[] = [];
  /** Identity of the thread that took the last turn (−1: none yet). */
  private lastActor = -1;
  private readonly contexts: MtThreadContext[] = [];
  private readonly mainCtx: MtThreadContext;
  private shutdownCores = 0;
  private closed = false;

  constructor(
    readonly world: SimWorld,
    config: MultiThreadConfig,
  ) {
    const n = config.workers;
    if (!Number.isInteger(n) || n <= 0) throw new Error('multi_thread: worker_threads must be greater than 0');
    const eventInterval = config.eventInterval ?? 61;
    const globalQueueInterval = config.globalQueueInterval ?? 61;
    if (globalQueueInterval <= 0) throw new Error('global_queue_interval must be greater than 0');
    this.config = { eventInterval, globalQueueInterval, disableLifoSlot: config.disableLifoSlot ?? false };
    this.trace = world.trace;
    this.id = world.runtimeIds.allocate();
    this.trace.emit(EventKind.RuntimeCreated, 0, 1, this.id);
    this.driver = new TimerDriver(new SimClock(false), world.trace);
    this.io = new IoDriver(world.signals, world.trace);
    this.owned = new OwnedTasks(world, ownedShardCount(n));
    // The pool's cap is max_blocking + workers, and the workers hold `workers` of those threads for
    // the runtime's lifetime: the pool here runs jobs only, so its own cap is max_blocking.
    this.pool = new BlockingPool(
      this,
      this.driver,
      undefined,
      config.maxBlockingThreads ?? DEFAULT_MAX_BLOCKING_THREADS,
      config.threadKeepAliveNs ?? DEFAULT_KEEP_ALIVE_NS,
    );
    this.idle = new Idle(n);
    const seeds = world.seeds;
    this.choice = new FastRand(seeds.nextSeed());
    this.main = new MainThread(this.trace);
    this.mainCtx = new MtThreadContext(
      this,
      'main',
      this.driver,
      this.main.coop,
      this.trace,
      new FastRand(seeds.nextSeed()),
      WAKE_AT_ONCE,
    );
    for (let i = 0; i < n; i++) {
      const w = new Worker(i, this, seeds.nextSeed());
      this.workers.push(w);
      const name = 'tokio-runtime-worker';
      this.contexts.push(
        new MtThreadContext(this, name, this.driver, w.coop, this.trace, new FastRand(seeds.nextSeed()), w),
      );
    }
    // Launch: every worker is a blocking-pool job, so each takes a task id.
    for (let i = 0; i < n; i++) {
      const jobId = world.taskIds.allocate();
      this.workerJobIds.push(jobId);
      this.trace.emit(EventKind.BlockingThreadSpawn, jobId, i);
    }
  }

  get clock(): SimClock {
    return this.driver.clock;
  }

  // ---- Schedule (what the harness calls) ------------------------------------------------------

  release(task: Task): boolean {
    return this.owned.remove(task);
  }

  schedule(task: Task): void {
    this.scheduleTask(task, false);
  }

  yieldNow(task: Task): void {
    this.scheduleTask(task, true);
  }

  unhandledPanic(_task: Task): void {}

  // ---- RuntimeHandle ----------------------------------------------------------------------------

  /** `Handle::spawn` → `bind_new_task`: owned-list bind, then schedule (LIFO on a worker). */
  spawn<T>(future: Future<T>, meta: SpawnMeta = {}): JoinHandle<T> {
    const world = this.world;
    const t = new Task(world, world.taskIds.allocate(), future, this, meta, false);
    const trace = this.trace;
    const name = meta.name === undefined ? 0 : trace.intern(meta.name) + 1;
    trace.emit(EventKind.TaskSpawned, t.id, 0, name, meta.span?.line ?? 0);
    // The three initial holders (§2.2) are implied by `task.spawned`, as on current_thread.
    initHolders(t, false);
    const jh = new JoinHandle<T>(t);
    if (!this.owned.bind(t)) {
      shutdownTask(t, Holder.Owned);
      dropNotified(t);
      return jh;
    }
    this.scheduleTask(t, false);
    return jh;
  }

  spawnBlocking<T>(job: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
    return this.pool.spawn(job, meta);
  }

  metrics(): RuntimeMetrics {
    return { flavor: 'multi_thread', workers: this.workers.length, aliveTasks: this.owned.length };
  }

  // ---- where a wake-up goes ---------------------------------------------------------------------

  /** `schedule_task`: on a worker holding its core → local; anywhere else → inject + notify. */
  scheduleTask(task: Task, isYield: boolean): void {
    const w = this.current;
    if (w !== null && w.coreInContext) {
      this.scheduleLocal(w, task, isYield);
      return;
    }
    this.pushRemote(task);
    this.notifyParkedRemote();
  }

  private scheduleLocal(w: Worker, task: Task, isYield: boolean): void {
    let shouldNotify: boolean;
    if (isYield || !w.lifoEnabled) {
      w.pushBack(task);
      shouldNotify = true;
    } else {
      const prev = w.lifo;
      if (prev !== null) {
        this.trace.emit(EventKind.QueuePop, prev.id, QueueId.Lifo, 0, w.index);
        w.lifo = null;
        w.pushBack(prev);
      }
      w.lifo = task;
      this.trace.emit(EventKind.QueuePush, task.id, QueueId.Lifo, 1, w.index);
      shouldNotify = prev !== null;
    }
    if (shouldNotify && w.parkPresent) this.notifyParkedLocal();
  }

  /** `push_remote_task`: a closed inject queue refuses it and the Notified is dropped. */
  pushRemote(task: Task): void {
    if (this.inject.push(task)) {
      this.trace.emit(
        EventKind.QueuePush,
        task.id,
        QueueId.Inject,
        this.inject.length,
        this.current?.index ?? MAIN_THREAD,
      );
    } else {
      this.trace.emit(EventKind.QueueDrop, task.id, QueueId.Inject, 0, this.current?.index ?? MAIN_THREAD);
      dropNotified(task);
    }
  }

  /** `next_remote_task`: one task from the inject queue. */
  popInject(worker: number): Task | null {
    const t = this.inject.pop();
    if (t === undefined) return null;
    this.trace.emit(EventKind.QueuePop, t.id, QueueId.Inject, this.inject.length, worker);
    return t;
  }

  /**
   * An overflow batch from worker `at`'s full local queue (`push_batch`, no notify): `tasks[0..n)`
   * oldest first; refused by a closed queue, when every Notified in it is dropped.
   */
  injectBatch(tasks: readonly Task[], n: number, at: number): void {
    const trace = this.trace;
    if (this.inject.pushBatch(tasks, n)) {
      const base = this.inject.length - n;
      for (let i = 0; i < n; i++) trace.emit(EventKind.QueuePush, tasks[i].id, QueueId.Inject, base + i + 1, at);
      return;
    }
    for (let i = 0; i < n; i++) {
      trace.emit(EventKind.QueueDrop, tasks[i].id, QueueId.Inject, 0, at);
      dropNotified(tasks[i]);
    }
  }

  notifyParkedLocal(): void {
    const i = this.idle.workerToNotify();
    if (i >= 0) this.unpark(i);
  }

  notifyParkedRemote(): void {
    const i = this.idle.workerToNotify();
    if (i >= 0) this.unpark(i);
  }

  notifyAll(): void {
    for (let i = 0; i < this.workers.length; i++) this.unpark(i);
  }

  /** The last searcher parked: make sure no queued work is left without a worker. */
  notifyIfWorkPending(): void {
    for (const w of this.workers) {
      if (!w.runQueue.isEmpty()) {
        this.notifyParkedLocal();
        return;
      }
    }
    if (!this.inject.isEmpty()) this.notifyParkedLocal();
  }

  private unpark(i: number): void {
    const prev = this.workers[i].parker.unpark();
    const parked = prev === ParkState.ParkedCondvar || prev === ParkState.ParkedDriver;
    this.trace.emit(MT_UNPARK, 0, i, parked ? 1 : 0);
  }

  /** The driver's turn: sleep until the next timer (limit undefined) or not at all (0), then fire. */
  driveTimers(limitNs: number | undefined): void {
    // The time driver parks inside the I/O driver: socket events are dispatched first, and
    // pending events make the park return at once.
    const events = this.io.turn();
    if (events > 0 && limitNs === undefined) limitNs = 0;
    const before = this.clock.now();
    this.lastFired += this.driver.park(limitNs).fired;
    const now = this.clock.now();
    if (now !== before) {
      // The driver slept: real time passed by the same amount (the mt clock is never paused).
      const world = this.world;
      world.trace.setTime(now);
      world.trace.emit(EventKind.TimeAdvance, 0, Math.floor(now / 1_000_000) >>> 0, AdvanceReason.RealTime);
      world.realNow += now - before;
      this.pool.expireIdle(world.realNow);
    }
  }

  /** `shutdown_core`: the last worker to arrive drains every core, the driver and the inject queue. */
  shutdownCore(w: Worker): void {
    this.shutdownCores++;
    this.trace.emit(MT_SHUTDOWN, 0, w.index, 1);
    if (this.shutdownCores !== this.workers.length) return;
    const trace = this.trace;
    trace.emit(MT_SHUTDOWN, 0, w.index, 2);
    trace.emit(EventKind.ShutdownPhase, 0, ShutdownPhase.LocalQueue);
    for (const core of this.workers) core.drainQueues();
    trace.emit(EventKind.ShutdownPhase, 0, ShutdownPhase.Driver);
    this.driver.shutdown();
    trace.emit(EventKind.ShutdownPhase, 0, ShutdownPhase.InjectQueue);
    for (let t = this.inject.pop(); t !== undefined; t = this.inject.pop()) {
      this.trace.emit(EventKind.QueueDrop, t.id, QueueId.Inject, this.inject.length, w.index);
      dropNotified(t);
    }
  }

  /** `Handle::close` (Runtime drop): close the inject queue and unpark every worker. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.trace.emit(EventKind.ShutdownPhase, 0, ShutdownPhase.Begin);
    if (this.inject.close()) this.notifyAll();
  }

  allWorkersExited(): boolean {
    for (const w of this.workers) if (!w.isExited()) return false;
    return true;
  }

  // ---- turn-taking -------------------------------------------------------------------------------

  startBlockOn(future: Future<unknown>): void {
    this.main.start(future);
  }

  /** One step: one thread acts (see the determinism policy in the header). */
  tick(): MtStep {
    this.world.beginStep(this.clock.now());
    this.lastFired = 0;
    const workers = this.workers;
    this.world.outsideArrives();
    const ioWake = this.driverLock.holder >= 0 && this.io.hasEvents() ? this.driverLock.holder : -1;
    const mainReady = this.main.isRunnable();
    const poolReady = this.pool.nextEventAt() <= this.world.realNow;
    // Written by index, never truncated: `length = 0` freed the backing store on every tick.
    // Entries past `count` are stale; the chooser reads only ids[0..options).
    const ids = this.turnIds;
    let count = 0;
    if (mainReady) ids[count++] = TURN_MAIN;
    if (poolReady) ids[count++] = TURN_POOL;
    // The worker parked in the driver wakes when epoll has events for it.
    for (let i = 0; i < workers.length; i++) if (i === ioWake || workers[i].isRunnable()) ids[count++] = turnWorker(i);
    if (count === 0) return this.noneRunnable();
    let k =
      count === 1 ? 0 : this.world.choose(ChoicePoint.MtTurn, count, this.choice.fastrandN(count), ids, this.lastActor);
    if (mainReady) {
      if (k === 0) return this.actMain();
      k--;
    }
    if (poolReady) {
      if (k === 0) return this.actPool();
      k--;
    }
    for (let i = 0; i < workers.length; i++) {
      if (i !== ioWake && !workers[i].isRunnable()) continue;
      if (k === 0) return this.actWorker(workers[i], false);
      k--;
    }
    throw new Error('multi_thread: turn selection out of range');
  }

  /**
   * Every thread waits: real time moves to the first thing that can happen — a blocking job's
   * sleep ending, or the next timer (the worker parked inside the driver wakes and fires it).
   */
  private noneRunnable(): MtStep {
    const h = this.driverLock.holder;
    if (h >= 0 && this.io.hasEvents()) {
      // epoll_wait returns in the worker parked inside the driver.
      this.actWorker(this.workers[h], false);
      return MtStep.Worker;
    }
    const tick = this.driver.nextExpirationTick();
    const timerAt = h >= 0 && tick !== undefined ? this.clock.instantOfTick(tick) : Infinity;
    const poolAt = this.pool.nextEventAt();
    const pressAt = this.world.nextOutsideAt();
    if (pressAt < Infinity && pressAt <= poolAt && pressAt <= timerAt && (h >= 0 || this.main.active)) {
      this.advanceRealTo(pressAt);
      this.world.outsideArrives();
      if (h >= 0) {
        this.actWorker(this.workers[h], false);
        return MtStep.Worker;
      }
    }
    // the program's std threads run while every runtime thread waits (one may wake a task)
    const threads = this.world.osThreads;
    const threadAt = threads === null ? Infinity : threads.nextEventAt();
    if (threadAt < poolAt && threadAt < timerAt) {
      this.advanceRealTo(threadAt);
      threads?.runOne();
      this.lastBlocking = null;
      return MtStep.Blocking;
    }
    if (poolAt < timerAt) {
      this.advanceRealTo(poolAt);
      return this.actPool();
    }
    if (timerAt < Infinity) {
      this.actWorker(this.workers[h], true);
      return MtStep.TimeAdvance;
    }
    if (this.main.active && h >= 0 && this.world.signals.arriveWhileIdle()) {
      this.actWorker(this.workers[h], false);
      return MtStep.Worker;
    }
    return this.main.active ? MtStep.Deadlock : MtStep.Idle;
  }

  /** Real time moves (the mt clock is never paused, so virtual time moves with it). */
  advanceRealTo(ns: number): void {
    const world = this.world;
    const delta = ns - world.realNow;
    if (delta <= 0) return;
    world.realNow = ns;
    const clock = this.clock;
    clock.advanceTo(clock.now() + delta);
    world.trace.setTime(clock.now());
    world.trace.emit(EventKind.TimeAdvance, 0, Math.floor(clock.now() / 1_000_000) >>> 0, AdvanceReason.RealTime);
    this.pool.expireIdle(ns);
  }

  private actPool(): MtStep {
    this.lastActor = TURN_POOL;
    this.current = null;
    this.lastBlocking = this.pool.runNext();
    return MtStep.Blocking;
  }

  private actMain(): MtStep {
    this.lastActor = TURN_MAIN;
    this.trace.emit(MT_TURN, 0, MAIN_THREAD, 0);
    this.current = null;
    const prev = enterContext(this.mainCtx);
    try {
      this.main.poll();
    } finally {
      leaveContext(prev);
    }
    return MtStep.Main;
  }

  private actWorker(w: Worker, timeAdvance: boolean): MtStep {
    const prevWorker = this.current;
    this.lastActor = turnWorker(w.index);
    this.current = w;
    this.lastWorker = w.index;
    this.trace.emit(MT_TURN, 0, w.index, timeAdvance ? 1 : 0);
    const prev = enterContext(this.contexts[w.index]);
    try {
      this.lastAction = timeAdvance ? w.actTimeAdvance() : w.act();
    } finally {
      leaveContext(prev);
      this.current = prevWorker;
    }
    return MtStep.Worker;
  }
}
