/**
 * current_thread `park` / `park_yield` with the time driver's `park_internal` (tokio-facts.md §6.2
 * block_on loop step 3–4, §9 "Driver park" and "Paused clock", §8 test-util): a parked thread lets
 * blocking-pool threads run; with a paused clock it auto-advances to the next timer unless blocking
 * jobs are outstanding or something unparked it (`did_wake`); otherwise it waits on the real-time
 * axis until a timer is due or a blocking job unparks it.
 */
import { ChoicePoint } from '../../choice.ts';
import { AdvanceReason, EventKind } from '../../events.ts';
import type { BlockingPool } from '../blocking/pool.ts';
import type { ParkStep, RealTime, StepResult } from '../../runtime/step.ts';
import type { CtCore } from './core.ts';

const NS_PER_MS = 1_000_000;

/** The optional test-util side of a clock (time/clock.ts `SimClock`). */
interface AutoAdvanceClock {
  canAutoAdvance(): boolean;
}

function canAutoAdvance(clock: object): boolean {
  const c = clock as Partial<AutoAdvanceClock>;
  return typeof c.canAutoAdvance === 'function' ? c.canAutoAdvance() : false;
}

type ParkPhase = 'none' | 'enter' | 'wait' | 'process' | 'defer';

export class CtPark {
  private phase: ParkPhase = 'none';
  private isYield = false;
  /** Real instant a timed wait ends (Infinity: until unparked). */
  private waitUntil = Infinity;
  private advancedNs = 0;
  /** The tick `process` fires timers up to (read by `processTimers`). */
  private nowTick = 0;
  /** What a park returns: one object, rewritten each park (step.ts `StepResult`). */
  private readonly parkStep: ParkStep = { kind: 'park', yield: false, advancedNs: 0, fired: 0 };
  // Made once, not per park (a park happens about every other step in spawn-heavy programs).
  private readonly wakeDeferred = (): number => this.core.ctx.deferred.wake();
  /** The time driver parks inside the I/O driver: socket events are dispatched before timers fire. */
  private readonly processTimers = (): number => {
    const io = this.core.ctx.handle.io;
    if (io !== undefined) io.turn();
    return this.core.ctx.time.processUpTo(this.nowTick);
  };

  constructor(
    private readonly core: CtCore,
    private readonly pool: BlockingPool,
    private readonly real: RealTime,
  ) {}

  get active(): boolean {
    return this.phase !== 'none';
  }

  /** `park` (yieldOnly false) or `park_yield` (true). */
  begin(yieldOnly: boolean): void {
    this.phase = 'enter';
    this.isYield = yieldOnly;
    this.advancedNs = 0;
  }

  /** One action of the park in progress; null when the park finished without a further action. */
  step(): StepResult | null {
    for (;;) {
      switch (this.phase) {
        case 'none':
          return null;
        case 'enter': {
          // Blocking threads run concurrently: whatever they can do at this instant happens first,
          // unless the schedule makes them slower this time (choice.ts BlockingAtPark).
          if (
            this.pool.nextEventAt() <= this.core.world.realNow &&
            this.core.world.choose(ChoicePoint.BlockingAtPark, 2, 0) === 0
          ) {
            const b = this.pool.runNext();
            if (b !== null) return { kind: 'blocking', action: b };
          }
          if (!this.isYield && this.core.local.length > 0) {
            this.phase = 'none';
            return null;
          }
          this.enterDriver();
          continue;
        }
        case 'wait': {
          const r = this.waitStep();
          if (r !== null) return r;
          continue;
        }
        case 'process':
          return this.process();
        case 'defer': {
          this.phase = 'none';
          const n = this.core.withCore(this.wakeDeferred);
          this.core.world.trace.emit(EventKind.DeferWake, 0, n);
          return { kind: 'defer', woken: n };
        }
      }
    }
  }

  private enterDriver(): void {
    const core = this.core;
    // A Ctrl-C press that real time has reached kills the process or wakes the driver.
    core.world.outsideArrives();
    const clock = core.ctx.time.clock;
    const next = core.ctx.time.nextExpirationTick();
    const limit = this.isYield ? 0 : undefined;
    if (next !== undefined) {
      const nowTick = Math.floor(clock.now() / NS_PER_MS);
      const ticks = next > nowTick ? next - nowTick : 0;
      if (ticks > 0)
        this.parkThreadTimeout(limit === undefined ? ticks * NS_PER_MS : Math.min(limit, ticks * NS_PER_MS));
      else this.parkTimeoutZero();
    } else if (limit !== undefined) {
      this.parkThreadTimeout(limit);
    } else if (this.consumeToken() || this.ioReady()) {
      this.phase = 'process';
    } else {
      this.waitUntil = Infinity;
      this.phase = 'wait';
    }
  }

  /** test-util `park_thread_timeout`. */
  private parkThreadTimeout(durationNs: number): void {
    const core = this.core;
    const clock = core.ctx.time.clock;
    if (canAutoAdvance(clock)) {
      this.consumeToken();
      const woke = core.didWake;
      core.didWake = false;
      if (!woke && durationNs > 0) {
        clock.advanceTo(clock.now() + durationNs);
        this.advancedNs += durationNs;
        core.world.trace.setTime(clock.now());
        core.world.trace.emit(
          EventKind.TimeAdvance,
          0,
          Math.floor(clock.now() / NS_PER_MS) >>> 0,
          AdvanceReason.AutoAdvance,
        );
      }
      this.phase = 'process';
      return;
    }
    // epoll_wait returns at once when the I/O driver has events queued.
    if (this.consumeToken() || durationNs === 0 || this.ioReady()) {
      this.phase = 'process';
      return;
    }
    this.waitUntil = core.world.realNow + durationNs;
    this.phase = 'wait';
  }

  private parkTimeoutZero(): void {
    this.consumeToken();
    this.phase = 'process';
  }

  private ioReady(): boolean {
    return this.core.ctx.handle.io?.hasEvents() ?? false;
  }

  private consumeToken(): boolean {
    const had = this.core.unparkToken;
    this.core.unparkToken = false;
    return had;
  }

  /** Waiting on the real-time axis: let blocking threads act until unparked or timed out. */
  private waitStep(): StepResult | null {
    const world = this.core.world;
    const next = this.pool.nextEventAt();
    const press = world.nextOutsideAt();
    if (press < next && press <= this.waitUntil) {
      // Ctrl-C arrives while the thread sleeps in epoll_wait: the signal pipe wakes the driver.
      this.advance(press);
      world.outsideArrives();
      this.phase = 'process';
      return null;
    }
    // std threads run while this thread sleeps in the driver (one may wake a task and unpark it)
    const threads = world.osThreads;
    const threadAt = threads === null ? Infinity : threads.nextEventAt();
    if (threadAt < next && threadAt <= this.waitUntil) {
      if (threadAt > world.realNow) this.advance(threadAt);
      threads?.runOne();
      if (this.consumeToken()) this.phase = 'process';
      return null;
    }
    if (next === Infinity && this.waitUntil === Infinity) {
      if (!world.signals.arriveWhileIdle()) return { kind: 'deadlock' };
      this.phase = 'process';
      return null;
    }
    if (next <= this.waitUntil) {
      if (next > world.realNow) this.advance(next);
      const b = this.pool.runNext();
      if (this.consumeToken()) this.phase = 'process';
      return b === null ? null : { kind: 'blocking', action: b };
    }
    this.advance(this.waitUntil);
    this.phase = 'process';
    return null;
  }

  private advance(ns: number): void {
    const clock = this.core.ctx.time.clock;
    const before = clock.now();
    this.real.advanceTo(ns);
    this.advancedNs += clock.now() - before;
  }

  /** `handle.process(now)` then the deferred wakers (a separate step). */
  private process(): StepResult {
    const core = this.core;
    const time = core.ctx.time;
    this.nowTick = Math.floor(time.clock.now() / NS_PER_MS);
    const fired = core.withCore(this.processTimers);
    core.world.trace.emit(EventKind.Park, 0, this.isYield ? 1 : 0, this.advancedNs > 0 ? 1 : 0);
    this.phase = core.ctx.deferred.isEmpty() ? 'none' : 'defer';
    const r = this.parkStep;
    r.yield = this.isYield;
    r.advancedNs = this.advancedNs;
    r.fired = fired;
    return r;
  }
}
