/**
 * `task::yield_now` and the public coop helpers (tokio-facts.md §6.4, §7): yield_now returns
 * Pending once after putting its waker on the defer list (woken at once outside a runtime);
 * `consume_budget` takes one unit; `unconstrained` polls its future without a budget.
 */
import { currentContext } from '../context.ts';
import { PENDING } from '../future.ts';
import type { Context, Future, Poll } from '../future.ts';

class YieldNow implements Future<void> {
  private yielded = false;

  poll(cx: Context): Poll<void> {
    if (this.yielded) return undefined;
    this.yielded = true;
    const ctx = currentContext();
    if (ctx === undefined) cx.waker.wakeByRef();
    else ctx.defer(cx.waker);
    return PENDING;
  }

  drop(): void {}
}

export function yieldNow(): Future<void> {
  return new YieldNow();
}

class ConsumeBudget implements Future<void> {
  private done = false;

  poll(cx: Context): Poll<void> {
    if (this.done) return undefined;
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    coop?.madeProgress();
    this.done = true;
    return undefined;
  }

  drop(): void {}
}

/** `task::consume_budget().await`. */
export function consumeBudget(): Future<void> {
  return new ConsumeBudget();
}

/** `task::coop::has_budget_remaining()` (true outside a runtime). */
export function hasBudgetRemaining(): boolean {
  return currentContext()?.coop.hasBudgetRemaining() ?? true;
}

class Unconstrained<T> implements Future<T> {
  private readonly inner: Future<T>;

  constructor(inner: Future<T>) {
    this.inner = inner;
  }

  poll(cx: Context): Poll<T> {
    const coop = currentContext()?.coop;
    return coop === undefined ? this.inner.poll(cx) : coop.unconstrained(() => this.inner.poll(cx));
  }

  drop(): void {
    this.inner.drop();
  }
}

/** `task::unconstrained(fut)`. */
export function unconstrained<T>(inner: Future<T>): Future<T> {
  return new Unconstrained(inner);
}
