/**
 * `tokio::sync::oneshot` (tokio-facts.md §7: recv and `closed` take coop budget; Tokio
 * `sync/oneshot.rs`). One shared cell with Tokio's state bits: RX_TASK_SET, VALUE_SENT, CLOSED,
 * TX_TASK_SET. Sending (or dropping the sender) sets VALUE_SENT and wakes the receiver by ref;
 * closing (or dropping the receiver) sets CLOSED and wakes a sender waiting in `closed()`. The
 * stored wakers live until both halves are gone, as in Tokio's `Inner` drop.
 */
import type { DropValue } from '../contracts.ts';
import { currentContext } from '../context.ts';
import { PENDING, type Context, type Future, type Poll, type Waker } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { UseAfterDrop } from '../use-after-drop.ts';
import { currentDropValue } from './drop-value.ts';
import { err, ok, type Result, type RustError } from './result.ts';

const RX_TASK_SET = 0b0001;
const VALUE_SENT = 0b0010;
const CLOSED = 0b0100;
const TX_TASK_SET = 0b1000;

/** `oneshot::error::RecvError`. */
export class RecvError implements RustError {
  readonly className = 'RecvError';
  display(): string {
    return 'channel closed';
  }
}
export const RECV_ERROR = new RecvError();

/** `oneshot::error::TryRecvError`. */
export class TryRecvError implements RustError {
  readonly className = 'TryRecvError';
  private constructor(readonly kind: 'empty' | 'closed') {}
  static readonly Empty = new TryRecvError('empty');
  static readonly Closed = new TryRecvError('closed');
  display(): string {
    return this.kind === 'empty' ? 'channel empty' : 'channel closed';
  }
}

class Inner<T> {
  state = 0;
  hasValue = false;
  value: T | undefined = undefined;
  txWaker: Waker | null = null;
  rxWaker: Waker | null = null;
  /** Live halves (Tokio's Arc count); the stored wakers are dropped when it reaches 0. */
  handles = 2;

  constructor(readonly dropValue: DropValue) {}

  consumeValue(): { has: boolean; value: T | undefined } {
    const has = this.hasValue;
    const value = this.value;
    this.hasValue = false;
    this.value = undefined;
    return { has, value };
  }

  /** `complete`: false when the receiver already closed; wakes the receiver by ref. */
  complete(): boolean {
    const prev = this.state;
    if ((prev & CLOSED) !== 0) return false;
    this.state = prev | VALUE_SENT;
    if ((prev & RX_TASK_SET) !== 0) this.rxWaker?.wakeByRef();
    return true;
  }

  close(): number {
    const prev = this.state;
    this.state = prev | CLOSED;
    if ((prev & TX_TASK_SET) !== 0 && (prev & VALUE_SENT) === 0) this.txWaker?.wakeByRef();
    return prev;
  }

  release(): void {
    if (--this.handles > 0) return;
    const rx = this.rxWaker;
    const tx = this.txWaker;
    this.rxWaker = this.txWaker = null;
    rx?.drop();
    tx?.drop();
  }

  /** `poll_recv`, after the coop check. */
  pollRecv(cx: Context): Poll<Result<T, RecvError>> {
    const state = this.state;
    if ((state & VALUE_SENT) !== 0) return this.readValue();
    if ((state & CLOSED) !== 0) return err(RECV_ERROR);
    if ((state & RX_TASK_SET) !== 0) {
      if (this.rxWaker !== null && this.rxWaker.willWake(cx.waker)) return PENDING;
      this.state &= ~RX_TASK_SET;
      this.rxWaker?.drop();
      this.rxWaker = null;
    }
    this.rxWaker = cx.waker.clone();
    this.state |= RX_TASK_SET;
    return (this.state & VALUE_SENT) !== 0 ? this.readValue() : PENDING;
  }

  private readValue(): Result<T, RecvError> {
    const { has, value } = this.consumeValue();
    return has ? ok(value as T) : err(RECV_ERROR);
  }
}

export class OneshotSender<T> {
  private inner: Inner<T> | null;

  constructor(inner: Inner<T>) {
    this.inner = inner;
  }

  private live(): Inner<T> {
    if (this.inner === null) throw new UseAfterDrop('oneshot::Sender used after send');
    return this.inner;
  }

  /** `send(self, value)`: consumes the sender; Err(value) if the receiver is gone. */
  send(value: T): Result<void, T> {
    const inner = this.live();
    this.inner = null;
    inner.value = value;
    inner.hasValue = true;
    const delivered = inner.complete();
    let res: Result<void, T>;
    if (delivered) {
      res = ok(undefined);
    } else {
      const back = inner.consumeValue();
      res = err(back.value as T);
    }
    inner.release();
    return res;
  }

  isClosed(): boolean {
    return (this.live().state & CLOSED) !== 0;
  }

  /** `poll_closed`: Ready once the receiver closed or was dropped (takes coop budget). */
  pollClosed(cx: Context): Poll<void> {
    const inner = this.live();
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    let state = inner.state;
    if ((state & CLOSED) !== 0) {
      coop?.madeProgress();
      return undefined;
    }
    if ((state & TX_TASK_SET) !== 0 && !(inner.txWaker !== null && inner.txWaker.willWake(cx.waker))) {
      state = inner.state &= ~TX_TASK_SET;
      inner.txWaker?.drop();
      inner.txWaker = null;
    }
    if ((state & TX_TASK_SET) === 0) {
      inner.txWaker = cx.waker.clone();
      state = inner.state |= TX_TASK_SET;
      if ((state & CLOSED) !== 0) {
        coop?.madeProgress();
        return undefined;
      }
    }
    coop?.restore();
    return PENDING;
  }

  /** `closed().await`: borrows the sender; cancel-safe. */
  closed(): Future<void> {
    return { poll: (cx) => this.pollClosed(cx), drop: () => undefined };
  }

  /** Dropping an unsent sender completes the channel empty: the receiver gets RecvError. */
  drop(): void {
    const inner = this.inner;
    if (inner === null) return;
    this.inner = null;
    inner.complete();
    inner.release();
  }
}

export class OneshotReceiver<T> implements Future<Result<T, RecvError>> {
  private inner: Inner<T> | null;

  constructor(inner: Inner<T>) {
    this.inner = inner;
  }

  poll(cx: Context): Poll<Result<T, RecvError>> {
    const inner = this.inner;
    if (inner === null) throw new RustPanic('called after complete');
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    const r = inner.pollRecv(cx);
    if (r === PENDING) {
      coop?.restore();
      return PENDING;
    }
    coop?.madeProgress();
    this.inner = null;
    inner.release();
    return r;
  }

  /** `close()`: no more sends; the value already sent (if any) can still be received. */
  close(): void {
    this.inner?.close();
  }

  isTerminated(): boolean {
    return this.inner === null;
  }

  isEmpty(): boolean {
    const inner = this.inner;
    if (inner === null) return true;
    return (inner.state & VALUE_SENT) !== 0 ? !inner.hasValue : true;
  }

  tryRecv(): Result<T, TryRecvError> {
    const inner = this.inner;
    let res: Result<T, TryRecvError>;
    if (inner === null) {
      res = err(TryRecvError.Closed);
    } else if ((inner.state & VALUE_SENT) !== 0) {
      const { has, value } = inner.consumeValue();
      res = has ? ok(value as T) : err(TryRecvError.Closed);
    } else if ((inner.state & CLOSED) !== 0) {
      res = err(TryRecvError.Closed);
    } else {
      return err(TryRecvError.Empty);
    }
    if (inner !== null) {
      this.inner = null;
      inner.release();
    }
    return res;
  }

  /** Dropping closes the channel and drops a value that was sent but never received. */
  drop(): void {
    const inner = this.inner;
    if (inner === null) return;
    this.inner = null;
    const prev = inner.close();
    if ((prev & VALUE_SENT) !== 0) {
      const { has, value } = inner.consumeValue();
      if (has) inner.dropValue(value);
    }
    inner.release();
  }
}

/** `oneshot::channel()`. */
export function oneshot<T>(dropValue: DropValue = currentDropValue()): [OneshotSender<T>, OneshotReceiver<T>] {
  const inner = new Inner<T>(dropValue);
  return [new OneshotSender(inner), new OneshotReceiver(inner)];
}
