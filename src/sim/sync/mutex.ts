/**
 * `tokio::sync::Mutex` (tokio-facts.md §7, §12 lists `lock` as not cancel-safe; Tokio
 * `sync/mutex.rs`): a value behind a one-permit fair semaphore. `lock()` queues FIFO and takes
 * coop budget; the guard releases the permit when dropped.
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { type Acquire, BatchSemaphore } from './batch-semaphore.ts';
import { err, ok, type Result, type RustError } from './result.ts';

/** `TryLockError`. */
export class TryLockError implements RustError {
  readonly className = 'TryLockError';
  display(): string {
    return 'operation would block';
  }
}
export const TRY_LOCK_ERROR = new TryLockError();

export class Mutex<T> {
  readonly sem = new BatchSemaphore(1);

  constructor(private value: T) {}

  lock(): Future<MutexGuard<T>> {
    return new Lock(this);
  }

  tryLock(): Result<MutexGuard<T>, TryLockError> {
    return this.sem.tryAcquire(1).ok ? ok(new MutexGuard(this)) : err(TRY_LOCK_ERROR);
  }

  /** True while a guard is alive (the UI's lock indicator). */
  isLocked(): boolean {
    return this.sem.availablePermits() === 0;
  }

  /** `into_inner` / `get_mut`: direct access when the caller owns the mutex. */
  getMut(): T {
    return this.value;
  }

  /** For guards. */
  read(): T {
    return this.value;
  }

  write(v: T): void {
    this.value = v;
  }
}

export class MutexGuard<T> {
  private released = false;

  constructor(private readonly mutex: Mutex<T>) {}

  get(): T {
    return this.mutex.read();
  }

  set(v: T): void {
    this.mutex.write(v);
  }

  drop(): void {
    if (this.released) return;
    this.released = true;
    this.mutex.sem.release(1);
  }
}

class Lock<T> implements Future<MutexGuard<T>> {
  private readonly acquire: Acquire;

  constructor(private readonly mutex: Mutex<T>) {
    this.acquire = mutex.sem.acquire(1);
  }

  poll(cx: Context): Poll<MutexGuard<T>> {
    const r = this.acquire.poll(cx);
    if (r === PENDING) return PENDING;
    // A Mutex's semaphore is never closed (Tokio: unreachable!()).
    if (!r.ok) throw new Error('Mutex semaphore closed');
    return new MutexGuard(this.mutex);
  }

  drop(): void {
    this.acquire.drop();
  }
}
