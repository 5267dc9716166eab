/**
 * The time driver (tokio-facts.md §9 "Driver park", "Paused clock"; Tokio `runtime/time/mod.rs`).
 * Owns the wheel and the clock. The scheduler sees it through `TimeDriver`; Sleep futures use
 * `reregister` / `clearEntry`. Fired wakers are woken in batches of 32, in firing order, after
 * each batch is collected (Tokio's `WakeList`, released outside the driver lock).
 */
import type { Nanos, SimContext, TimeDriver, TraceSink } from '../contracts.ts';
import type { Waker } from '../future.ts';
import type { SimClock } from './clock.ts';
import { MAX_TICK, NANOS_PER_MS } from './clock.ts';
import { TIMER_OK, TIMER_SHUTDOWN, TimerEntry } from './entry.ts';
import { currentContext } from '../context.ts';
import { AdvanceReason, EventKind } from '../events.ts';
import { RustPanic } from '../task/panic.ts';
import { Wheel } from './wheel.ts';

const WAKE_BATCH = 32;

/** What `park` did, for the scheduler's trace and its auto-advance bookkeeping. */
export interface ParkOutcome {
  /** Virtual time moved by this much (0 when nothing was due or auto-advance was inhibited). */
  readonly advancedNs: Nanos;
  /** Entries fired. */
  readonly fired: number;
}

export class TimerDriver implements TimeDriver {
  readonly wheel = new Wheel();
  private shutDown = false;
  private nextEntryId = 1;
  private batch: Waker[] = [];
  private spare: Waker[] = [];

  constructor(
    readonly clock: SimClock,
    private readonly trace?: TraceSink,
  ) {}

  get isShutdown(): boolean {
    return this.shutDown;
  }

  /** A fresh entry, not yet in the wheel (tests; a Sleep is its own entry). */
  newEntry(task: number): TimerEntry {
    return new TimerEntry(this.nextId(), task);
  }

  /** The next entry id for the trace. */
  nextId(): number {
    return this.nextEntryId++;
  }

  nextExpirationTick(): number | undefined {
    const t = this.wheel.nextExpirationTime();
    return t < 0 ? undefined : t;
  }

  /** `process_at_time(now)`: fires everything due at or before `nowTick`; returns how many. */
  processUpTo(nowTick: number): number {
    const wheel = this.wheel;
    if (nowTick < wheel.elapsed) nowTick = wheel.elapsed;
    let fired = 0;
    for (let e = wheel.poll(nowTick); e !== null; e = wheel.poll(nowTick)) {
      fired++;
      this.trace?.emit(EventKind.TimerFire, e.task, e.id, wheel.elapsed);
      const w = e.fire(TIMER_OK);
      if (w !== null && this.batch.push(w) === WAKE_BATCH) this.wakeBatch();
    }
    this.wakeBatch();
    return fired;
  }

  private wakeBatch(): void {
    const wakers = this.batch;
    const n = wakers.length;
    if (n === 0) return;
    // Swap buffers first: a woken waker could re-enter the driver.
    this.batch = this.spare;
    this.spare = wakers;
    for (let i = 0; i < n; i++) wakers[i].wake();
    wakers.length = 0;
  }

  /**
   * `park_internal` as the simulation runs it: when the next timer is in the future, "sleep"
   * until it by moving the clock (a paused clock only if auto-advance is allowed and nothing
   * woke the runtime meanwhile; an unpaused clock always, that is the real-time sleep), at most
   * `limitNs`; then process everything due. With no timer and no limit nothing advances.
   */
  park(limitNs?: Nanos, didWake = false): ParkOutcome {
    const clock = this.clock;
    const next = this.nextExpirationTick();
    const before = clock.now();
    let sleepNs: Nanos | undefined;
    if (next !== undefined) {
      const ticks = next - clock.nowTick();
      if (ticks > 0) {
        sleepNs = ticks * NANOS_PER_MS;
        if (limitNs !== undefined && limitNs < sleepNs) sleepNs = limitNs;
      }
    } else if (limitNs !== undefined) {
      sleepNs = limitNs;
    }
    if (sleepNs !== undefined && sleepNs > 0) {
      if (!clock.paused) {
        clock.advanceTo(before + sleepNs);
        this.traceAdvance(AdvanceReason.RealTime);
      } else if (clock.canAutoAdvance() && !didWake) {
        clock.advance(sleepNs);
        this.traceAdvance(AdvanceReason.AutoAdvance);
      }
    }
    const fired = this.processUpTo(clock.nowTick());
    return { advancedNs: clock.now() - before, fired };
  }

  /** Emits `time.advance` (a = new time in whole ms). */
  traceAdvance(reason: number): void {
    const trace = this.trace;
    if (trace === undefined) return;
    // The recorder stamps events with the step's time; tell it the clock moved (TraceRecorder.setTime).
    (trace as Partial<{ setTime(ns: number): void }>).setTime?.(this.clock.now());
    trace.emit(EventKind.TimeAdvance, 0, Math.floor(this.clock.now() / NANOS_PER_MS) >>> 0, reason);
  }

  /**
   * `reregister`: (re)files an entry at `tick`. Already due → fired at once; after shutdown →
   * fired with the shutdown error. A fired entry's waker is woken here.
   */
  reregister(entry: TimerEntry, tick: number): void {
    if (entry.mightBeRegistered()) this.wheel.remove(entry);
    let w: Waker | null = null;
    if (this.shutDown) {
      w = entry.fire(TIMER_SHUTDOWN);
    } else {
      entry.setExpiration(tick);
      if (this.wheel.insert(entry)) {
        this.trace?.emit(EventKind.TimerRegister, entry.task, entry.id, tick);
      } else {
        w = entry.fire(TIMER_OK);
      }
    }
    if (w !== null) w.wake();
  }

  /** `clear_entry` (Sleep dropped): unfile it; its waker is released without waking. */
  clearEntry(entry: TimerEntry): void {
    if (entry.mightBeRegistered()) {
      this.wheel.remove(entry);
      this.trace?.emit(EventKind.TimerCancel, entry.task, entry.id);
    }
    const w = entry.fire(TIMER_OK);
    if (w !== null) w.drop();
  }

  /** Driver shutdown: every entry fires (Ok, at the end of time); later polls of a Sleep panic. */
  shutdown(): void {
    if (this.shutDown) return;
    this.shutDown = true;
    this.processUpTo(MAX_TICK);
  }

  /** The tick a deadline falls in (round-up), clamped to the wheel's range. */
  deadlineToTick(t: Nanos): number {
    return this.clock.tickOf(t);
  }
}

/** Tokio's `CONTEXT_MISSING_ERROR`: a timer or spawn outside any runtime. */
export const CONTEXT_MISSING_ERROR =
  'there is no reactor running, must be called from the context of a Tokio 1.x runtime';

/** The given context, else the current one, else Tokio's "no reactor" panic. */
export function requireContext(ctx?: SimContext): SimContext {
  const c = ctx ?? currentContext();
  if (c === undefined) throw new RustPanic(CONTEXT_MISSING_ERROR);
  return c;
}

/** The runtime's timer driver; Sleep needs the concrete driver, not just the scheduler's view. */
export function timerDriverOf(ctx: SimContext): TimerDriver {
  const d = ctx.time;
  if (!(d instanceof TimerDriver)) throw new Error('the runtime was built without the simulated time driver');
  return d;
}
