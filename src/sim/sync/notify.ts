/**
 * `tokio::sync::Notify` (tokio-facts.md §11 uses it for CancellationToken wake-ups, §7: it takes no
 * coop budget; Tokio `sync/notify.rs`). State EMPTY / WAITING / NOTIFIED plus a count of
 * `notify_waiters` calls. `notify_one` wakes the oldest waiter (FIFO) or stores one permit when
 * nobody waits; `notify_waiters` wakes every current waiter (oldest first) and stores nothing. A
 * `Notified` future remembers the call count at creation, so a `notify_waiters` that happens
 * between `notified()` and its first poll is not lost. A dropped waiter that had received a
 * `notify_one` passes it on.
 */
import { PENDING, type Context, type Future, type Poll, type Waker } from '../future.ts';
import { LinkedList } from '../linked-list.ts';

const EMPTY = 0;
const WAITING = 1;
const NOTIFIED = 2;

const NOTIFICATION_NONE = 0;
const NOTIFICATION_FIFO = 1;
const NOTIFICATION_LIFO = 2;
const NOTIFICATION_ALL = 3;
type Notification = 0 | 1 | 2 | 3;

const STATE_INIT = 0;
const STATE_WAITING = 1;
const STATE_DONE = 2;

const WAKE_BATCH = 32;

export class Notify {
  private state: 0 | 1 | 2 = EMPTY;
  private notifyWaitersCalls = 0;
  // notify_one takes from the tail (oldest), notify_last from the head.
  private readonly waiters = new LinkedList<Notified>();
  private readonly batch: Waker[] = [];

  /** `notified()`: a future for the next notification (nothing is registered until polled). */
  notified(): Notified {
    return new Notified(this, this.notifyWaitersCalls);
  }

  /** `notify_one`: wakes the oldest waiter, or stores a single permit. */
  notifyOne(): void {
    this.notifyWithStrategy(NOTIFICATION_FIFO);
  }

  /** `notify_last`: wakes the newest waiter, or stores a single permit. */
  notifyLast(): void {
    this.notifyWithStrategy(NOTIFICATION_LIFO);
  }

  private notifyWithStrategy(strategy: Notification): void {
    const w = this.notifyLocked(strategy);
    if (w !== null) w.wake();
  }

  /** `notify_locked`: the waker to wake (outside the lock), if a waiter was picked. */
  notifyLocked(strategy: Notification): Waker | null {
    if (this.state !== WAITING) {
      this.state = NOTIFIED;
      return null;
    }
    const waiter = strategy === NOTIFICATION_LIFO ? this.waiters.popFront() : this.waiters.popBack();
    if (waiter === null) throw new Error('Notify: WAITING with an empty list');
    const w = waiter.waker;
    waiter.waker = null;
    waiter.notification = strategy;
    if (this.waiters.isEmpty()) this.state = EMPTY;
    return w;
  }

  /** `notify_waiters`: wakes every waiter registered now, oldest first; stores no permit. */
  notifyWaiters(): void {
    this.notifyWaitersCalls++;
    if (this.state !== WAITING) return;
    this.state = EMPTY;
    const batch = this.batch;
    for (let n = this.waiters.popBack(); n !== null; n = this.waiters.popBack()) {
      const w = n.waker;
      n.waker = null;
      n.notification = NOTIFICATION_ALL;
      if (w !== null) {
        batch.push(w);
        if (batch.length === WAKE_BATCH) this.wakeBatch();
      }
    }
    this.wakeBatch();
  }

  private wakeBatch(): void {
    const n = this.batch.length;
    if (n === 0) return;
    const wakers = this.batch.splice(0, n);
    for (let i = 0; i < n; i++) wakers[i].wake();
  }

  /** Number of futures waiting (for the UI / tests). */
  waiterCount(): number {
    return this.waiters.count();
  }

  // ---- internal, used by Notified ----

  get currentState(): number {
    return this.state;
  }

  get calls(): number {
    return this.notifyWaitersCalls;
  }

  takePermit(): boolean {
    if (this.state !== NOTIFIED) return false;
    this.state = EMPTY;
    return true;
  }

  enqueue(n: Notified): void {
    this.state = WAITING;
    this.waiters.pushFront(n);
  }

  unlink(n: Notified): void {
    this.waiters.unlink(n);
  }

  /** After a waiter left: an empty list in WAITING goes back to EMPTY. */
  settleAfterUnlink(): void {
    if (this.waiters.isEmpty() && this.state === WAITING) this.state = EMPTY;
  }
}

/** `Notified<'_>`: completes on a notification; cancel-unsafe only in that a dropped one forwards. */
export class Notified implements Future<void> {
  prev: Notified | null = null;
  next: Notified | null = null;
  waker: Waker | null = null;
  notification: Notification = NOTIFICATION_NONE;
  private state: 0 | 1 | 2 = STATE_INIT;

  constructor(
    private readonly notify: Notify,
    private readonly notifyWaitersCalls: number,
  ) {}

  /** `enable()`: registers as a waiter without a waker; true if already notified. */
  enable(): boolean {
    return this.pollNotified(null) !== PENDING;
  }

  poll(cx: Context): Poll<void> {
    return this.pollNotified(cx.waker);
  }

  private pollNotified(waker: Waker | null): Poll<void> {
    const notify = this.notify;
    if (this.state === STATE_INIT) {
      if (notify.takePermit() || notify.calls !== this.notifyWaitersCalls) {
        this.state = STATE_DONE;
        return undefined;
      }
      if (waker !== null) this.waker = waker.clone();
      notify.enqueue(this);
      this.state = STATE_WAITING;
      return PENDING;
    }
    if (this.state === STATE_WAITING) {
      if (this.notification !== NOTIFICATION_NONE) {
        this.releaseWaker();
        this.notification = NOTIFICATION_NONE;
        this.state = STATE_DONE;
        return undefined;
      }
      if (notify.calls !== this.notifyWaitersCalls) {
        this.releaseWaker();
        notify.unlink(this);
        notify.settleAfterUnlink();
        this.state = STATE_DONE;
        return undefined;
      }
      if (waker !== null) {
        const cur = this.waker;
        if (cur === null || !cur.willWake(waker)) {
          this.waker = waker.clone();
          if (cur !== null) cur.drop();
        }
      }
      return PENDING;
    }
    return undefined;
  }

  private releaseWaker(): void {
    const w = this.waker;
    this.waker = null;
    if (w !== null) w.drop();
  }

  drop(): void {
    if (this.state === STATE_WAITING) {
      const notify = this.notify;
      const notification = this.notification;
      notify.unlink(this);
      notify.settleAfterUnlink();
      this.state = STATE_DONE;
      // A notify_one this waiter received but never consumed goes to the next waiter.
      if (notification === NOTIFICATION_FIFO || notification === NOTIFICATION_LIFO) {
        const w = notify.notifyLocked(notification);
        if (w !== null) w.wake();
      }
    }
    this.releaseWaker();
  }
}
