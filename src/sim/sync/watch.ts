/**
 * `tokio::sync::watch` (Tokio `sync/watch.rs`): one shared value with a version counter. Receivers
 * remember the version they saw; `changed()` completes when it differs (or errs once every sender
 * is gone). Waiting receivers sit on one of eight `Notify`s chosen at random from the thread's
 * FastRand (Tokio's `BigNotify`), and a send wakes all eight in order, so the wake order of
 * several receivers depends on the seed. `Sender::closed` waits on a separate `Notify`.
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { ChoicePoint } from '../choice.ts';
import { cooperative, threadRngN } from './cooperative.ts';
import { Notify, type Notified } from './notify.ts';
import { err, ok, type Result, type RustError } from './result.ts';

/** `watch::error::RecvError`: every sender is gone. */
export class WatchRecvError implements RustError {
  readonly className = 'WatchRecvError';
  display(): string {
    return 'channel closed';
  }
}
export const WATCH_RECV_ERROR = new WatchRecvError();

/** `watch::error::SendError<T>`: no receiver is left; the value comes back. */
export class WatchSendError<T> implements RustError {
  readonly className = 'WatchSendError';
  constructor(readonly value: T) {}
  display(): string {
    return 'channel closed';
  }
}

const SLOTS = 8;

export class WatchShared<T> {
  version = 0;
  closed = false;
  rxCount = 1;
  txCount = 1;
  readonly notifyRx: Notify[] = Array.from({ length: SLOTS }, () => new Notify());
  readonly notifyTx = new Notify();

  constructor(public value: T) {}

  /** `BigNotify::notified`: a random slot (`thread_rng_n(8)`). */
  notifiedRx(): Notified {
    return this.notifyRx[threadRngN(ChoicePoint.WatchSlot, SLOTS)].notified();
  }

  notifyRxWaiters(): void {
    for (const n of this.notifyRx) n.notifyWaiters();
  }

  /** Waiting receivers, over all eight slots (for the UI and tests). */
  waiterCount(): number {
    return this.notifyRx.reduce((s, n) => s + n.waiterCount(), 0);
  }
}

export function watchChannel<T>(init: T): [WatchSender<T>, WatchReceiver<T>] {
  const shared = new WatchShared(init);
  return [new WatchSender(shared), new WatchReceiver(shared, 0)];
}

/** `maybe_changed`: Ok on a new version (and records it), Err when closed, null otherwise. */
function maybeChanged<T>(rx: WatchReceiver<T>): Result<void, WatchRecvError> | null {
  const s = rx.shared;
  if (rx.version !== s.version) {
    rx.version = s.version;
    return ok(undefined);
  }
  return s.closed ? err(WATCH_RECV_ERROR) : null;
}

/** `changed_impl`: each turn takes a fresh `Notified` (one random draw) before checking. */
class ChangedImpl<T> implements Future<Result<void, WatchRecvError>> {
  private notified: Notified | null = null;

  constructor(private readonly rx: WatchReceiver<T>) {}

  poll(cx: Context): Poll<Result<void, WatchRecvError>> {
    for (;;) {
      if (this.notified === null) {
        this.notified = this.rx.shared.notifiedRx();
        const r = maybeChanged(this.rx);
        if (r !== null) {
          this.release();
          return r;
        }
      }
      if (this.notified.poll(cx) === PENDING) return PENDING;
      this.release();
    }
  }

  private release(): void {
    const n = this.notified;
    this.notified = null;
    n?.drop();
  }

  drop(): void {
    this.release();
  }
}

/** What `wait_for` returns: the value it accepted and whether it was new. */
export interface WatchRef<T> {
  readonly value: T;
  readonly hasChanged: boolean;
}

/** `wait_for_inner`: tests the current value, then waits for changes until `pred` holds. */
class WaitFor<T> implements Future<Result<WatchRef<T>, WatchRecvError>> {
  private closed = false;
  private changed: ChangedImpl<T> | null = null;

  constructor(
    private readonly rx: WatchReceiver<T>,
    private readonly pred: (v: T) => boolean,
  ) {}

  poll(cx: Context): Poll<Result<WatchRef<T>, WatchRecvError>> {
    for (;;) {
      if (this.changed === null) {
        const s = this.rx.shared;
        const hasChanged = this.rx.version !== s.version;
        this.rx.version = s.version;
        if ((!this.closed || hasChanged) && this.pred(s.value)) return ok({ value: s.value, hasChanged });
        if (this.closed) return err(WATCH_RECV_ERROR);
        this.changed = new ChangedImpl(this.rx);
      }
      const r = this.changed.poll(cx);
      if (r === PENDING) return PENDING;
      this.changed.drop();
      this.changed = null;
      this.closed = !r.ok;
    }
  }

  drop(): void {
    this.changed?.drop();
    this.changed = null;
  }
}

export class WatchReceiver<T> {
  private dropped = false;

  constructor(
    readonly shared: WatchShared<T>,
    public version: number,
  ) {}

  /** `borrow()`: the value and whether it is newer than what this receiver saw. */
  borrow(): WatchRef<T> {
    return { value: this.shared.value, hasChanged: this.version !== this.shared.version };
  }

  borrowAndUpdate(): WatchRef<T> {
    const r = this.borrow();
    this.version = this.shared.version;
    return r;
  }

  hasChanged(): Result<boolean, WatchRecvError> {
    if (this.shared.closed) return err(WATCH_RECV_ERROR);
    return ok(this.version !== this.shared.version);
  }

  /** `Version::decrement`: differs from every version the channel will have from now on. */
  markChanged(): void {
    this.version -= 1;
  }

  markUnchanged(): void {
    this.version = this.shared.version;
  }

  changed(): Future<Result<void, WatchRecvError>> {
    return cooperative(new ChangedImpl(this));
  }

  waitFor(pred: (v: T) => boolean): Future<Result<WatchRef<T>, WatchRecvError>> {
    return cooperative(new WaitFor(this, pred));
  }

  sameChannel(other: WatchReceiver<T>): boolean {
    return this.shared === other.shared;
  }

  clone(): WatchReceiver<T> {
    this.shared.rxCount++;
    return new WatchReceiver(this.shared, this.version);
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    if (--this.shared.rxCount === 0) this.shared.notifyTx.notifyWaiters();
  }
}

/** `Sender::closed`: waits until no receiver is left. */
class Closed<T> implements Future<void> {
  private notified: Notified | null = null;

  constructor(private readonly shared: WatchShared<T>) {}

  poll(cx: Context): Poll<void> {
    while (this.shared.rxCount > 0) {
      if (this.notified === null) {
        this.notified = this.shared.notifyTx.notified();
        if (this.shared.rxCount === 0) break;
      }
      if (this.notified.poll(cx) === PENDING) return PENDING;
      this.notified.drop();
      this.notified = null;
    }
    this.drop();
    return undefined;
  }

  drop(): void {
    const n = this.notified;
    this.notified = null;
    n?.drop();
  }
}

export class WatchSender<T> {
  private dropped = false;

  constructor(readonly shared: WatchShared<T>) {}

  send(value: T): Result<void, WatchSendError<T>> {
    if (this.shared.rxCount === 0) return err(new WatchSendError(value));
    this.sendReplace(value);
    return ok(undefined);
  }

  /** `send_if_modified`: `modify` edits the value in place and says whether it changed it. */
  sendIfModified(modify: (s: WatchShared<T>) => boolean): boolean {
    if (!modify(this.shared)) return false;
    this.shared.version += 1;
    this.shared.notifyRxWaiters();
    return true;
  }

  sendReplace(value: T): T {
    const old = this.shared.value;
    this.sendIfModified((s) => {
      s.value = value;
      return true;
    });
    return old;
  }

  borrow(): WatchRef<T> {
    return { value: this.shared.value, hasChanged: false };
  }

  isClosed(): boolean {
    return this.shared.rxCount === 0;
  }

  closed(): Future<void> {
    return cooperative(new Closed(this.shared));
  }

  subscribe(): WatchReceiver<T> {
    this.shared.rxCount++;
    return new WatchReceiver(this.shared, this.shared.version);
  }

  receiverCount(): number {
    return this.shared.rxCount;
  }

  senderCount(): number {
    return this.shared.txCount;
  }

  sameChannel(other: WatchSender<T>): boolean {
    return this.shared === other.shared;
  }

  clone(): WatchSender<T> {
    this.shared.txCount++;
    return new WatchSender(this.shared);
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    if (--this.shared.txCount === 0) {
      this.shared.closed = true;
      this.shared.notifyRxWaiters();
    }
  }
}
