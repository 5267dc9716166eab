/**
 * `tokio::time::timeout` / `timeout_at` (tokio-facts.md §9, §7; Tokio `time/timeout.rs`). The
 * inner future is polled first; the deadline second. If polling the inner future used up the
 * last of the coop budget, the deadline is checked unconstrained, so a busy inner future cannot
 * starve its own timeout.
 */
import type { Nanos, SimContext } from '../contracts.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { currentContext } from '../context.ts';
import { err, ok, type Result, type RustError } from '../sync/result.ts';
import { sleep, sleepUntil, type Sleep } from './sleep.ts';

/** `time::error::Elapsed`. */
export class Elapsed implements RustError {
  readonly className = 'Elapsed';
  display(): string {
    return 'deadline has elapsed';
  }

  debug(): string {
    return 'Elapsed(())';
  }
}

export const ELAPSED = new Elapsed();

export class Timeout<T> implements Future<Result<T, Elapsed>> {
  constructor(
    private readonly value: Future<T>,
    private readonly delay: Sleep,
  ) {}

  /** The inner future (`get_ref` / `get_mut`). */
  inner(): Future<T> {
    return this.value;
  }

  /** The deadline's Sleep (for the UI and `Timeout::deadline`-style inspection). */
  sleep(): Sleep {
    return this.delay;
  }

  poll(cx: Context): Poll<Result<T, Elapsed>> {
    const coop = currentContext()?.coop;
    const hadBudgetBefore = coop === undefined || coop.hasBudgetRemaining();
    const v = this.value.poll(cx);
    if (v !== PENDING) return ok(v);
    const d =
      coop !== undefined && hadBudgetBefore && !coop.hasBudgetRemaining()
        ? coop.unconstrained(() => this.delay.poll(cx))
        : this.delay.poll(cx);
    return d === PENDING ? PENDING : err(ELAPSED);
  }

  /** Fields drop in declaration order: the inner future, then the Sleep. */
  drop(): void {
    this.value.drop();
    this.delay.drop();
  }
}

/** `time::timeout(d, fut)`: the deadline is taken now, registered when first polled. */
export function timeout<T>(durationNs: Nanos, fut: Future<T>, ctx?: SimContext): Timeout<T> {
  return new Timeout(fut, sleep(durationNs, ctx));
}

/** `time::timeout_at(deadline, fut)`. */
export function timeoutAt<T>(deadline: Nanos, fut: Future<T>, ctx?: SimContext): Timeout<T> {
  return new Timeout(fut, sleepUntil(deadline, ctx));
}
