/**
 * The polling contract every simulated future obeys (tokio-facts.md §2.2, §3.6, §5): a future is
 * polled with a Context carrying a Waker; it returns a value (Ready) or PENDING. Wakers are
 * reference-counted handles: clone() is `ref_inc` on a task, drop() is `ref_dec`, wake() consumes
 * the waker (`wake_by_val`), wakeByRef() keeps it.
 *
 * This file is the seam between the simulator and everything that runs on it (the Rust
 * interpreter, TypeScript test futures, benchmarks). Keep it small and stable.
 */

/** The one Pending value. A poll returns either its Ready value or this. */
export const PENDING: unique symbol = Symbol('Pending');
export type Pending = typeof PENDING;
export type Poll<T> = T | Pending;

export function isPending<T>(p: Poll<T>): p is Pending {
  return p === PENDING;
}

export interface Waker {
  /** `Waker::clone`: a new handle; for a task waker this takes one more task reference. */
  clone(): Waker;
  /** `Waker::wake`: wakes and consumes this handle (its reference is released). */
  wake(): void;
  /** `Waker::wake_by_ref`: wakes and keeps this handle. */
  wakeByRef(): void;
  /** Drops this handle without waking (releases its reference). */
  drop(): void;
  /** `Waker::will_wake`: true when both handles wake the same thing. */
  willWake(other: Waker): boolean;
  /** What it wakes, for the trace: a task id (> 0), 0 for block_on's main future, -1 otherwise. */
  readonly target: number;
}

export interface Context {
  readonly waker: Waker;
}

export interface Future<T> {
  /** Polls once. Must not be called again after it returned a Ready value. */
  poll(cx: Context): Poll<T>;
  /**
   * Drops the future: runs the destructors of whatever it still owns (captured values, live
   * locals at its suspension point, child futures). Called exactly once, after Ready too.
   */
  drop(): void;
}

/** Where in the Rust source something happened; 1-based line and column. Optional everywhere. */
export interface SourceSpan {
  readonly line: number;
  readonly col: number;
  readonly endLine?: number;
  readonly endCol?: number;
}

/** A future built from plain functions, for tests, benchmarks and small built-in futures. */
export function futureFrom<T>(poll: (cx: Context) => Poll<T>, drop: () => void = () => undefined): Future<T> {
  return { poll, drop };
}

/** A future that is Ready with `value` on its first poll. */
export function ready<T>(value: T): Future<T> {
  return futureFrom(() => value);
}
