/**
 * The virtual clock (tokio-facts.md §9 "Resolution", "Paused clock"; Tokio `time/clock.rs` and
 * `runtime/time/source.rs`). Time is nanoseconds since the runtime's origin; the timer driver
 * works in whole milliseconds. Nothing here reads the machine's clock: an unpaused clock moves
 * only when the driver "sleeps" (advanceTo), a paused one also through `time::advance`.
 */
import type { Nanos, VirtualClock } from '../contracts.ts';

export const NANOS_PER_MS = 1_000_000;

/**
 * Tokio caps ticks at `u64::MAX − 2`; JS numbers are exact only up to 2^53, so ticks saturate
 * there. Deadlines that far out (far_future is ~30 years) behave the same: they never fire.
 */
export const MAX_TICK = Number.MAX_SAFE_INTEGER;

/** `Instant::far_future()`: 30 years after the given instant, like Tokio's. */
export const FAR_FUTURE_OFFSET: Nanos = 86_400 * 365 * 30 * 1_000_000_000;

/** Panic messages of Tokio's clock, reproduced verbatim for the interpreter. */
export const CLOCK_ERRORS = {
  notFrozen: 'time is not frozen',
  alreadyFrozen: 'time is already frozen',
  pauseNeedsCurrentThread:
    '`time::pause()` requires the `current_thread` Tokio runtime. This is the default Runtime used by `#[tokio::test].',
} as const;

export class ClockError extends Error {
  override readonly name = 'ClockError';
}

export class SimClock implements VirtualClock {
  private base: Nanos = 0;
  private frozen: boolean;
  /** `spawn_blocking` jobs outstanding on this runtime inhibit auto-advance (§8, test-util). */
  private autoAdvanceInhibitCount = 0;

  /**
   * @param enablePausing true for current_thread runtimes (only those may pause, §9).
   * @param startPaused `start_paused = true`.
   */
  constructor(
    private readonly enablePausing: boolean = true,
    startPaused: boolean = false,
  ) {
    this.frozen = false;
    if (startPaused) this.pause();
  }

  get paused(): boolean {
    return this.frozen;
  }

  now(): Nanos {
    return this.base;
  }

  advanceTo(t: Nanos): void {
    if (t > this.base) this.base = t;
  }

  /** `Clock::advance`: only a frozen clock may be moved by hand. */
  advance(d: Nanos): void {
    if (!this.frozen) throw new ClockError(CLOCK_ERRORS.notFrozen);
    this.base += d;
  }

  pause(): void {
    if (!this.enablePausing) throw new ClockError(CLOCK_ERRORS.pauseNeedsCurrentThread);
    if (this.frozen) throw new ClockError(CLOCK_ERRORS.alreadyFrozen);
    this.frozen = true;
  }

  resume(): void {
    if (!this.frozen) throw new ClockError(CLOCK_ERRORS.notFrozen);
    this.frozen = false;
  }

  inhibitAutoAdvance(): void {
    this.autoAdvanceInhibitCount++;
  }

  allowAutoAdvance(): void {
    this.autoAdvanceInhibitCount--;
  }

  canAutoAdvance(): boolean {
    return this.frozen && this.autoAdvanceInhibitCount === 0;
  }

  /** `deadline_to_tick`: round up to the next whole ms (1 ns → tick 1). */
  tickOf(t: Nanos): number {
    return instantToTick(t + (NANOS_PER_MS - 1));
  }

  /** `TimeSource::now`: the current tick, truncated (the driver processes up to this). */
  nowTick(): number {
    return instantToTick(this.base);
  }

  instantOfTick(tick: number): Nanos {
    return tick * NANOS_PER_MS;
  }
}

/** `instant_to_tick`: whole ms since the origin, truncated, saturating at both ends. */
export function instantToTick(t: Nanos): number {
  if (t <= 0) return 0;
  const ms = Math.floor(t / NANOS_PER_MS);
  return ms > MAX_TICK ? MAX_TICK : ms;
}
