/**
 * The channel core shared by bounded and unbounded mpsc (tokio-facts.md §7 and §13.G 78: every
 * `recv` takes one coop unit, so the 129th receive of a ready channel yields; Tokio
 * `sync/mpsc/chan.rs`). A FIFO of values, the receiver's `AtomicWaker`, a Notify for
 * `Sender::closed`, the sender count, and a "semaphore": the real batch semaphore for bounded
 * channels (capacity = permits), a message counter with a closed bit for unbounded ones.
 */
import type { DropValue } from '../contracts.ts';
import { currentContext } from '../context.ts';
import { PENDING, type Context, type Poll, type Waker } from '../future.ts';
import type { BatchSemaphore } from './batch-semaphore.ts';
import { Notify } from './notify.ts';
import { NONE, some, type Option, type RustError } from './result.ts';

/** What the channel needs from its semaphore (Tokio's `chan::Semaphore` trait). */
export interface ChanSemaphore {
  isIdle(): boolean;
  addPermit(): void;
  addPermits(n: number): void;
  close(): void;
  isClosed(): boolean;
}

export class BoundedSemaphore implements ChanSemaphore {
  constructor(
    readonly sem: BatchSemaphore,
    readonly bound: number,
  ) {}
  isIdle(): boolean {
    return this.sem.availablePermits() === this.bound;
  }
  addPermit(): void {
    this.sem.release(1);
  }
  addPermits(n: number): void {
    this.sem.release(n);
  }
  close(): void {
    this.sem.close();
  }
  isClosed(): boolean {
    return this.sem.isClosed();
  }
}

/** Unbounded: counts messages in flight; sends fail once closed. */
export class UnboundedSemaphore implements ChanSemaphore {
  inFlight = 0;
  closed = false;
  isIdle(): boolean {
    return this.inFlight === 0;
  }
  addPermit(): void {
    this.inFlight--;
  }
  addPermits(n: number): void {
    this.inFlight -= n;
  }
  close(): void {
    this.closed = true;
  }
  isClosed(): boolean {
    return this.closed;
  }
}

/** `mpsc::error::TryRecvError`. */
export class TryRecvError implements RustError {
  readonly className = 'TryRecvError';
  private constructor(readonly kind: 'empty' | 'disconnected') {}
  static readonly Empty = new TryRecvError('empty');
  static readonly Disconnected = new TryRecvError('disconnected');
  display(): string {
    return this.kind === 'empty' ? 'receiving on an empty channel' : 'receiving on a closed channel';
  }
}

const NOTHING = 0;
const VALUE = 1;
const CLOSED = 2;

export class Chan<T> {
  private buf: (T | undefined)[] = [];
  private head = 0;
  /** The last sender is gone: after the queued values, receivers see the end. */
  txClosed = false;
  rxClosed = false;
  txCount = 1;
  /** Live handles (senders + the receiver); the stored rx waker is released at 0. */
  private handles = 2;
  private rxWaker: Waker | null = null;
  readonly notifyRxClosed = new Notify();
  private popped: T | undefined = undefined;

  constructor(
    readonly semaphore: ChanSemaphore,
    readonly dropValue: DropValue,
  ) {}

  len(): number {
    return this.buf.length - this.head;
  }

  /** `Chan::send`: queue the value and wake the receiver (by value, taking the stored waker). */
  send(value: T): void {
    this.buf.push(value);
    this.wakeRx();
  }

  wakeRx(): void {
    const w = this.rxWaker;
    this.rxWaker = null;
    w?.wake();
  }

  /** `list::Rx::pop`: VALUE (in `popped`), CLOSED, or NOTHING. */
  private pop(): number {
    if (this.head < this.buf.length) {
      this.popped = this.buf[this.head];
      this.buf[this.head++] = undefined;
      if (this.head === this.buf.length) {
        this.buf.length = 0;
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.buf.length) {
        this.buf = this.buf.slice(this.head);
        this.head = 0;
      }
      return VALUE;
    }
    return this.txClosed ? CLOSED : NOTHING;
  }

  private takePopped(): T {
    const v = this.popped as T;
    this.popped = undefined;
    return v;
  }

  private registerRx(waker: Waker): void {
    const cur = this.rxWaker;
    if (cur !== null && cur.willWake(waker)) return;
    this.rxWaker = waker.clone();
    cur?.drop();
  }

  /** `Rx::recv`: one coop unit per Ready. */
  recv(cx: Context): Poll<Option<T>> {
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = this.pop();
      if (r === VALUE) {
        this.semaphore.addPermit();
        coop?.madeProgress();
        return some(this.takePopped());
      }
      if (r === CLOSED) {
        coop?.madeProgress();
        return NONE;
      }
      if (attempt === 0) this.registerRx(cx.waker);
    }
    if (this.rxClosed && this.semaphore.isIdle()) {
      coop?.madeProgress();
      return NONE;
    }
    coop?.restore();
    return PENDING;
  }

  /** `Rx::recv_many`: up to `limit` values appended to `buffer`; 0 means closed (or limit 0). */
  recvMany(cx: Context, buffer: T[], limit: number): Poll<number> {
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    if (limit === 0) {
      coop?.madeProgress();
      return 0;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      let added = 0;
      let closed = false;
      while (added < limit) {
        const r = this.pop();
        if (r === VALUE) {
          buffer.push(this.takePopped());
          added++;
        } else {
          closed = r === CLOSED;
          break;
        }
      }
      if (added > 0) this.semaphore.addPermits(added);
      if (added > 0 || closed) {
        coop?.madeProgress();
        return added;
      }
      if (attempt === 0) this.registerRx(cx.waker);
    }
    if (this.rxClosed && this.semaphore.isIdle()) {
      coop?.madeProgress();
      return 0;
    }
    coop?.restore();
    return PENDING;
  }

  tryRecv(): { ok: true; value: T } | { ok: false; error: TryRecvError } {
    const r = this.pop();
    if (r === VALUE) {
      this.semaphore.addPermit();
      return { ok: true, value: this.takePopped() };
    }
    return { ok: false, error: r === CLOSED ? TryRecvError.Disconnected : TryRecvError.Empty };
  }

  /** `Rx::close`: no more sends; queued values can still be received. */
  closeRx(): void {
    if (this.rxClosed) return;
    this.rxClosed = true;
    this.semaphore.close();
    this.notifyRxClosed.notifyWaiters();
  }

  /** `Rx` drop: close, then drop every queued value (returning its permit). */
  dropRx(): void {
    this.closeRx();
    while (this.pop() === VALUE) {
      this.semaphore.addPermit();
      this.dropValue(this.takePopped());
    }
    this.release();
  }

  /** Weak senders: they keep the channel (not the sending side) alive. */
  weakCount = 0;

  retainWeak(): void {
    this.weakCount++;
    this.handles++;
  }

  releaseWeak(): void {
    this.weakCount--;
    this.release();
  }

  cloneTx(): void {
    this.txCount++;
    this.handles++;
  }

  /** `Tx` drop: the last sender closes the list and wakes the receiver. */
  dropTx(): void {
    if (--this.txCount === 0) {
      this.txClosed = true;
      this.wakeRx();
    }
    this.release();
  }

  private release(): void {
    if (--this.handles > 0) return;
    const w = this.rxWaker;
    this.rxWaker = null;
    w?.drop();
    while (this.pop() === VALUE) this.dropValue(this.takePopped());
  }
}
