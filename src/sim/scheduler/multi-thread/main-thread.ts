/**
 * `block_on` on a multi_thread runtime (tokio-facts.md §6.3 "block_on on mt", §7): the main future
 * is not a task; it runs on the calling thread (not a worker) with a parked-thread waker and a
 * fresh budget of 128 per poll, polled first on entry and then only after its waker fired. Tasks it
 * spawns or wakes go to the inject queue, because this thread holds no worker core.
 */
import { CoopState, INITIAL_BUDGET, type CoopEvent, type CoopHost } from '../../coop.ts';
import { EventKind, PollOutcome } from '../../events.ts';
import { PENDING, type Context, type Future, type Waker } from '../../future.ts';
import { setCurrentTaskId } from '../../context.ts';
import type { TraceSink } from '../../contracts.ts';
import { isRustPanic, type RustPanic } from '../../task/panic.ts';

/** The main thread's waker: `unpark` of the parked thread; no task reference behind it. */
class MainWaker implements Waker {
  readonly target = 0;

  constructor(private readonly main: MainThread) {}

  clone(): Waker {
    return this;
  }

  wake(): void {
    this.wakeByRef();
  }

  wakeByRef(): void {
    this.main.trace.emit(EventKind.WakerWake, 0, 0, 0);
    this.main.woken = true;
  }

  drop(): void {}

  willWake(other: Waker): boolean {
    return other === this;
  }
}

/** Where block_on stands; `panicked` when the main future panicked (Rust unwinds out of block_on). */
export type MainStatus =
  | { readonly kind: 'running' }
  | { readonly kind: 'ready'; readonly value: unknown }
  | { readonly kind: 'panicked'; readonly panic: RustPanic };

const RUNNING: MainStatus = { kind: 'running' };

export class MainThread implements CoopHost {
  readonly coop: CoopState;
  woken = false;
  done = false;
  value: unknown = undefined;
  status: MainStatus = RUNNING;
  private future: Future<unknown> | null = null;
  private readonly cx: Context;

  constructor(readonly trace: TraceSink) {
    this.coop = new CoopState(this);
    this.cx = { waker: new MainWaker(this) };
  }

  get active(): boolean {
    return this.future !== null;
  }

  isRunnable(): boolean {
    return this.future !== null && this.woken;
  }

  start(future: Future<unknown>): void {
    if (this.future !== null) throw new Error('block_on: the runtime is already blocking on a future');
    this.future = future;
    this.done = false;
    this.value = undefined;
    this.status = RUNNING;
    this.woken = true;
    this.trace.emit(EventKind.BlockOnStart, 0);
  }

  /** One poll of the main future under a fresh budget; true when it completed (and was dropped). */
  poll(): boolean {
    const fut = this.future;
    if (fut === null) return false;
    this.woken = false;
    this.trace.emit(EventKind.PollStart, 0);
    const prevTask = setCurrentTaskId(0);
    this.coop.enter(INITIAL_BUDGET);
    let r: unknown;
    try {
      r = fut.poll(this.cx);
    } catch (e) {
      if (!isRustPanic(e)) throw e;
      this.trace.emit(EventKind.PollEnd, 0, PollOutcome.Panicked);
      this.future = null;
      this.done = true;
      this.status = { kind: 'panicked', panic: e };
      // Unwinding drops the future (a second panic there would abort the process).
      try {
        fut.drop();
      } catch (e2) {
        if (!isRustPanic(e2)) throw e2;
      }
      this.trace.emit(EventKind.BlockOnEnd, 0);
      return true;
    } finally {
      this.coop.exit();
      setCurrentTaskId(prevTask);
    }
    if (r === PENDING) {
      this.trace.emit(EventKind.PollEnd, 0, PollOutcome.Pending);
      return false;
    }
    this.trace.emit(EventKind.PollEnd, 0, PollOutcome.Ready);
    this.future = null;
    this.value = r;
    this.done = true;
    this.status = { kind: 'ready', value: r };
    fut.drop();
    this.trace.emit(EventKind.BlockOnEnd, 0);
    return true;
  }

  /** Abandons the main future (e.g. the runner gave up); drops it. */
  abandon(): void {
    const fut = this.future;
    this.future = null;
    if (fut !== null) fut.drop();
  }

  defer(waker: Waker): void {
    waker.wakeByRef();
  }

  deferWaker(waker: Waker): void {
    waker.wakeByRef();
  }

  onCoopEvent(event: CoopEvent, remaining: number): void {
    this.trace.emit(EventKind.CoopBudget, 0, event, remaining);
  }
}
