/**
 * `tokio::time::Sleep` (tokio-facts.md §9 "sleep", §7 budget; Tokio `time/sleep.rs`,
 * `runtime/time/entry.rs` `TimerEntry`). The deadline is fixed at creation, the wheel entry is
 * created and filed lazily on the first poll; a deadline already processed by the wheel fires at
 * once so that same poll is Ready. Every poll stores (a clone of) the polling waker in the entry —
 * even a Ready one, as Tokio does — and the entry keeps it until it fires (woken by value) or the
 * Sleep is dropped (released). Each Ready poll takes one unit of coop budget.
 */
import type { Nanos, SimContext } from '../contracts.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { DEREGISTERED, TIMER_SHUTDOWN, TimerEntry } from './entry.ts';
import { currentContext } from '../context.ts';
import { requireContext, timerDriverOf, type TimerDriver } from './driver.ts';
import { FAR_FUTURE_OFFSET } from './clock.ts';

/** Tokio's `RUNTIME_SHUTTING_DOWN_ERROR`, the panic of a Sleep polled after driver shutdown. */
export const RUNTIME_SHUTTING_DOWN_ERROR = 'A Tokio 1.x context was found, but it is being shutdown.';
/** Display of `time::error::Error::shutdown()`; Sleep panics with `timer error: {e}`. */
export const TIMER_SHUTDOWN_ERROR = 'the timer is shutdown, must be called from the context of Tokio runtime';

const enum Bit {
  /** Filed (or to be filed) at `deadlineNs`: false until the first poll, and after `resetWithoutReregister`. */
  Registered = 1,
  /** The entry part has its trace id (first registration done). */
  Initialized = 2,
  Dropped = 4,
}

/**
 * The Sleep carries its wheel entry inline (it *is* the entry), as Tokio keeps `TimerShared`
 * inside the pinned Sleep: one allocation per sleep. The entry part is initialised — and gets its
 * trace id — on the first registration.
 */
export class Sleep extends TimerEntry implements Future<void> {
  // Assigned in the constructor (see TimerEntry).
  declare private deadlineNs: Nanos;
  /** `Bit`s: registered, initialized, dropped (one field, not three: 16 bytes a live sleep). */
  declare private bits: number;
  declare private readonly driver: TimerDriver;

  /** `Sleep::new_timeout`: needs a runtime (the given context or the current one). */
  constructor(deadline: Nanos, ctx?: SimContext) {
    const c = requireContext(ctx);
    super(0, c.currentTaskId() ?? 0);
    this.bits = 0;
    this.driver = timerDriverOf(c);
    this.deadlineNs = deadline;
  }

  deadline(): Nanos {
    return this.deadlineNs;
  }

  /** True once the timer fired after having been registered. */
  isElapsed(): boolean {
    return (this.bits & Bit.Initialized) !== 0 && !this.mightBeRegistered() && (this.bits & Bit.Registered) !== 0;
  }

  /** `Sleep::reset`: new deadline, re-filed now (a later one on a filed entry just moves `when`). */
  reset(deadline: Nanos): void {
    this.resetEntry(deadline, true);
  }

  /** `reset_without_reregister` (Interval): the new deadline is filed on the next poll. */
  resetWithoutReregister(deadline: Nanos): void {
    this.resetEntry(deadline, false);
  }

  private resetEntry(deadline: Nanos, reregister: boolean): void {
    this.deadlineNs = deadline;
    this.bits = reregister ? this.bits | Bit.Registered : this.bits & ~Bit.Registered;
    const tick = this.driver.deadlineToTick(deadline);
    if ((this.bits & Bit.Initialized) === 0) {
      this.bits |= Bit.Initialized;
      this.id = this.driver.nextId();
    }
    if (this.extendExpiration(tick)) return;
    if (reregister) this.driver.reregister(this, tick);
  }

  poll(cx: Context): Poll<void> {
    // The budget is the polling thread's (undefined outside a runtime: unconstrained).
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    if (this.driver.isShutdown) {
      coop?.restore();
      throw new RustPanic(RUNTIME_SHUTTING_DOWN_ERROR);
    }
    if ((this.bits & Bit.Registered) === 0) this.resetEntry(this.deadlineNs, true);
    this.registerWaker(cx.waker);
    if (this.when !== DEREGISTERED) {
      coop?.restore();
      return PENDING;
    }
    coop?.madeProgress();
    if (this.result === TIMER_SHUTDOWN) throw new RustPanic(`timer error: ${TIMER_SHUTDOWN_ERROR}`);
    return undefined;
  }

  drop(): void {
    if ((this.bits & Bit.Dropped) !== 0) return;
    this.bits |= Bit.Dropped;
    if ((this.bits & Bit.Initialized) === 0) return;
    this.driver.clearEntry(this);
    // A fired entry still holds the waker of the poll that saw it Ready.
    const w = this.waker;
    this.waker = null;
    if (w !== null) w.drop();
  }
}

/** `time::sleep(d)`: deadline = now + d (saturating to far future), registered on first poll. */
export function sleep(durationNs: Nanos, ctx?: SimContext): Sleep {
  const c = requireContext(ctx);
  const now = c.time.clock.now();
  const deadline = Number.isFinite(durationNs) ? now + durationNs : now + FAR_FUTURE_OFFSET;
  return new Sleep(deadline, c);
}

/** `time::sleep_until(deadline)`. */
export function sleepUntil(deadline: Nanos, ctx?: SimContext): Sleep {
  return new Sleep(deadline, ctx);
}
