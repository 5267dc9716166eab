/**
 * The futures behind `tokio::join!` and `tokio::try_join!` (Tokio 1.48 `macros/join.rs`,
 * `try_join.rs`, `future/maybe_done.rs`). Each branch is wrapped in MaybeDone: when it completes
 * its output is kept and the branch future is dropped at once. Unless `biased;` (which 1.48 has),
 * every poll starts one branch later than the previous poll (a rotator: 0, 1, …, n−1, 0, …) and
 * wraps around, so a budget-hungry branch cannot starve the others; `biased` always starts at 0.
 * join! takes no coop budget itself. try_join! returns the first Err at once (the other branches
 * are dropped with the join future).
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { currentDropValue } from './drop-value.ts';

const RUNNING = 0;
const DONE = 1;
const GONE = 2;

abstract class JoinBase<R> implements Future<R> {
  protected readonly futures: (Future<unknown> | null)[];
  protected readonly outputs: unknown[];
  protected readonly state: number[];
  private next = 0;

  constructor(
    futures: Future<unknown>[],
    private readonly biased: boolean,
  ) {
    this.futures = futures.slice();
    this.outputs = futures.map(() => undefined);
    this.state = futures.map(() => RUNNING);
  }

  /** `Rotator::num_skip`. */
  private numSkip(): number {
    if (this.biased) return 0;
    const skip = this.next;
    if (++this.next === this.futures.length) this.next = 0;
    return skip;
  }

  /** Polls branch i (MaybeDone); returns true once it is done. */
  protected pollBranch(i: number, cx: Context): boolean {
    if (this.state[i] !== RUNNING) return true;
    const f = this.futures[i] as Future<unknown>;
    const r = f.poll(cx);
    if (r === PENDING) return false;
    this.outputs[i] = r;
    this.state[i] = DONE;
    this.futures[i] = null;
    f.drop();
    return true;
  }

  /** One pass in rotated order; `onDone(i)` may end the poll early with a value. */
  protected pass(cx: Context, onDone: (i: number) => R | undefined): Poll<R> | 'all-done' {
    const n = this.futures.length;
    const skip = this.numSkip();
    let pending = false;
    for (let k = 0; k < n; k++) {
      const i = (skip + k) % n;
      const wasRunning = this.state[i] === RUNNING;
      if (!this.pollBranch(i, cx)) {
        pending = true;
        continue;
      }
      if (wasRunning) {
        const early = onDone(i);
        if (early !== undefined) return early;
      }
    }
    return pending ? PENDING : 'all-done';
  }

  protected takeOutputs(): unknown[] {
    const out = this.outputs.slice();
    for (let i = 0; i < out.length; i++) {
      this.outputs[i] = undefined;
      this.state[i] = GONE;
    }
    return out;
  }

  abstract poll(cx: Context): Poll<R>;

  /** Branch futures still running are dropped; outputs never taken go to the interpreter. */
  drop(): void {
    const dropValue = currentDropValue();
    for (let i = 0; i < this.futures.length; i++) {
      const f = this.futures[i];
      this.futures[i] = null;
      if (f !== null) f.drop();
      if (this.state[i] === DONE) dropValue(this.outputs[i]);
      this.state[i] = GONE;
      this.outputs[i] = undefined;
    }
  }
}

/** `join!(a, b, …)`: Ready with every output, in branch order. */
export class Join extends JoinBase<unknown[]> {
  constructor(futures: Future<unknown>[], opts: { readonly biased?: boolean } = {}) {
    super(futures, opts.biased ?? false);
  }

  poll(cx: Context): Poll<unknown[]> {
    const r = this.pass(cx, () => undefined);
    return r === 'all-done' ? this.takeOutputs() : r;
  }
}

export type TryJoinOutput =
  | { readonly ok: true; readonly values: unknown[] }
  | { readonly ok: false; readonly index: number; readonly error: unknown };

/**
 * `try_join!(a, b, …)`: `isErr(v)` says whether an output is an `Err`; the first one found ends
 * the join with that output (`error` is the whole Err value, as produced by the branch).
 */
export class TryJoin extends JoinBase<TryJoinOutput> {
  constructor(
    futures: Future<unknown>[],
    private readonly isErr: (value: unknown) => boolean,
    opts: { readonly biased?: boolean } = {},
  ) {
    super(futures, opts.biased ?? false);
  }

  poll(cx: Context): Poll<TryJoinOutput> {
    const r = this.pass(cx, (i) => {
      if (!this.isErr(this.outputs[i])) return undefined;
      const error = this.outputs[i];
      this.outputs[i] = undefined;
      this.state[i] = GONE;
      return { ok: false, index: i, error };
    });
    return r === 'all-done' ? { ok: true, values: this.takeOutputs() } : r;
  }
}
