/**
 * `tokio::sync::Semaphore` and `SemaphorePermit` (tokio-facts.md §7; Tokio `sync/semaphore.rs`)
 * over the fair batch semaphore. A permit returns its permits when dropped unless `forget()`.
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import type { TryAcquireError } from './batch-semaphore.ts';
import { type Acquire, type AcquireError, BatchSemaphore, MAX_PERMITS } from './batch-semaphore.ts';
import { err, ok, type Result } from './result.ts';

export { ACQUIRE_ERROR, AcquireError, TryAcquireError } from './batch-semaphore.ts';

export class Semaphore {
  static readonly MAX_PERMITS = MAX_PERMITS;
  readonly ll: BatchSemaphore;

  constructor(permits: number) {
    this.ll = new BatchSemaphore(permits);
  }

  availablePermits(): number {
    return this.ll.availablePermits();
  }

  addPermits(n: number): void {
    this.ll.release(n);
  }

  forgetPermits(n: number): number {
    return this.ll.forgetPermits(n);
  }

  close(): void {
    this.ll.close();
  }

  isClosed(): boolean {
    return this.ll.isClosed();
  }

  acquire(): Future<Result<SemaphorePermit, AcquireError>> {
    return new AcquirePermit(this, 1);
  }

  acquireMany(n: number): Future<Result<SemaphorePermit, AcquireError>> {
    return new AcquirePermit(this, n);
  }

  tryAcquire(): Result<SemaphorePermit, TryAcquireError> {
    return this.tryAcquireMany(1);
  }

  tryAcquireMany(n: number): Result<SemaphorePermit, TryAcquireError> {
    const r = this.ll.tryAcquire(n);
    return r.ok ? ok(new SemaphorePermit(this, n)) : r;
  }
}

export class SemaphorePermit {
  private released = false;

  constructor(
    private readonly sem: Semaphore,
    private permits: number,
  ) {}

  numPermits(): number {
    return this.permits;
  }

  /** `forget()`: the permits are not returned. */
  forget(): void {
    this.permits = 0;
    this.released = true;
  }

  /** `merge`: takes the other permit's permits (same semaphore). */
  merge(other: SemaphorePermit): void {
    if (other.sem !== this.sem) throw new Error('merging permits from different semaphore instances');
    this.permits += other.permits;
    other.permits = 0;
    other.released = true;
  }

  /** Whether `other` was taken from the same semaphore (`merge` asserts it). */
  sameSemaphore(other: SemaphorePermit): boolean {
    return other.sem === this.sem;
  }

  /** `split(n)`: moves `n` of the permits into a new permit; null when it holds fewer. */
  split(n: number): SemaphorePermit | null {
    if (n > this.permits) return null;
    this.permits -= n;
    return new SemaphorePermit(this.sem, n);
  }

  drop(): void {
    if (this.released) return;
    this.released = true;
    this.sem.ll.release(this.permits);
  }
}

/** `acquire()` / `acquire_many(n)`: the batch Acquire future, its output wrapped in a permit. */
class AcquirePermit implements Future<Result<SemaphorePermit, AcquireError>> {
  private readonly inner: Acquire;

  constructor(
    private readonly sem: Semaphore,
    private readonly n: number,
  ) {
    this.inner = sem.ll.acquire(n);
  }

  poll(cx: Context): Poll<Result<SemaphorePermit, AcquireError>> {
    const r = this.inner.poll(cx);
    if (r === PENDING) return PENDING;
    return r.ok ? ok(new SemaphorePermit(this.sem, this.n)) : err(r.error);
  }

  drop(): void {
    this.inner.drop();
  }
}
