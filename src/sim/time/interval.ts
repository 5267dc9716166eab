/**
 * `tokio::time::Interval` (tokio-facts.md §9; Tokio `time/interval.rs`). The first tick is due at
 * `start` (so `interval(p)` completes its first tick at once); each tick re-arms the Sleep at the
 * next deadline without re-filing it (that happens on the next poll). More than 5 ms late counts
 * as a missed tick and the `MissedTickBehavior` (Burst by default) picks the next deadline.
 */
import type { Nanos, SimContext } from '../contracts.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { FAR_FUTURE_OFFSET, NANOS_PER_MS } from './clock.ts';
import { requireContext } from './driver.ts';
import { Sleep } from './sleep.ts';

export type MissedTickBehavior = 'burst' | 'delay' | 'skip';

const MISSED_TICK_SLACK: Nanos = 5 * NANOS_PER_MS;

export const PERIOD_ZERO_PANIC = '`period` must be non-zero.';

export class Interval {
  private readonly delay: Sleep;
  private behavior: MissedTickBehavior = 'burst';

  private readonly ctx: SimContext;

  constructor(
    start: Nanos,
    private readonly periodNs: Nanos,
    ctx?: SimContext,
  ) {
    if (!(periodNs > 0)) throw new RustPanic(PERIOD_ZERO_PANIC);
    this.ctx = requireContext(ctx);
    this.delay = new Sleep(start, this.ctx);
  }

  period(): Nanos {
    return this.periodNs;
  }

  missedTickBehavior(): MissedTickBehavior {
    return this.behavior;
  }

  setMissedTickBehavior(b: MissedTickBehavior): void {
    this.behavior = b;
  }

  /** `poll_tick`: Ready with the instant this tick was scheduled for. */
  pollTick(cx: Context): Poll<Nanos> {
    if (this.delay.poll(cx) === PENDING) return PENDING;
    const timeout = this.delay.deadline();
    const now = this.ctx.time.clock.now();
    const next = now > timeout + MISSED_TICK_SLACK ? this.nextTimeout(timeout, now) : timeout + this.periodNs;
    this.delay.resetWithoutReregister(Number.isFinite(next) ? next : now + FAR_FUTURE_OFFSET);
    return timeout;
  }

  private nextTimeout(timeout: Nanos, now: Nanos): Nanos {
    const p = this.periodNs;
    switch (this.behavior) {
      case 'burst':
        return timeout + p;
      case 'delay':
        return now + p;
      case 'skip':
        return now + p - ((now - timeout) % p);
    }
  }

  /** `tick().await`: a future borrowing the interval; dropping it changes nothing (cancel-safe). */
  tick(): Future<Nanos> {
    return new IntervalTick(this);
  }

  reset(): void {
    this.delay.reset(this.ctx.time.clock.now() + this.periodNs);
  }

  resetImmediately(): void {
    this.delay.reset(this.ctx.time.clock.now());
  }

  resetAfter(afterNs: Nanos): void {
    this.delay.reset(this.ctx.time.clock.now() + afterNs);
  }

  resetAt(deadline: Nanos): void {
    this.delay.reset(deadline);
  }

  drop(): void {
    this.delay.drop();
  }
}

class IntervalTick implements Future<Nanos> {
  constructor(private readonly interval: Interval) {}

  poll(cx: Context): Poll<Nanos> {
    return this.interval.pollTick(cx);
  }

  drop(): void {}
}

/** `time::interval(period)`: first tick immediately. Panics if the period is zero. */
export function interval(periodNs: Nanos, ctx?: SimContext): Interval {
  if (!(periodNs > 0)) throw new RustPanic(PERIOD_ZERO_PANIC);
  const c = requireContext(ctx);
  return new Interval(c.time.clock.now(), periodNs, c);
}

/** `time::interval_at(start, period)`. */
export function intervalAt(start: Nanos, periodNs: Nanos, ctx?: SimContext): Interval {
  return new Interval(start, periodNs, ctx);
}
