/**
 * `time::pause`, `time::resume`, `time::advance` (tokio-facts.md §9 "Paused clock"; Tokio
 * `time/clock.rs`, feature test-util). Clock errors become Rust panics with Tokio's messages.
 */
import type { Nanos, SimContext } from '../contracts.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { currentContext } from '../context.ts';
import { ClockError } from './clock.ts';
import { timerDriverOf } from './driver.ts';
import { AdvanceReason } from '../events.ts';

export const OUTSIDE_RUNTIME_PANIC = 'time cannot be frozen from outside the Tokio runtime';

function requireCtx(ctx: SimContext | undefined): SimContext {
  const c = ctx ?? currentContext();
  if (c === undefined) throw new RustPanic(OUTSIDE_RUNTIME_PANIC);
  return c;
}

function asPanic(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof ClockError) throw new RustPanic(e.message);
    throw e;
  }
}

/** `time::pause()`: freezes the clock (current_thread runtimes only). */
export function pause(ctx?: SimContext): void {
  const clock = timerDriverOf(requireCtx(ctx)).clock;
  asPanic(() => clock.pause());
}

/** `time::resume()`. */
export function resume(ctx?: SimContext): void {
  const clock = timerDriverOf(requireCtx(ctx)).clock;
  asPanic(() => clock.resume());
}

/**
 * `time::advance(d).await`: an async fn, so on its first poll it moves the frozen clock by `d`,
 * then yields once through the defer list so the driver processes the timers now due.
 */
export function advance(durationNs: Nanos, ctx?: SimContext): Future<void> {
  return new Advance(durationNs, ctx);
}

class Advance implements Future<void> {
  private state: 0 | 1 | 2 = 0; // 0 not started, 1 yielded, 2 done

  constructor(
    private readonly durationNs: Nanos,
    private readonly ctx: SimContext | undefined,
  ) {}

  poll(cx: Context): Poll<void> {
    if (this.state === 0) {
      // An async fn: the clock moves on the first poll, in the polling thread's runtime.
      const ctx = requireCtx(this.ctx ?? currentContext());
      const driver = timerDriverOf(ctx);
      asPanic(() => driver.clock.advance(this.durationNs));
      driver.traceAdvance(AdvanceReason.Advance);
      this.state = 1;
      (currentContext() ?? ctx).defer(cx.waker);
      return PENDING;
    }
    this.state = 2;
    return undefined;
  }

  drop(): void {}
}
