/**
 * `tokio::sync::mpsc` handles (tokio-facts.md §7; Tokio `sync/mpsc/bounded.rs`, `unbounded.rs`).
 * Bounded `send().await` first acquires a permit from the channel's fair semaphore (coop budget,
 * FIFO among blocked senders), then queues the value; unbounded sends never wait. `recv()`
 * returns None once every sender is gone and the queue is drained (or after `close()`).
 */
import type { DropValue } from '../contracts.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { type Acquire, BatchSemaphore } from './batch-semaphore.ts';
import { currentDropValue } from './drop-value.ts';
import { BoundedSemaphore, Chan, type TryRecvError, UnboundedSemaphore } from './mpsc-chan.ts';
import type { Notified } from './notify.ts';
import { UseAfterDrop } from '../use-after-drop.ts';
import { err, ok, type Option, type Result, type RustError } from './result.ts';

export { TryRecvError } from './mpsc-chan.ts';

/** `SendError<T>`: the receiver is gone; the value comes back. */
export class SendError<T> implements RustError {
  readonly className = 'SendError';
  constructor(readonly value: T) {}
  display(): string {
    return 'channel closed';
  }
}

/** `TrySendError<T>`. */
export class TrySendError<T> implements RustError {
  readonly className = 'TrySendError';
  constructor(
    readonly kind: 'full' | 'closed',
    readonly value: T,
  ) {}
  display(): string {
    return this.kind === 'full' ? 'no available capacity' : 'channel closed';
  }
}

export class Receiver<T> {
  private dropped = false;

  constructor(readonly chan: Chan<T>) {}

  /** `recv().await`: cancel-safe, holds nothing. */
  recv(): Future<Option<T>> {
    return new Recv(this.chan);
  }

  /** `recv_many(buffer, limit).await`: the count appended to `buffer`. */
  recvMany(buffer: T[], limit: number): Future<number> {
    return new RecvMany(this.chan, buffer, limit);
  }

  pollRecv(cx: Context): Poll<Option<T>> {
    return this.chan.recv(cx);
  }

  tryRecv(): Result<T, TryRecvError> {
    return this.chan.tryRecv();
  }

  close(): void {
    this.chan.closeRx();
  }

  isClosed(): boolean {
    return this.chan.semaphore.isClosed() || this.chan.txCount === 0;
  }

  isEmpty(): boolean {
    return this.chan.len() === 0;
  }

  len(): number {
    return this.chan.len();
  }

  senderStrongCount(): number {
    return this.chan.txCount;
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.chan.dropRx();
  }
}

class Recv<T> implements Future<Option<T>> {
  constructor(private readonly chan: Chan<T>) {}
  poll(cx: Context): Poll<Option<T>> {
    return this.chan.recv(cx);
  }
  drop(): void {}
}

class RecvMany<T> implements Future<number> {
  constructor(
    private readonly chan: Chan<T>,
    private readonly buffer: T[],
    private readonly limit: number,
  ) {}
  poll(cx: Context): Poll<number> {
    return this.chan.recvMany(cx, this.buffer, this.limit);
  }
  drop(): void {}
}

/** Shared by both sender kinds: clone counting, drop, `closed()`. */
abstract class SenderBase<T> {
  private dropped = false;

  constructor(readonly chan: Chan<T>) {}

  isClosed(): boolean {
    return this.chan.semaphore.isClosed();
  }

  /** `closed().await`: an async fn — on first poll it returns at once if already closed. */
  closed(): Future<void> {
    return new Closed(this.chan);
  }

  sameChannel(other: SenderBase<T>): boolean {
    return this.chan === other.chan;
  }

  strongCount(): number {
    return this.chan.txCount;
  }

  weakCount(): number {
    return this.chan.weakCount;
  }

  /** `downgrade()`: a handle that does not keep the channel open (Tokio `WeakSender`). */
  downgrade(): WeakSender<T> {
    return new WeakSender(this.chan, this);
  }

  /** A new strong handle (the count is already taken). */
  abstract clone(): SenderBase<T>;

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.chan.dropTx();
  }
}

class Closed<T> implements Future<void> {
  private notified: Notified | null = null;

  constructor(private readonly chan: Chan<T>) {}

  poll(cx: Context): Poll<void> {
    if (this.notified === null) {
      this.notified = this.chan.notifyRxClosed.notified();
      if (this.chan.semaphore.isClosed()) return undefined;
    }
    return this.notified.poll(cx);
  }

  drop(): void {
    this.notified?.drop();
  }
}

/**
 * `WeakSender` / `WeakUnboundedSender`: `upgrade()` yields a sender only while a strong one lives
 * (Tokio's `Tx::upgrade` increments `tx_count` unless it is already 0).
 */
export class WeakSender<T> {
  private dropped = false;

  constructor(
    private readonly chan: Chan<T>,
    private readonly origin: SenderBase<T>,
  ) {
    chan.retainWeak();
  }

  upgrade(): SenderBase<T> | null {
    return this.chan.txCount === 0 ? null : this.origin.clone();
  }

  clone(): WeakSender<T> {
    return new WeakSender(this.chan, this.origin);
  }

  strongCount(): number {
    return this.chan.txCount;
  }

  weakCount(): number {
    return this.chan.weakCount;
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.chan.releaseWeak();
  }
}

export class Sender<T> extends SenderBase<T> {
  constructor(
    chan: Chan<T>,
    private readonly bounded: BoundedSemaphore,
  ) {
    super(chan);
  }

  clone(): Sender<T> {
    this.chan.cloneTx();
    return new Sender(this.chan, this.bounded);
  }

  /** `send(value).await`: waits for capacity; Err(SendError(value)) once the receiver closed. */
  send(value: T): Future<Result<void, SendError<T>>> {
    return new Send(this.chan, this.bounded.sem.acquire(1), value);
  }

  trySend(value: T): Result<void, TrySendError<T>> {
    const r = this.bounded.sem.tryAcquire(1);
    if (!r.ok) return err(new TrySendError(r.error.kind === 'closed' ? 'closed' : 'full', value));
    this.chan.send(value);
    return ok(undefined);
  }

  /** `reserve().await`: a Permit to send one value later without waiting. */
  reserve(): Future<Result<Permit<T>, SendError<undefined>>> {
    const f = new Reserve(this.chan, this.bounded, 1);
    return {
      poll: (cx) => {
        const r = f.poll(cx);
        if (r === PENDING) return PENDING;
        return r.ok ? ok(r.value[0]) : err(r.error);
      },
      drop: () => f.drop(),
    };
  }

  /** `try_reserve_many(n)` (`try_reserve` is n = 1): Full when fewer slots are free, Closed once the receiver closed. */
  tryReserveMany(n: number): Result<Permit<T>[], TrySendError<undefined>> {
    if (n > this.bounded.bound) return err(new TrySendError('full', undefined));
    const r = this.bounded.sem.tryAcquire(n);
    if (!r.ok) return err(new TrySendError(r.error.kind === 'closed' ? 'closed' : 'full', undefined));
    return ok(this.permits(n));
  }

  /** `reserve_many(n).await`: n slots at once; more than the bound is an immediate SendError as in Tokio. */
  reserveMany(n: number): Future<Result<Permit<T>[], SendError<undefined>>> {
    if (n > this.bounded.bound) return { poll: () => err(new SendError(undefined)), drop: () => undefined };
    return new Reserve(this.chan, this.bounded, n);
  }

  private permits(n: number): Permit<T>[] {
    return Array.from({ length: n }, () => new Permit(this.chan, this.bounded));
  }

  capacity(): number {
    return this.bounded.sem.availablePermits();
  }

  maxCapacity(): number {
    return this.bounded.bound;
  }
}

class Send<T> implements Future<Result<void, SendError<T>>> {
  private holding = true;

  constructor(
    private readonly chan: Chan<T>,
    private readonly acquire: Acquire,
    private readonly value: T,
  ) {}

  poll(cx: Context): Poll<Result<void, SendError<T>>> {
    const r = this.acquire.poll(cx);
    if (r === PENDING) return PENDING;
    this.holding = false;
    if (!r.ok) return err(new SendError(this.value));
    this.chan.send(this.value);
    return ok(undefined);
  }

  /** A send dropped before it got capacity drops its value. */
  drop(): void {
    this.acquire.drop();
    if (this.holding) {
      this.holding = false;
      this.chan.dropValue(this.value);
    }
  }
}

class Reserve<T> implements Future<Result<Permit<T>[], SendError<undefined>>> {
  private readonly acquire: Acquire;

  constructor(
    private readonly chan: Chan<T>,
    private readonly bounded: BoundedSemaphore,
    private readonly n: number,
  ) {
    this.acquire = bounded.sem.acquire(n);
  }

  poll(cx: Context): Poll<Result<Permit<T>[], SendError<undefined>>> {
    const r = this.acquire.poll(cx);
    if (r === PENDING) return PENDING;
    if (!r.ok) return err(new SendError(undefined));
    return ok(Array.from({ length: this.n }, () => new Permit(this.chan, this.bounded)));
  }

  drop(): void {
    this.acquire.drop();
  }
}

/** `Permit<T>`: one reserved slot. */
export class Permit<T> {
  private used = false;

  constructor(
    private readonly chan: Chan<T>,
    private readonly bounded: BoundedSemaphore,
  ) {}

  send(value: T): void {
    if (this.used) throw new UseAfterDrop('Permit used twice');
    this.used = true;
    this.chan.send(value);
  }

  /** An unused permit goes back; if that leaves a closed channel idle, the receiver is told. */
  drop(): void {
    if (this.used) return;
    this.used = true;
    this.bounded.addPermit();
    if (this.bounded.isClosed() && this.bounded.isIdle()) this.chan.wakeRx();
  }
}

export class UnboundedSender<T> extends SenderBase<T> {
  constructor(
    chan: Chan<T>,
    private readonly counter: UnboundedSemaphore,
  ) {
    super(chan);
  }

  clone(): UnboundedSender<T> {
    this.chan.cloneTx();
    return new UnboundedSender(this.chan, this.counter);
  }

  /** Never waits; Err(SendError(value)) once the receiver closed. */
  send(value: T): Result<void, SendError<T>> {
    if (this.counter.closed) return err(new SendError(value));
    this.counter.inFlight++;
    this.chan.send(value);
    return ok(undefined);
  }
}

/** `mpsc::channel(buffer)`; panics on 0 like Tokio. */
export function channel<T>(buffer: number, dropValue: DropValue = currentDropValue()): [Sender<T>, Receiver<T>] {
  if (!(buffer > 0)) throw new RustPanic('mpsc bounded channel requires buffer > 0');
  const sem = new BoundedSemaphore(new BatchSemaphore(buffer), buffer);
  const chan = new Chan<T>(sem, dropValue);
  return [new Sender(chan, sem), new Receiver(chan)];
}

/** `mpsc::unbounded_channel()`. */
export function unboundedChannel<T>(dropValue: DropValue = currentDropValue()): [UnboundedSender<T>, Receiver<T>] {
  const sem = new UnboundedSemaphore();
  const chan = new Chan<T>(sem, dropValue);
  return [new UnboundedSender(chan, sem), new Receiver(chan)];
}
