/**
 * The per-thread defer list (tokio-facts.md §6.4, §14.1): `yield_now` and an exhausted coop budget
 * park their waker here; the driver wakes them LAST-FIRST when it parks (1.48), and a waker equal
 * to the last one pushed is not pushed again.
 */
import { EventKind } from '../../events.ts';
import type { Waker } from '../../future.ts';
import type { TraceSink } from '../../contracts.ts';

export class DeferList {
  private readonly wakers: Waker[] = [];
  private readonly trace: TraceSink;

  constructor(trace: TraceSink) {
    this.trace = trace;
  }

  get length(): number {
    return this.wakers.length;
  }

  isEmpty(): boolean {
    return this.wakers.length === 0;
  }

  defer(waker: Waker): void {
    const w = this.wakers;
    const last = w[w.length - 1];
    if (last !== undefined && last.willWake(waker)) return;
    w.push(waker.clone());
    this.trace.emit(EventKind.WakerDefer, waker.target >>> 0, w.length);
  }

  /** Pops and wakes (by value) until empty; returns how many were woken. */
  wake(): number {
    let n = 0;
    for (let w = this.wakers.pop(); w !== undefined; w = this.wakers.pop()) {
      w.wake();
      n++;
    }
    return n;
  }

  /** Targets, oldest first (for the UI). */
  targets(): number[] {
    return this.wakers.map((w) => w.target);
  }
}
