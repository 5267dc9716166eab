/**
 * (tokio-facts.md §3.3: a future is polled until Ready and dropped exactly once.)
 * Writing simulated futures in TypeScript (tests, benchmarks, lesson fixtures): a generator is an
 * async block — `yield* awaitFuture(f)` is `.await`, `return v` completes it — and dropping the
 * future runs the generator's `finally` blocks, like Rust dropping the locals live at an `.await`.
 */
import { PENDING } from '../future.ts';
import type { Context, Future, Pending, Poll, Waker } from '../future.ts';

export type AsyncBody<T> = Generator<Pending, T, Context>;

let pollingCx: Context | null = null;

class GenFuture<T> implements Future<T> {
  private gen: AsyncBody<T> | null = null;
  private readonly make: () => AsyncBody<T>;
  private done = false;

  constructor(make: () => AsyncBody<T>) {
    this.make = make;
  }

  poll(cx: Context): Poll<T> {
    if (this.done) throw new Error('async block polled after completion');
    const prev = pollingCx;
    pollingCx = cx;
    try {
      if (this.gen === null) this.gen = this.make();
      const r = this.gen.next(cx);
      if (r.done === true) {
        this.done = true;
        return r.value;
      }
      return PENDING;
    } finally {
      pollingCx = prev;
    }
  }

  drop(): void {
    const g = this.gen;
    this.gen = null;
    if (g !== null && !this.done) g.return(undefined as T);
  }
}

/** An async block: the body starts on the first poll (Rust futures are lazy). */
export function asyncBlock<T>(body: () => AsyncBody<T>): Future<T> {
  return new GenFuture(body);
}

/** An async block without `.await`: the body runs on the first poll. */
export function syncBlock<T>(body: () => T): Future<T> {
  let done = false;
  return {
    poll: () => {
      if (done) throw new Error('async block polled after completion');
      done = true;
      return body();
    },
    drop: () => undefined,
  };
}

/** `.await` inside an async block; the awaited future is dropped when done or when the block is dropped. */
export function* awaitFuture<T>(f: Future<T>): Generator<Pending, T, Context> {
  let cx = pollingCx;
  try {
    for (;;) {
      if (cx === null) throw new Error('awaitFuture used outside an async block poll');
      const r = f.poll(cx);
      if (r !== PENDING) return r;
      cx = yield PENDING;
    }
  } finally {
    f.drop();
  }
}

/** A future that stays pending until `fire()`, waking whoever polled it last. */
export class Gate implements Future<void> {
  private waker: Waker | null = null;
  private open = false;
  dropped = false;

  poll(cx: Context): Poll<void> {
    if (this.open) return undefined;
    const w = this.waker;
    if (w === null || !w.willWake(cx.waker)) {
      w?.drop();
      this.waker = cx.waker.clone();
    }
    return PENDING;
  }

  /** Opens the gate and wakes by value (the stored waker's reference is consumed). */
  fire(): void {
    this.open = true;
    const w = this.waker;
    this.waker = null;
    w?.wake();
  }

  drop(): void {
    this.dropped = true;
    const w = this.waker;
    this.waker = null;
    w?.drop();
  }
}

/** A future that never completes and holds no waker (like `pending::<T>()`). */
export function pendingForever<T>(onDrop: () => void = () => undefined): Future<T> {
  return { poll: () => PENDING, drop: onDrop };
}
