/**
 * `Runtime` with the multi_thread flavor (tokio-facts.md §6.3, §4(f) mt shutdown, §8): the
 * `SimRuntime` surface (runtime/sim-runtime.ts) over the `MultiThreadScheduler`, returned by
 * `createRuntime({ flavor: 'multi_thread' })`. Each `tick()` is one step of one simulated thread
 * (see scheduler.ts for which thread acts); worker steps say which worker acted.
 */
import type { SpawnMeta } from '../../contracts.ts';
import type { RuntimeMetrics } from '../../context.ts';
import type { Future } from '../../future.ts';
import { RuntimeBase, worldFor } from '../../runtime/runtime-base.ts';
import type { BlockOnHandle, RuntimeConfig } from '../../runtime/sim-runtime.ts';
import type { ParkStep, StepResult, TaskStep } from '../../runtime/step.ts';
import type { SimWorld } from '../../runtime/world.ts';
import type { JoinHandle } from '../../task/join-handle.ts';
import { RustPanic } from '../../task/panic.ts';
import type { TimerDriver } from '../../time/driver.ts';
import { MtStep, MultiThreadScheduler } from './scheduler.ts';
import { WorkerAction } from './worker.ts';

/** Tokio's `Clock::pause` refusal, raised by `Builder::build` when `start_paused` meets multi_thread. */
export const MT_START_PAUSED_PANIC =
  '`time::pause()` requires the `current_thread` Tokio runtime. This is the default Runtime used by `#[tokio::test].';

/** The default worker count when the config names none (Tokio uses the machine's parallelism). */
export const DEFAULT_SIM_WORKERS = 4;

/** A `block_on` in progress: `status` settles when the main future is Ready or panicked. */
export type MtBlockOn<T> = BlockOnHandle<T>;

class MainHandle<T> implements MtBlockOn<T> {
  constructor(private readonly s: MultiThreadScheduler) {}

  get done(): boolean {
    return this.s.main.done;
  }

  get status(): MtBlockOn<T>['status'] {
    return this.s.main.status as MtBlockOn<T>['status'];
  }
}

// The main-poll results carry no data: one object each, not one per poll.
const MAIN_PENDING: StepResult = { kind: 'main', outcome: 'pending' };
const MAIN_READY: StepResult = { kind: 'main', outcome: 'ready' };
const MAIN_PANICKED: StepResult = { kind: 'main', outcome: 'panicked' };

export class MultiThreadRuntime extends RuntimeBase {
  readonly flavor = 'multi_thread' as const;
  readonly scheduler: MultiThreadScheduler;
  private shuttingDown = false;

  constructor(config: RuntimeConfig) {
    super();
    // Tokio's clock allows pausing only on current_thread; `start_paused` makes build() panic.
    if (config.startPaused === true) throw new RustPanic(MT_START_PAUSED_PANIC);
    this.scheduler = new MultiThreadScheduler(worldFor(config), {
      workers: config.workers ?? DEFAULT_SIM_WORKERS,
      eventInterval: config.eventInterval,
      globalQueueInterval: config.globalQueueInterval,
      maxBlockingThreads: config.maxBlockingThreads,
      threadKeepAliveNs: config.threadKeepAliveNs,
    });
  }

  get id(): number {
    return this.scheduler.id;
  }

  get world(): SimWorld {
    return this.scheduler.world;
  }

  get time(): TimerDriver {
    return this.scheduler.driver;
  }

  get isShutdown(): boolean {
    return this.shuttingDown;
  }

  spawn<T>(future: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
    return this.scheduler.spawn(future, meta);
  }

  spawnBlocking<T>(job: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
    return this.scheduler.spawnBlocking(job, meta);
  }

  metrics(): RuntimeMetrics {
    return this.scheduler.metrics();
  }

  startBlockOn<T>(future: Future<T>): MtBlockOn<T> {
    this.checkBlockOn();
    this.scheduler.startBlockOn(future);
    this.armDeadlockReport();
    return new MainHandle<T>(this.scheduler);
  }

  /** Performs exactly one step of one thread. */
  tick(): StepResult {
    const s = this.scheduler;
    if (this.shuttingDown && this.isDropped()) return { kind: 'idle' };
    const before = s.clock.now();
    const r = s.tick();
    switch (r) {
      case MtStep.Main: {
        const st = s.main.status.kind;
        return st === 'running' ? MAIN_PENDING : st === 'ready' ? MAIN_READY : MAIN_PANICKED;
      }
      case MtStep.Worker:
        return this.workerResult(s.clock.now() - before);
      case MtStep.TimeAdvance:
        // The worker parked in the driver slept until the next timer and fired what was due.
        return this.park(false, s.clock.now() - before, s.lastWorker);
      case MtStep.Blocking: {
        const a = s.lastBlocking;
        return a === null ? { kind: 'idle' } : { kind: 'blocking', action: a };
      }
      case MtStep.Deadlock:
        this.reportDeadlock();
        return { kind: 'deadlock' };
      default:
        return { kind: 'idle' };
    }
  }

  private workerResult(advancedNs: number): StepResult {
    const s = this.scheduler;
    const worker = s.lastWorker;
    const w = s.workers[worker];
    switch (s.lastAction) {
      case WorkerAction.Poll:
      case WorkerAction.LifoPoll: {
        const t = this.taskStep;
        t.task = w.lastTask;
        t.worker = worker;
        return t;
      }
      case WorkerAction.Maintenance:
      case WorkerAction.ParkYield:
        return this.park(true, advancedNs, worker);
      case WorkerAction.ShutdownStep:
        return { kind: 'shutdown', phase: 'owned_tasks', task: w.lastTask, worker };
      case WorkerAction.Exited:
        return { kind: 'shutdown', phase: 'local_queue', task: 0, worker };
      default:
        return this.park(false, advancedNs, worker);
    }
  }

  // The task and park results: one object each, rewritten per step (step.ts `StepResult`).
  private readonly taskStep: TaskStep = { kind: 'task', task: 0, worker: 0 };
  private readonly parkStep: ParkStep = { kind: 'park', yield: false, advancedNs: 0, fired: 0, worker: 0 };

  private park(yieldOnly: boolean, advancedNs: number, worker: number): ParkStep {
    const p = this.parkStep;
    p.yield = yieldOnly;
    p.advancedNs = advancedNs;
    p.fired = this.scheduler.lastFired;
    p.worker = worker;
    return p;
  }

  protected isDropped(): boolean {
    return this.scheduler.allWorkersExited() && this.scheduler.pool.isDrained();
  }

  /** Ticks until nothing is in progress; stops at a deadlock or after `maxSteps`. */
  runToCompletion(maxSteps = Number.MAX_SAFE_INTEGER): 'done' | 'deadlock' | 'step-limit' {
    const s = this.scheduler;
    for (let i = 0; i < maxSteps; i++) {
      if (this.shuttingDown ? this.isDropped() : s.main.done || !s.main.active) return 'done';
      const r = this.tick();
      if (r.kind === 'deadlock') return 'deadlock';
      if (r.kind === 'idle' && !this.shuttingDown) return 'done';
    }
    return 'step-limit';
  }

  /** Begins `Runtime` drop (§4(f) mt): close + unpark the workers, shut the blocking pool down. */
  shutdown(): void {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    this.scheduler.main.abandon();
    this.scheduler.close();
    this.scheduler.pool.shutdown();
  }
}

export function createMultiThreadRuntime(config: RuntimeConfig): MultiThreadRuntime {
  return new MultiThreadRuntime(config);
}
