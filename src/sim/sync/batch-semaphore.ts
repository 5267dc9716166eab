/**
 * The fair batch semaphore behind `Semaphore`, `Mutex` and bounded mpsc permits (tokio-facts.md §7:
 * its acquire future takes coop budget; Tokio `sync/batch_semaphore.rs`). Waiters queue FIFO
 * (pushed at the head, served from the tail); released permits go to the oldest waiter first —
 * possibly partially — and only when nobody waits do they become available, so a newcomer never
 * overtakes a waiter. Satisfied waiters are woken in batches of 32, in order.
 */
import { currentContext } from '../context.ts';
import { PENDING, type Context, type Future, type Poll, type Waker } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { err, ok, type Result, type RustError } from './result.ts';
import { LinkedList } from '../linked-list.ts';

/** Tokio's limit is `usize::MAX >> 3`; JS integers are exact to 2^53, so that is the cap here. */
export const MAX_PERMITS = Number.MAX_SAFE_INTEGER;

const WAKE_BATCH = 32;

/** `AcquireError`: the semaphore was closed. */
export class AcquireError implements RustError {
  readonly className = 'AcquireError';
  display(): string {
    return 'semaphore closed';
  }
}
export const ACQUIRE_ERROR = new AcquireError();

/** `TryAcquireError`. */
export class TryAcquireError implements RustError {
  readonly className = 'TryAcquireError';
  private constructor(readonly kind: 'closed' | 'no_permits') {}
  static readonly Closed = new TryAcquireError('closed');
  static readonly NoPermits = new TryAcquireError('no_permits');
  display(): string {
    return this.kind === 'closed' ? 'semaphore closed' : 'no permits available';
  }
}

export class BatchSemaphore {
  private permits: number;
  private closed = false;
  private readonly waiters = new LinkedList<Acquire>();
  private readonly batch: Waker[] = [];

  constructor(permits: number) {
    if (permits > MAX_PERMITS)
      throw new RustPanic(`a semaphore may not have more than MAX_PERMITS permits (${MAX_PERMITS})`);
    this.permits = permits;
  }

  /** `Semaphore::new_closed` (used by tests and closed channels). */
  static closed(): BatchSemaphore {
    const s = new BatchSemaphore(0);
    s.closed = true;
    return s;
  }

  availablePermits(): number {
    return this.permits;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** Number of queued acquirers (for the UI and tests). */
  waiterCount(): number {
    return this.waiters.count();
  }

  /** `release(n)`: hands permits to waiters (oldest first), the rest to the pool. */
  release(added: number): void {
    if (added === 0) return;
    this.addPermitsLocked(added);
  }

  /** `close()`: wakes every waiter; they (and later acquirers) get AcquireError. */
  close(): void {
    this.closed = true;
    for (let w = this.waiters.popBack(); w !== null; w = this.waiters.popBack()) {
      const waker = w.waker;
      w.waker = null;
      waker?.wake();
    }
  }

  tryAcquire(n: number): Result<void, TryAcquireError> {
    if (n > MAX_PERMITS) throw new RustPanic(`a semaphore may not have more than MAX_PERMITS permits (${MAX_PERMITS})`);
    if (this.closed) return err(TryAcquireError.Closed);
    if (this.permits < n) return err(TryAcquireError.NoPermits);
    this.permits -= n;
    return ok(undefined);
  }

  acquire(n: number): Acquire {
    return new Acquire(this, n);
  }

  /** `forget_permits`: removes up to n available permits; returns how many. */
  forgetPermits(n: number): number {
    const taken = Math.min(this.permits, n);
    this.permits -= taken;
    return taken;
  }

  addPermitsLocked(rem: number): void {
    const batch = this.batch;
    while (rem > 0) {
      let isEmpty = false;
      while (batch.length < WAKE_BATCH) {
        const w = this.waiters.tail;
        if (w === null) {
          isEmpty = true;
          break;
        }
        const assign = Math.min(w.remaining, rem);
        w.remaining -= assign;
        rem -= assign;
        if (w.remaining !== 0) break;
        this.unlink(w);
        const waker = w.waker;
        w.waker = null;
        if (waker !== null) batch.push(waker);
      }
      if (rem > 0 && isEmpty) {
        if (this.permits + rem > MAX_PERMITS) {
          throw new RustPanic(`number of added permits (${rem}) would overflow MAX_PERMITS (${MAX_PERMITS})`);
        }
        this.permits += rem;
        rem = 0;
      }
      const n = batch.length;
      const wakers = batch.splice(0, n);
      for (let i = 0; i < n; i++) wakers[i].wake();
    }
  }

  /** `poll_acquire` (after the coop check). */
  pollAcquire(cx: Context, node: Acquire): Poll<Result<void, AcquireError>> {
    if (this.closed) return err(ACQUIRE_ERROR);
    const needed = node.queued ? node.remaining : node.numPermits;
    let acquired: number;
    if (this.permits >= needed) {
      acquired = needed;
      this.permits -= needed;
      if (!node.queued) {
        node.remaining = 0;
        return ok(undefined);
      }
    } else {
      acquired = this.permits;
      this.permits = 0;
    }
    const assign = Math.min(node.remaining, acquired);
    node.remaining -= assign;
    acquired -= assign;
    if (node.remaining === 0) {
      if (node.queued) this.unlink(node);
      if (acquired > 0) this.addPermitsLocked(acquired);
      return ok(undefined);
    }
    const cur = node.waker;
    if (cur === null || !cur.willWake(cx.waker)) {
      node.waker = cx.waker.clone();
      cur?.drop();
    }
    if (!node.queued) this.waiters.pushFront(node);
    return PENDING;
  }

  unlink(n: Acquire): void {
    this.waiters.unlink(n);
  }
}

/** The `Acquire` future: not cancel-safe in the sense that it loses its queue place when dropped. */
export class Acquire implements Future<Result<void, AcquireError>> {
  prev: Acquire | null = null;
  next: Acquire | null = null;
  waker: Waker | null = null;
  /** Permits still owed to this waiter (`Waiter::state`). */
  remaining: number;
  queued = false;

  constructor(
    private readonly sem: BatchSemaphore,
    readonly numPermits: number,
  ) {
    this.remaining = numPermits;
  }

  poll(cx: Context): Poll<Result<void, AcquireError>> {
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    const r = this.sem.pollAcquire(cx, this);
    if (r === PENDING) {
      this.queued = true;
      coop?.restore();
      return PENDING;
    }
    coop?.madeProgress();
    this.queued = false;
    return r;
  }

  /** Leaves the queue and gives back permits assigned so far. */
  drop(): void {
    const w = this.waker;
    this.waker = null;
    if (this.queued) {
      this.queued = false;
      this.sem.unlink(this);
      const acquired = this.numPermits - this.remaining;
      if (acquired > 0) this.sem.addPermitsLocked(acquired);
    }
    w?.drop();
  }
}
