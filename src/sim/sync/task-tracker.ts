/**
 * `tokio_util::task::TaskTracker` (tokio-util 0.7.16 `task/task_tracker.rs`): a counter of live
 * tracked futures plus a closed bit, in one state word (`count << 1 | closed`). `wait()` completes
 * once the tracker is closed and empty; the last tracked future dropped after `close()` (or a
 * `close()` with none left) wakes every waiter through a `Notify`. A spawned tracked task stops
 * counting when its future is dropped, right after it completes.
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { Notify, type Notified } from './notify.ts';

export class TaskTracker {
  /** `count << 1 | closed`, as Tokio's AtomicUsize. */
  state = 0;
  readonly onLastExit = new Notify();

  isClosedAndEmpty(): boolean {
    return this.state === 1;
  }

  /** `close()`: true if this call closed it. */
  close(): boolean {
    const prev = this.state;
    this.state |= 1;
    if (prev === 0) this.onLastExit.notifyWaiters();
    return (prev & 1) === 0;
  }

  /** `reopen()`: true if it was closed. */
  reopen(): boolean {
    const prev = this.state;
    this.state &= ~1;
    return (prev & 1) === 1;
  }

  isClosed(): boolean {
    return (this.state & 1) !== 0;
  }

  len(): number {
    return this.state >> 1;
  }

  isEmpty(): boolean {
    return this.state <= 1;
  }

  /** `token()`: counts one more tracked thing until `release` is called. */
  token(): () => void {
    this.state += 2;
    let live = true;
    return () => {
      if (!live) return;
      live = false;
      const prev = this.state;
      this.state -= 2;
      if (prev === 3) this.onLastExit.notifyWaiters();
    };
  }

  trackFuture<T>(inner: Future<T>): Future<T> {
    const release = this.token();
    return {
      poll: (cx) => inner.poll(cx),
      drop: () => {
        inner.drop();
        release();
      },
    };
  }

  wait(): Future<void> {
    return new WaitFuture(this);
  }
}

class WaitFuture implements Future<void> {
  private readonly notified: Notified;
  private done: boolean;

  constructor(private readonly tracker: TaskTracker) {
    this.notified = tracker.onLastExit.notified();
    this.done = tracker.isClosedAndEmpty();
  }

  poll(cx: Context): Poll<void> {
    if (this.done) return undefined;
    if (this.tracker.isClosedAndEmpty() || this.notified.poll(cx) !== PENDING) {
      this.done = true;
      return undefined;
    }
    return PENDING;
  }

  drop(): void {
    this.notified.drop();
  }
}
