/**
 * The simulated `tokio::runtime::Runtime` with the current_thread flavor (tokio-facts.md §6.2,
 * §4(f), §8, §9): a scheduler, its blocking pool and time driver, stepped one action at a time. `tick()` does exactly one scheduler
 * action; `blockOn` / `runToCompletion` loop it. Dropping the runtime (`shutdown()`) is steppable too.
 */
import { ChoicePoint } from '../choice.ts';
import type { SpawnMeta, TimeDriver } from '../contracts.ts';
import type { RuntimeMetrics } from '../context.ts';
import { AdvanceReason, EventKind } from '../events.ts';
import type { Future } from '../future.ts';
import { BlockingPool, DEFAULT_KEEP_ALIVE_NS, DEFAULT_MAX_BLOCKING_THREADS } from '../scheduler/blocking/pool.ts';
import type { AutoAdvanceHost } from '../scheduler/blocking/schedule.ts';
import { BlockOn } from '../scheduler/current-thread/block-on.ts';
import { CtCore, DEFAULT_CT_GLOBAL_QUEUE_INTERVAL, DEFAULT_EVENT_INTERVAL } from '../scheduler/current-thread/core.ts';
import { CtPark } from '../scheduler/current-thread/park.ts';
import { CtShutdown } from '../scheduler/current-thread/shutdown.ts';
import type { JoinHandle } from '../task/join-handle.ts';
import { SimClock } from '../time/clock.ts';
import { TimerDriver } from '../time/driver.ts';
import { IoDriver } from '../net/io-driver.ts';
import { RuntimeBase, worldFor } from './runtime-base.ts';
import { DeadlockError } from './sim-runtime.ts';
import type { RunOutcome, RuntimeConfig } from './sim-runtime.ts';
import type { RealTime, StepResult } from './step.ts';
import type { SimWorld } from './world.ts';

// Their home is sim-runtime.ts (shared by both flavors); re-exported for existing importers.
export { DeadlockError };
export type { RunOutcome, RuntimeConfig };

export class CurrentThreadRuntime extends RuntimeBase implements RealTime {
  readonly id: number;
  readonly world: SimWorld;
  readonly flavor = 'current_thread' as const;
  readonly time: TimeDriver;
  readonly io: IoDriver;
  readonly core: CtCore;
  readonly pool: BlockingPool;
  private readonly park: CtPark;
  private current: BlockOn<unknown> | null = null;
  private shutdownMachine: CtShutdown | null = null;

  constructor(config: RuntimeConfig) {
    super();
    if (config.flavor !== 'current_thread') {
      throw new Error('CurrentThreadRuntime: use createRuntime (runtime/create.ts) for the multi_thread flavor');
    }
    this.world = worldFor(config);
    this.id = this.world.runtimeIds.allocate();
    this.io = new IoDriver(this.world.signals, this.world.trace);
    this.time = config.timeDriver ?? new TimerDriver(new SimClock(true, config.startPaused ?? false), this.world.trace);
    this.core = new CtCore(this, this.time, {
      eventInterval: config.eventInterval ?? DEFAULT_EVENT_INTERVAL,
      globalQueueInterval: config.globalQueueInterval ?? DEFAULT_CT_GLOBAL_QUEUE_INTERVAL,
    });
    this.pool = new BlockingPool(
      this,
      this.time,
      this.autoAdvanceHost(),
      config.maxBlockingThreads ?? DEFAULT_MAX_BLOCKING_THREADS,
      config.threadKeepAliveNs ?? DEFAULT_KEEP_ALIVE_NS,
    );
    this.park = new CtPark(this.core, this.pool, this);
    this.world.trace.emit(EventKind.RuntimeCreated, 0, 0, this.id);
  }

  get isShutdown(): boolean {
    return this.shutdownMachine !== null;
  }

  spawn<T>(future: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
    return this.core.spawn(future, meta);
  }

  spawnBlocking<T>(job: Future<T>, meta?: SpawnMeta): JoinHandle<T> {
    return this.pool.spawn(job, meta);
  }

  metrics(): RuntimeMetrics {
    return { flavor: this.flavor, workers: 1, aliveTasks: this.core.owned.length };
  }

  /** A `block_on` is driving the scheduler (another thread's `Handle::block_on` only parks then). */
  get blockOnInProgress(): boolean {
    return this.current !== null && !this.current.done;
  }

  /** Starts `Runtime::block_on(fut)`; drive it with `tick()`. */
  startBlockOn<T>(future: Future<T>): BlockOn<T> {
    this.checkBlockOn();
    if (this.current !== null && !this.current.done) throw new Error('block_on already in progress on this runtime');
    const b = new BlockOn<T>(this.core, this.park, future);
    this.current = b;
    this.armDeadlockReport();
    return b;
  }

  /** Performs exactly one scheduler action. */
  tick(): StepResult {
    this.world.beginStep(this.time.clock.now());
    let r: StepResult;
    if (this.shutdownMachine !== null) r = this.shutdownMachine.step();
    else if (this.current !== null && !this.current.done) r = this.blockingFirst() ?? this.current.step();
    else r = { kind: 'idle' };
    if (r.kind === 'deadlock') this.reportDeadlock();
    return r;
  }

  /**
   * A blocking-pool thread that can act now may act before the core's next action (choice.ts
   * `BlockingFirst`; by default it waits for the core to park). Inside a park the pool already acts first.
   */
  private blockingFirst(): StepResult | null {
    if (this.park.active || this.pool.nextEventAt() > this.world.realNow) return null;
    if (this.world.choose(ChoicePoint.BlockingFirst, 2, 0) !== 1) return null;
    const b = this.pool.runNext();
    return b === null ? null : { kind: 'blocking', action: b };
  }

  /** Ticks until nothing is in progress; stops at a deadlock or after `maxSteps`. */
  runToCompletion(maxSteps = Number.MAX_SAFE_INTEGER): 'done' | 'deadlock' | 'step-limit' {
    for (let i = 0; i < maxSteps; i++) {
      const r = this.tick();
      if (r.kind === 'idle') return 'done';
      if (r.kind === 'deadlock') return 'deadlock';
    }
    return 'step-limit';
  }

  /** Begins `Runtime` drop; continue with `tick()` (or use `shutdownNow`). */
  shutdown(): void {
    if (this.shutdownMachine === null) {
      this.shutdownMachine = new CtShutdown(this.core, this.pool, this);
      this.world.trace.emit(EventKind.ShutdownPhase, 0, 0);
    }
  }

  protected isDropped(): boolean {
    return this.shutdownMachine !== null && this.shutdownMachine.done;
  }

  /** RealTime: real time moves; an unpaused clock moves with it. */
  advanceTo(ns: number): void {
    const world = this.world;
    const delta = ns - world.realNow;
    if (delta <= 0) return;
    world.realNow = ns;
    const clock = this.time.clock;
    if (!clock.paused) {
      clock.advanceTo(clock.now() + delta);
      world.trace.setTime(clock.now());
      world.trace.emit(EventKind.TimeAdvance, 0, Math.floor(clock.now() / 1_000_000) >>> 0, AdvanceReason.RealTime);
    }
  }

  private autoAdvanceHost(): AutoAdvanceHost {
    const clock = this.time.clock as unknown as Partial<{ inhibitAutoAdvance(): void; allowAutoAdvance(): void }>;
    return {
      inhibitAutoAdvance: () => clock.inhibitAutoAdvance?.(),
      allowAutoAdvance: () => clock.allowAutoAdvance?.(),
      unpark: () => this.core.unpark(),
    };
  }
}
