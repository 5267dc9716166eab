/**
 * One multi_thread worker: its `Core` (tick, LIFO slot, local run queue, searching flag, rand) and
 * its main loop (tokio-facts.md §6.3 "Worker main loop", "run_task", "Idle / park / unpark", §6.4,
 * §7 budget per run_task, §4(f) mt shutdown; Tokio `scheduler/multi_thread/worker.rs`).
 *
 * Tokio's loop runs on its own OS thread; here it is a state machine that advances by one *action*
 * per call of `act()` (the scheduler chooses which thread acts): one task poll (a pick, a steal or
 * the next link of a LIFO chain, plus the bookkeeping around it), one maintenance, one park or
 * resumption, or one task shut down. Between actions the worker keeps exactly what Tokio's thread
 * keeps on its stack: the coop budget of the current `run_task`, the LIFO poll count, the park loop.
 */
import { ChoicePoint } from '../../choice.ts';
import { CoopState, INITIAL_BUDGET, type CoopEvent, type CoopHost } from '../../coop.ts';
import { EventKind, QueueId, ShutdownPhase } from '../../events.ts';
import type { Waker } from '../../future.ts';
import { FastRand, type RngSeed } from '../../rng.ts';
import { Holder, type Task } from '../../task/cell.ts';
import { dropNotified, pollTask, shutdownTask } from '../../task/harness.ts';
import { LOCAL_QUEUE_CAPACITY, LocalQueue, QueueStats, type Overflow } from './local-queue.ts';
import { injectBatchSize } from './inject.ts';
import { ParkState, Parker } from './parker.ts';
import type { MultiThreadScheduler } from './scheduler.ts';
import {
  MT_LIFO_CAPPED,
  MT_MAINTENANCE,
  MT_OVERFLOW,
  MT_PARK,
  MT_SEARCHING,
  MT_SHUTDOWN,
  MT_STEAL,
} from './trace-kinds.ts';

/** `MAX_LIFO_POLLS_PER_TICK`. */
export const MAX_LIFO_POLLS_PER_TICK = 3;

const Phase = { Top: 0, Pick: 1, Chain: 2, Parked: 3, PreShutdown: 4, Exited: 5 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

/** What one action of a worker did (traced as MT_TURN's b). */
export const WorkerAction = {
  Poll: 0,
  LifoPoll: 1,
  Maintenance: 2,
  /** park_timeout(0) because only deferred wakers were left. */
  ParkYield: 3,
  /** Parked (blocked until unparked or, inside the driver, until the next timer). */
  Park: 4,
  /** transition_to_parked refused: tasks arrived meanwhile. */
  ParkRefused: 5,
  /** Returned from a park (unparked, or the driver saw a timer fire). */
  Unparked: 6,
  ShutdownStep: 7,
  Exited: 8,
} as const;
export type WorkerAction = (typeof WorkerAction)[keyof typeof WorkerAction];

export class Worker implements CoopHost, Overflow<Task> {
  // ---- Core ----
  tick = 0;
  lifo: Task | null = null;
  lifoEnabled: boolean;
  readonly runQueue = new LocalQueue<Task>();
  isSearching = false;
  isShutdown = false;
  /** `core.park.is_some()`: false while the worker is inside park / park_timeout. */
  parkPresent = true;
  globalQueueInterval: number;
  readonly rand: FastRand;
  readonly stats = new QueueStats();
  // ---- Context (the worker thread) ----
  /** `cx.core.is_some()`: true during run_task and park_timeout, where wake-ups go local. */
  coreInContext = false;
  readonly deferred: Waker[] = [];
  readonly coop: CoopState;
  readonly parker = new Parker();
  phase: Phase = Phase.Top;
  /** Id of the task this worker last polled or shut down (for step results). */
  lastTask = 0;
  private lifoPolls = 0;
  private shutdownStart = 0;
  private shutdownCursor = 0;
  private readonly scratch: Task[] = [];

  constructor(
    readonly index: number,
    private readonly s: MultiThreadScheduler,
    seed: RngSeed,
  ) {
    this.lifoEnabled = !s.config.disableLifoSlot;
    this.globalQueueInterval = s.config.globalQueueInterval;
    this.rand = new FastRand(seed);
    this.coop = new CoopState(this);
  }

  /** Can this thread act now (not blocked in a park, not exited)? */
  isRunnable(): boolean {
    const p = this.phase;
    return p !== Phase.Exited && (p !== Phase.Parked || this.parker.state === ParkState.Notified);
  }

  isExited(): boolean {
    return this.phase === Phase.Exited;
  }

  isParked(): boolean {
    return this.phase === Phase.Parked;
  }

  hasTasks(): boolean {
    return this.lifo !== null || this.runQueue.hasTasks();
  }

  /** One action of this worker's thread; the scheduler has made it the current thread. */
  act(): WorkerAction {
    switch (this.phase) {
      case Phase.Top:
        return this.top();
      case Phase.Pick:
        this.phase = Phase.Top;
        return this.pickAndRun();
      case Phase.Chain:
        return this.lifoLink();
      case Phase.Parked:
        return this.resumeFromPark(false);
      case Phase.PreShutdown:
        return this.shutdownStep();
      default:
        return WorkerAction.Exited;
    }
  }

  /** The driver holder's park ends because virtual time reached the next timer. */
  actTimeAdvance(): WorkerAction {
    return this.resumeFromPark(true);
  }

  // ---- the run loop --------------------------------------------------------------------

  private top(): WorkerAction {
    if (this.isShutdown) {
      const shards = this.s.owned.shards;
      const drawn = this.rand.fastrandN(shards);
      // With no task left to shut down the start shard changes nothing: no decision to log.
      this.shutdownStart = this.s.owned.isEmpty()
        ? drawn
        : this.s.world.choose(ChoicePoint.ShutdownShard, shards, drawn);
      this.shutdownCursor = 0;
      const owned = this.s.owned;
      if (!owned.isClosed) this.s.trace.emit(EventKind.ShutdownPhase, 0, ShutdownPhase.OwnedTasks);
      owned.close();
      this.s.trace.emit(MT_SHUTDOWN, 0, this.index, 0);
      this.phase = Phase.PreShutdown;
      return this.shutdownStep();
    }
    this.tick = (this.tick + 1) >>> 0;
    if (this.tick % this.s.config.eventInterval === 0) {
      this.s.trace.emit(MT_MAINTENANCE, 0, this.index, this.tick);
      this.parkTimeoutZero();
      this.coreMaintenance();
      this.phase = Phase.Pick;
      return WorkerAction.Maintenance;
    }
    return this.pickAndRun();
  }

  private pickAndRun(): WorkerAction {
    let task = this.nextTask();
    if (task === null) task = this.stealWork();
    if (task !== null) {
      this.runTask(task);
      return WorkerAction.Poll;
    }
    if (this.deferred.length !== 0) {
      this.parkTimeoutZero();
      return WorkerAction.ParkYield;
    }
    return this.park();
  }

  private nextTask(): Task | null {
    const s = this.s;
    if (this.tick % this.globalQueueInterval === 0) {
      // Tokio retunes the interval here; without real poll times the tuned value stays put.
      const t = s.popInject(this.index);
      return t !== null ? t : this.nextLocalTask();
    }
    const local = this.nextLocalTask();
    if (local !== null) return local;
    const inject = s.inject;
    if (inject.isEmpty()) return null;
    const n = injectBatchSize(inject.length, s.workers.length, this.runQueue.remainingSlots(), LOCAL_QUEUE_CAPACITY);
    const rq = this.runQueue;
    const before = rq.len();
    const first = inject.popNInto(n, rq, this.scratch);
    if (first === undefined) return null;
    const trace = s.trace;
    trace.emit(EventKind.QueuePop, first.id, QueueId.Inject, inject.length + rq.len() - before, this.index);
    for (let i = before, k = rq.len(); i < k; i++) {
      const t = rq.peek(i) as Task;
      trace.emit(EventKind.QueuePop, t.id, QueueId.Inject, inject.length + k - i - 1, this.index);
      trace.emit(EventKind.QueuePush, t.id, QueueId.Local, i + 1, this.index);
    }
    return first;
  }

  private nextLocalTask(): Task | null {
    const l = this.lifo;
    if (l !== null) {
      this.lifo = null;
      this.s.trace.emit(EventKind.QueuePop, l.id, QueueId.Lifo, 0, this.index);
      return l;
    }
    const t = this.runQueue.pop();
    if (t === undefined) return null;
    this.s.trace.emit(EventKind.QueuePop, t.id, QueueId.Local, this.runQueue.len(), this.index);
    return t;
  }

  private stealWork(): Task | null {
    if (!this.transitionToSearching()) return null;
    const workers = this.s.workers;
    const num = workers.length;
    const drawn = this.rand.fastrandN(num);
    // With two workers the only other one is the victim whatever the draw: nothing is decided.
    const start = num > 2 ? this.s.world.choose(ChoicePoint.StealVictim, num, drawn) : drawn;
    for (let i = 0; i < num; i++) {
      const idx = (start + i) % num;
      if (idx === this.index) continue;
      const before = this.runQueue.len();
      const t = workers[idx].runQueue.stealInto(this.runQueue, this.stats);
      if (t !== undefined) {
        this.traceSteal(t, workers[idx], before);
        return t;
      }
    }
    return this.s.popInject(this.index);
  }

  /**
   * A steal moved the victim's oldest tasks in one claim; the trace takes them out one by one so a
   * fold always knows where each Notified is: the first ones enter this worker's queue (already
   * appended from `before`), the last is run now.
   */
  private traceSteal(task: Task, victim: Worker, before: number): void {
    const trace = this.s.trace;
    const rq = this.runQueue;
    const moved = rq.len() - before;
    trace.emit(MT_STEAL, task.id, this.index, victim.index, moved + 1);
    const left = victim.runQueue.len();
    for (let i = 0; i < moved; i++) {
      const t = rq.peek(before + i) as Task;
      trace.emit(EventKind.QueuePop, t.id, QueueId.Local, left + moved - i, victim.index);
      trace.emit(EventKind.QueuePush, t.id, QueueId.Local, before + i + 1, this.index);
    }
    trace.emit(EventKind.QueuePop, task.id, QueueId.Local, left, victim.index);
  }

  private transitionToSearching(): boolean {
    if (!this.isSearching) {
      this.isSearching = this.s.idle.transitionWorkerToSearching();
      if (this.isSearching) this.s.trace.emit(MT_SEARCHING, 0, this.index, 1);
    }
    return this.isSearching;
  }

  private transitionFromSearching(): void {
    if (!this.isSearching) return;
    this.isSearching = false;
    this.s.trace.emit(MT_SEARCHING, 0, this.index, 0);
    if (this.s.idle.transitionWorkerFromSearching()) this.s.notifyParkedLocal();
  }

  // ---- run_task: one budget for the task and the LIFO chain after it ----------------------

  private runTask(task: Task): void {
    this.transitionFromSearching();
    this.coop.enter(INITIAL_BUDGET);
    this.coreInContext = true;
    this.lifoPolls = 0;
    this.lastTask = task.id;
    pollTask(task, this.index);
    this.afterPoll();
  }

  private lifoLink(): WorkerAction {
    const task = this.lifo as Task;
    this.lifo = null;
    this.s.trace.emit(EventKind.QueuePop, task.id, QueueId.Lifo, 0, this.index);
    this.lifoPolls++;
    if (this.lifoPolls >= MAX_LIFO_POLLS_PER_TICK) {
      this.lifoEnabled = false;
      this.s.trace.emit(MT_LIFO_CAPPED, task.id, this.index);
    }
    this.lastTask = task.id;
    pollTask(task, this.index);
    this.afterPoll();
    return WorkerAction.LifoPoll;
  }

  /** The top of run_task's chain loop: stop, or leave the next LIFO poll for the next action. */
  private afterPoll(): void {
    const next = this.lifo;
    if (next === null) {
      this.lifoEnabled = !this.s.config.disableLifoSlot;
      this.endRunTask();
      return;
    }
    if (!this.coop.hasBudgetRemaining()) {
      this.lifo = null;
      this.s.trace.emit(EventKind.QueuePop, next.id, QueueId.Lifo, 0, this.index);
      this.pushBack(next);
      this.endRunTask();
      return;
    }
    this.phase = Phase.Chain;
  }

  private endRunTask(): void {
    this.coop.exit();
    this.coreInContext = false;
    this.phase = Phase.Top;
  }

  /** `push_back_or_overflow` with the trace. */
  pushBack(task: Task): void {
    const r = this.runQueue.pushBackOrOverflow(task, this, this.stats);
    if (r === 0) this.s.trace.emit(EventKind.QueuePush, task.id, QueueId.Local, this.runQueue.len(), this.index);
  }

  // ---- Overflow<Task>: a full local queue sends tasks to the inject queue (no notify) ----------

  /** Only the new task goes (a steal is in progress); it never entered the local queue. */
  push(task: Task): void {
    this.s.trace.emit(MT_OVERFLOW, 0, this.index, 1);
    this.s.pushRemote(task);
  }

  /** The oldest half, already claimed off the local queue, plus the new task (`tasks[n − 1]`). */
  pushBatch(tasks: readonly Task[], n: number): void {
    const trace = this.s.trace;
    trace.emit(MT_OVERFLOW, 0, this.index, n);
    const left = this.runQueue.len();
    for (let i = 0; i < n - 1; i++)
      trace.emit(EventKind.QueuePop, tasks[i].id, QueueId.Local, left + n - 2 - i, this.index);
    this.s.injectBatch(tasks, n, this.index);
  }

  // ---- park / park_timeout ------------------------------------------------------------------

  /** `park_timeout(core, Some(0))`: drive the driver without sleeping (if free), wake deferred. */
  private parkTimeoutZero(): void {
    this.parkPresent = false;
    this.coreInContext = true;
    if (this.s.driverLock.isFree()) this.s.driveTimers(0);
    this.afterParkTimeout();
  }

  private afterParkTimeout(): void {
    this.wakeDeferred();
    this.coreInContext = false;
    this.parkPresent = true;
    if (this.shouldNotifyOthers()) this.s.notifyParkedLocal();
  }

  /** `Context::park`: transition_to_parked, then block (the loop continues in resumeFromPark). */
  private park(): WorkerAction {
    if (!this.transitionToParked()) return WorkerAction.ParkRefused;
    return this.parkBlock();
  }

  private parkBlock(): WorkerAction {
    if (this.isShutdown) {
      this.phase = Phase.Top;
      return WorkerAction.Park;
    }
    this.parkPresent = false;
    this.coreInContext = true;
    if (this.parker.takeNotification()) return this.afterPark();
    const s = this.s;
    if (s.driverLock.tryLock(this.index)) {
      this.parker.state = ParkState.ParkedDriver;
      s.trace.emit(MT_PARK, 0, this.index, 1);
    } else {
      this.parker.state = ParkState.ParkedCondvar;
      s.trace.emit(MT_PARK, 0, this.index, 0);
    }
    this.phase = Phase.Parked;
    return WorkerAction.Park;
  }

  private resumeFromPark(timeAdvance: boolean): WorkerAction {
    const s = this.s;
    if (s.driverLock.holder === this.index) {
      // The driver returns: after a sleep until the next timer, or early because of an unpark;
      // either way it processes what is due before releasing the lock.
      s.driveTimers(timeAdvance ? undefined : 0);
      s.driverLock.unlock();
    }
    this.parker.state = ParkState.Empty;
    this.afterPark();
    return WorkerAction.Unparked;
  }

  private afterPark(): WorkerAction {
    this.afterParkTimeout();
    this.coreMaintenance();
    if (this.transitionFromParked() || this.isShutdown) {
      this.phase = Phase.Top;
      return WorkerAction.Unparked;
    }
    return this.parkBlock();
  }

  private transitionToParked(): boolean {
    if (this.hasTasks()) return false;
    const isLast = this.s.idle.transitionWorkerToParked(this.index, this.isSearching);
    if (this.isSearching) this.s.trace.emit(MT_SEARCHING, 0, this.index, 0);
    this.isSearching = false;
    if (isLast) this.s.notifyIfWorkPending();
    return true;
  }

  private transitionFromParked(): boolean {
    const idle = this.s.idle;
    if (this.hasTasks()) {
      this.isSearching = !idle.unparkWorkerById(this.index);
      return true;
    }
    if (idle.isParked(this.index)) return false;
    this.isSearching = true;
    return true;
  }

  private shouldNotifyOthers(): boolean {
    if (this.isSearching) return false;
    return (this.lifo !== null ? 1 : 0) + this.runQueue.len() > 1;
  }

  private coreMaintenance(): void {
    if (!this.isShutdown) this.isShutdown = this.s.inject.isClosed();
  }

  // ---- the defer list and the coop host ------------------------------------------------------

  /** `Context::defer`: with the core in the context, queue; otherwise wake at once. */
  deferWaker(waker: Waker): void {
    if (!this.coreInContext) {
      waker.wakeByRef();
      return;
    }
    const d = this.deferred;
    if (d.length !== 0 && d[d.length - 1].willWake(waker)) return;
    d.push(waker.clone());
    this.s.trace.emit(EventKind.WakerDefer, waker.target >>> 0, d.length);
  }

  /** `Defer::wake`: last deferred first. */
  wakeDeferred(): void {
    const d = this.deferred;
    if (d.length === 0) return;
    this.s.trace.emit(EventKind.DeferWake, 0, d.length);
    for (let w = d.pop(); w !== undefined; w = d.pop()) w.wake();
  }

  defer(waker: Waker): void {
    this.deferWaker(waker);
  }

  onCoopEvent(event: CoopEvent, remaining: number): void {
    this.s.trace.emit(EventKind.CoopBudget, 0, event, remaining);
  }

  // ---- shutdown (§4(f) multi_thread) ---------------------------------------------------------

  /** `pre_shutdown`: close_and_shutdown_all from a random shard, one task per action. */
  private shutdownStep(): WorkerAction {
    const owned = this.s.owned;
    const shards = owned.shards;
    while (this.shutdownCursor < shards) {
      const t = owned.popBack(this.shutdownStart + this.shutdownCursor);
      if (t !== null) {
        this.lastTask = t.id;
        shutdownTask(t, Holder.Owned);
        return WorkerAction.ShutdownStep;
      }
      this.shutdownCursor++;
    }
    this.s.shutdownCore(this);
    // The worker thread's last act: wake what is still deferred (no core: they go remote).
    this.wakeDeferred();
    this.phase = Phase.Exited;
    return WorkerAction.Exited;
  }

  /** `Core::shutdown` (run by the last worker for every core): drop every queued Notified. */
  drainQueues(): void {
    const trace = this.s.trace;
    const l = this.lifo;
    if (l !== null) {
      this.lifo = null;
      trace.emit(EventKind.QueueDrop, l.id, QueueId.Lifo, 0, this.index);
      dropNotified(l);
    }
    for (let t = this.runQueue.pop(); t !== undefined; t = this.runQueue.pop()) {
      trace.emit(EventKind.QueueDrop, t.id, QueueId.Local, this.runQueue.len(), this.index);
      dropNotified(t);
    }
  }
}
