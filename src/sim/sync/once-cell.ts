/**
 * `tokio::sync::OnceCell` (Tokio `sync/once_cell.rs`): a value set at most once, guarded by a
 * one-permit semaphore. The first `get_or_init` takes the permit and runs its initialiser while
 * later callers queue on the semaphore; setting the value closes the semaphore, which sends the
 * queued callers back with the value. A failed `get_or_try_init` returns its permit.
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { type Acquire, BatchSemaphore } from './batch-semaphore.ts';
import { err, ok, type Result } from './result.ts';

export type SetError<T> = { readonly kind: 'already_initialized' | 'initializing'; readonly value: T };

export class OnceCell<T> {
  private value: T | undefined = undefined;
  private set_ = false;
  readonly sem = new BatchSemaphore(1);

  initialized(): boolean {
    return this.set_;
  }

  /** The value; only call when `initialized()`. */
  get(): T {
    return this.value as T;
  }

  /** Puts a value in and closes the semaphore (the permit is forgotten). */
  setValue(v: T): T {
    this.value = v;
    this.set_ = true;
    this.sem.close();
    return v;
  }

  set(v: T): Result<void, SetError<T>> {
    if (this.set_) return err({ kind: 'already_initialized', value: v });
    const r = this.sem.tryAcquire(1);
    if (r.ok) {
      this.setValue(v);
      return ok(undefined);
    }
    return err({ kind: r.error.kind === 'no_permits' ? 'initializing' : 'already_initialized', value: v });
  }

  /** `take` / `into_inner`: empties the cell. */
  take(): { has: boolean; value: T | undefined } {
    const out = { has: this.set_, value: this.value };
    this.value = undefined;
    this.set_ = false;
    return out;
  }

  /**
   * `get_or_try_init`: `init` makes the initialiser future; `accept` splits its output into the
   * value to store (ok) or the error to return with the permit given back. `get_or_init` is the
   * case where `accept` always succeeds.
   */
  getOrTryInit<O, E>(init: () => Future<O>, accept: (o: O) => Result<T, E>): Future<Result<T, E>> {
    return new GetOrInit(this, init, accept);
  }
}

class GetOrInit<T, O, E> implements Future<Result<T, E>> {
  private acquire: Acquire | null = null;
  private fut: Future<O> | null = null;

  constructor(
    private readonly cell: OnceCell<T>,
    private readonly init: () => Future<O>,
    private readonly accept: (o: O) => Result<T, E>,
  ) {}

  poll(cx: Context): Poll<Result<T, E>> {
    const cell = this.cell;
    if (this.fut === null) {
      if (this.acquire === null) {
        if (cell.initialized()) return ok(cell.get());
        this.acquire = cell.sem.acquire(1);
      }
      const r = this.acquire.poll(cx);
      if (r === PENDING) return PENDING;
      this.acquire.drop();
      this.acquire = null;
      if (!r.ok) return ok(cell.get());
      this.fut = this.init();
      this.holding = true;
    }
    const o = this.fut.poll(cx);
    if (o === PENDING) return PENDING;
    this.fut.drop();
    this.fut = null;
    const a = this.accept(o);
    if (a.ok) {
      this.holding = false;
      return ok(cell.setValue(a.value));
    }
    this.releasePermit();
    return a;
  }

  /** True between winning the permit and storing the value. */
  private holding = false;

  private releasePermit(): void {
    if (!this.holding) return;
    this.holding = false;
    this.cell.sem.release(1);
  }

  drop(): void {
    this.acquire?.drop();
    this.acquire = null;
    this.fut?.drop();
    this.fut = null;
    this.releasePermit();
  }
}
