/**
 * `tokio::sync::broadcast` (Tokio `sync/broadcast.rs`): a ring of `capacity.next_power_of_two()`
 * slots, each stamped with the position it was written at and a count of receivers still to read
 * it. A receiver whose next position was overwritten skips to the oldest kept message and gets
 * `Lagged(missed)`. Waiting receivers queue FIFO (pushed at the head, woken from the tail); a send
 * or the last sender's drop wakes them all. `recv()` takes coop budget.
 */
import type { DropValue } from '../contracts.ts';
import { LinkedList, type ListNode } from '../linked-list.ts';
import { PENDING, type Context, type Future, type Poll, type Waker } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { cooperative } from './cooperative.ts';
import { currentDropValue } from './drop-value.ts';
import { Notify, type Notified } from './notify.ts';
import { err, ok, type Result, type RustError } from './result.ts';

/** `broadcast::error::SendError<T>`: no receiver is left. */
export class BroadcastSendError<T> implements RustError {
  readonly className = 'BroadcastSendError';
  constructor(readonly value: T) {}
  display(): string {
    return 'channel closed';
  }
}

/** `broadcast::error::{RecvError, TryRecvError}`, one shape for both. */
export type BroadcastRecvError =
  { readonly kind: 'empty' } | { readonly kind: 'closed' } | { readonly kind: 'lagged'; readonly missed: number };
const EMPTY: BroadcastRecvError = { kind: 'empty' };
const CLOSED: BroadcastRecvError = { kind: 'closed' };

const WAKE_BATCH = 32;

interface Slot<T> {
  pos: number;
  rem: number;
  has: boolean;
  val: T | undefined;
}

/** A receiver's place in the waiter list (one per `Recv` future). */
class Waiter implements ListNode<Waiter> {
  queued = false;
  waker: Waker | null = null;
  prev: Waiter | null = null;
  next: Waiter | null = null;
}

export class BroadcastShared<T> {
  readonly buffer: Slot<T>[];
  readonly mask: number;
  pos = 0;
  rxCnt: number;
  closed: boolean;
  numTx = 1;
  numWeakTx = 0;
  readonly notifyLastRxDrop = new Notify();
  private readonly waiters = new LinkedList<Waiter>();
  readonly dropValue: DropValue = currentDropValue();

  constructor(capacity: number, receivers: number) {
    if (capacity <= 0) throw new RustPanic('broadcast channel capacity cannot be zero');
    let cap = 1;
    while (cap < capacity) cap *= 2;
    this.buffer = Array.from({ length: cap }, (_, i) => ({ pos: i - cap, rem: 0, has: false, val: undefined }));
    this.mask = cap - 1;
    this.rxCnt = receivers;
    this.closed = receivers === 0;
  }

  slot(pos: number): Slot<T> {
    return this.buffer[pos & this.mask];
  }

  pushWaiter(w: Waiter): void {
    this.waiters.pushFront(w);
  }

  unlink(w: Waiter): void {
    this.waiters.unlink(w);
  }

  /** `notify_rx`: wakes every queued receiver, oldest first, in batches. */
  notifyRx(): void {
    const batch: Waker[] = [];
    for (let w = this.waiters.popBack(); w !== null; w = this.waiters.popBack()) {
      w.queued = false;
      const k = w.waker;
      w.waker = null;
      if (k !== null) batch.push(k);
      if (batch.length === WAKE_BATCH) for (const b of batch.splice(0)) b.wake();
    }
    for (const b of batch) b.wake();
  }

  waiterCount(): number {
    return this.waiters.count();
  }

  /** A receiver read slot `s`: the last reader frees the value. */
  readDone(s: Slot<T>): void {
    if (--s.rem === 0 && s.has) {
      const v = s.val;
      s.has = false;
      s.val = undefined;
      this.dropValue(v);
    }
  }
}

export function broadcastChannel<T>(capacity: number): [BroadcastSender<T>, BroadcastReceiver<T>] {
  const shared = new BroadcastShared<T>(capacity, 1);
  return [new BroadcastSender(shared), new BroadcastReceiver(shared, 0)];
}

export class BroadcastSender<T> {
  private dropped = false;

  constructor(readonly shared: BroadcastShared<T>) {}

  /** `Sender::new(capacity)`: a channel with no receiver yet. */
  static withoutReceivers<T>(capacity: number): BroadcastSender<T> {
    return new BroadcastSender(new BroadcastShared<T>(capacity, 0));
  }

  send(value: T): Result<number, BroadcastSendError<T>> {
    const s = this.shared;
    if (s.rxCnt === 0) return err(new BroadcastSendError(value));
    const pos = s.pos;
    s.pos += 1;
    const slot = s.slot(pos);
    if (slot.has) {
      const old = slot.val;
      slot.has = false;
      slot.val = undefined;
      s.dropValue(old);
    }
    slot.pos = pos;
    slot.rem = s.rxCnt;
    slot.has = true;
    slot.val = value;
    s.notifyRx();
    return ok(s.rxCnt);
  }

  subscribe(): BroadcastReceiver<T> {
    return newReceiver(this.shared);
  }

  /** `len`: messages some receiver has not read yet. */
  len(): number {
    const s = this.shared;
    let n = 0;
    for (let i = 0; i < s.buffer.length; i++) if (s.slot(s.pos + i).rem > 0) n++;
    return n;
  }

  isEmpty(): boolean {
    return this.shared.slot(this.shared.pos - 1).rem === 0;
  }

  receiverCount(): number {
    return this.shared.rxCnt;
  }

  sameChannel(other: BroadcastSender<T>): boolean {
    return this.shared === other.shared;
  }

  strongCount(): number {
    return this.shared.numTx;
  }

  weakCount(): number {
    return this.shared.numWeakTx;
  }

  /** `closed()`: waits until every receiver is gone. */
  closed(): Future<void> {
    const s = this.shared;
    let notified: Notified | null = null;
    const release = (): void => {
      const n = notified;
      notified = null;
      n?.drop();
    };
    return {
      poll: (cx) => {
        for (;;) {
          if (notified === null) {
            notified = s.notifyLastRxDrop.notified();
            if (s.closed) {
              release();
              return undefined;
            }
          }
          if (notified.poll(cx) === PENDING) return PENDING;
          release();
        }
      },
      drop: release,
    };
  }

  clone(): BroadcastSender<T> {
    this.shared.numTx++;
    return new BroadcastSender(this.shared);
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    const s = this.shared;
    if (--s.numTx === 0) {
      s.closed = true;
      s.notifyRx();
    }
  }
}

function newReceiver<T>(s: BroadcastShared<T>): BroadcastReceiver<T> {
  if (s.rxCnt === 0) s.closed = false;
  s.rxCnt++;
  return new BroadcastReceiver(s, s.pos);
}

export class BroadcastReceiver<T> {
  private dropped = false;

  constructor(
    readonly shared: BroadcastShared<T>,
    public next: number,
  ) {}

  /** `recv_ref`: the slot to read, or why not; registers `waiter` when empty. */
  recvRef(waiter: Waiter | null, waker: Waker | null): Result<Slot<T>, BroadcastRecvError> {
    const s = this.shared;
    const slot = s.slot(this.next);
    if (slot.pos !== this.next) {
      if (slot.pos + s.buffer.length === this.next) {
        if (s.closed) return err(CLOSED);
        if (waiter !== null && waker !== null) {
          const cur = waiter.waker;
          if (cur === null || !cur.willWake(waker)) {
            waiter.waker = waker.clone();
            cur?.drop();
          }
          if (!waiter.queued) {
            waiter.queued = true;
            s.pushWaiter(waiter);
          }
        }
        return err(EMPTY);
      }
      const next = s.pos - s.buffer.length;
      const missed = next - this.next;
      if (missed === 0) {
        this.next += 1;
        return ok(slot);
      }
      this.next = next;
      return err({ kind: 'lagged', missed });
    }
    this.next += 1;
    return ok(slot);
  }

  /** Reads a slot's value (a clone, made by `cloneValue`) and marks it read. */
  private take(slot: Slot<T>, cloneValue: (v: T) => T): Result<T, BroadcastRecvError> {
    if (!slot.has) {
      this.shared.readDone(slot);
      return err(CLOSED);
    }
    const v = cloneValue(slot.val as T);
    this.shared.readDone(slot);
    return ok(v);
  }

  tryRecv(cloneValue: (v: T) => T): Result<T, BroadcastRecvError> {
    const r = this.recvRef(null, null);
    return r.ok ? this.take(r.value, cloneValue) : r;
  }

  recv(cloneValue: (v: T) => T): Future<Result<T, BroadcastRecvError>> {
    const waiter = new Waiter();
    const poll = (cx: Context): Poll<Result<T, BroadcastRecvError>> => {
      const r = this.recvRef(waiter, cx.waker);
      if (r.ok) return this.take(r.value, cloneValue);
      return r.error.kind === 'empty' ? PENDING : r;
    };
    const drop = (): void => {
      if (waiter.queued) {
        waiter.queued = false;
        this.shared.unlink(waiter);
      }
      const w = waiter.waker;
      waiter.waker = null;
      w?.drop();
    };
    return cooperative({ poll, drop });
  }

  len(): number {
    return this.shared.pos - this.next;
  }

  isEmpty(): boolean {
    return this.len() === 0;
  }

  isClosed(): boolean {
    return this.shared.numTx === 0;
  }

  sameChannel(other: BroadcastReceiver<T>): boolean {
    return this.shared === other.shared;
  }

  resubscribe(): BroadcastReceiver<T> {
    return newReceiver(this.shared);
  }

  senderStrongCount(): number {
    return this.shared.numTx;
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    const s = this.shared;
    s.rxCnt -= 1;
    const until = s.pos;
    if (s.rxCnt === 0) {
      s.notifyLastRxDrop.notifyWaiters();
      s.closed = true;
    }
    while (this.next < until) {
      const r = this.recvRef(null, null);
      if (r.ok) s.readDone(r.value);
      else if (r.error.kind === 'closed') break;
      else if (r.error.kind === 'empty') throw new RustPanic('unexpected empty broadcast channel');
    }
  }
}
