/**
 * `tokio::sync::RwLock` (Tokio `sync/rwlock.rs`): a value behind the fair batch semaphore with
 * `max_readers` permits (default `u32::MAX >> 3`). A reader takes one permit, a writer takes them
 * all; because the semaphore serves its queue in order, a waiting writer holds back every reader
 * that asks after it. Both acquires take coop budget (the semaphore's).
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { type Acquire, BatchSemaphore } from './batch-semaphore.ts';
import { TRY_LOCK_ERROR, type TryLockError } from './mutex.ts';
import { err, ok, type Result } from './result.ts';

export const MAX_READS = 0xffffffff >>> 3;

export class RwLock<T> {
  readonly sem: BatchSemaphore;

  constructor(
    private value: T,
    readonly maxReaders: number = MAX_READS,
  ) {
    if (maxReaders > MAX_READS) throw new RustPanic(`a RwLock may not be created with more than ${MAX_READS} readers`);
    this.sem = new BatchSemaphore(maxReaders);
  }

  read(): Future<RwLockGuard<T>> {
    return new LockFuture(this, 1);
  }

  write(): Future<RwLockGuard<T>> {
    return new LockFuture(this, this.maxReaders);
  }

  tryRead(): Result<RwLockGuard<T>, TryLockError> {
    return this.sem.tryAcquire(1).ok ? ok(new RwLockGuard(this, 1)) : err(TRY_LOCK_ERROR);
  }

  tryWrite(): Result<RwLockGuard<T>, TryLockError> {
    return this.sem.tryAcquire(this.maxReaders).ok ? ok(new RwLockGuard(this, this.maxReaders)) : err(TRY_LOCK_ERROR);
  }

  /** Readers holding the lock now (maxReaders when a writer holds it), for the UI. */
  heldPermits(): number {
    return this.maxReaders - this.sem.availablePermits();
  }

  getMut(): T {
    return this.value;
  }

  read_(): T {
    return this.value;
  }

  write_(v: T): void {
    this.value = v;
  }
}

/** A read guard (1 permit) or a write guard (all of them). */
export class RwLockGuard<T> {
  private released = false;

  constructor(
    private readonly lock: RwLock<T>,
    private permits: number,
  ) {}

  get isWrite(): boolean {
    return this.permits === this.lock.maxReaders;
  }

  get(): T {
    return this.lock.read_();
  }

  set(v: T): void {
    this.lock.write_(v);
  }

  /** `RwLockWriteGuard::downgrade`: keeps one permit, gives the others to waiting readers. */
  downgrade(): RwLockGuard<T> {
    const rest = this.permits - 1;
    this.permits = 1;
    this.lock.sem.release(rest);
    return this;
  }

  drop(): void {
    if (this.released) return;
    this.released = true;
    this.lock.sem.release(this.permits);
  }
}

class LockFuture<T> implements Future<RwLockGuard<T>> {
  private readonly acquire: Acquire;

  constructor(
    private readonly lock: RwLock<T>,
    private readonly permits: number,
  ) {
    this.acquire = lock.sem.acquire(permits);
  }

  poll(cx: Context): Poll<RwLockGuard<T>> {
    const r = this.acquire.poll(cx);
    if (r === PENDING) return PENDING;
    // The semaphore of a RwLock is never closed (Tokio: unreachable!()).
    if (!r.ok) throw new Error('RwLock semaphore closed');
    return new RwLockGuard(this.lock, this.permits);
  }

  drop(): void {
    this.acquire.drop();
  }
}
