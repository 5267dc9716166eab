/**
 * Futures made from Rust code: an `async fn` call or an `async { }` block is a simulated Future
 * whose poll resumes a generator (compiled from the body) until it yields at a pending `.await`.
 * Dropping it runs exactly the destructors Rust runs (verified against rustc 1.95):
 * - never polled: the captured values / arguments, in capture (argument) order;
 * - suspended: the live locals newest first (the awaited future first of all, held as a
 *   temporary), then the arguments newest first, or an async block's captures in capture order;
 * - completed (or panicked and already unwound): nothing more.
 */
import { renewBudget } from './guards.ts';
import { env } from './env.ts';
import { type Frame, SUSPEND } from './frame.ts';
import { dropFrame, dropSlot } from './owner.ts';
import { type Context, PENDING, type Pending } from './sim.ts';
import { DROPPED, Owned, type Value } from './values.ts';

/** Any future value the interpreter handles (its own and wrapped simulator futures). */
export abstract class RFuture extends Owned {
  abstract poll(cx: Context): Value | Pending;
  /** The simulator's drop (it owns spawned futures): runs the drop glue once. */
  drop(): void {
    if (this.o !== DROPPED) {
      this.o = DROPPED;
      this.dropGlue();
    }
  }
}

/**
 * One suspend point of an async body (rustc's generator state `SuspendN`), for the inspector's
 * saved locals (saved-locals.ts): which named locals the suspended future holds there.
 */
export interface AwaitPoint {
  /** N of `SuspendN`: the body's `.await`s in source order, from 0. */
  readonly index: number;
  readonly line: number;
  readonly col: number;
  /** The named locals in scope there and not moved out before it, outermost first. */
  readonly locals: readonly { readonly name: string; readonly slot: number }[];
  /**
   * An `async move` block's captures (held for the future's whole life). The compiler's own
   * list, read when the future is inspected: captures are found as the body compiles.
   */
  readonly captures: readonly { readonly slot: number; readonly from: { readonly info: { readonly name: string } } }[];
  /** Names moved out before this point (captures included). */
  readonly moved: ReadonlySet<string>;
}

/** Layout facts an async body's future needs for drops. */
export interface AsyncLayout {
  /** The whole body when it contains no `.await`: runs to completion in one poll. */
  readonly sync: ((f: Frame) => Value) | null;
  /**
   * Otherwise the body as a state machine (compile/ce.ts `RCode`): it returns SUSPEND while an
   * awaited future is pending and resumes where it stopped when called on the next poll.
   */
  readonly resume: ((f: Frame) => Value) | null;
  /** Suspended drop order. */
  readonly order: number[];
  /** Never-polled drop order (captures / arguments). */
  readonly unpolled: number[];
  readonly name: string;
}

const enum St {
  New = 0,
  Started = 1,
  Done = 2,
}

export class AsyncFuture extends RFuture {
  // Fields are assigned in the constructor (see `Owned`): one future per task and per call.
  /** The Context of the poll in progress (awaits inside the body poll with it). */
  declare cx: Context | null;
  declare private st: St;
  /** While suspended: the suspend point, and the future it awaits there (its `__awaitee`). */
  declare at: AwaitPoint | null;
  declare awaitee: RFuture | null;
  declare readonly layout: AsyncLayout;
  declare readonly frame: Frame;

  constructor(layout: AsyncLayout, frame: Frame) {
    super();
    this.cx = null;
    this.st = St.New;
    this.at = null;
    this.awaitee = null;
    this.layout = layout;
    this.frame = frame;
    frame.fut = this;
  }

  poll(cx: Context): Value | Pending {
    if (this.st === St.Done) throw new Error('`async fn` resumed after completion');
    this.cx = cx;
    this.st = St.Started;
    if (env.pollDepth++ === 0) renewBudget();
    try {
      const sync = this.layout.sync;
      if (sync !== null) {
        const v = sync(this.frame);
        this.st = St.Done;
        return v;
      }
      const v = this.layout.resume!(this.frame);
      if (v !== SUSPEND) {
        this.st = St.Done;
        return v;
      }
      if (env.pollDepth === 1 && env.onSuspend !== null) env.onSuspend(this);
      return PENDING;
    } finally {
      env.pollDepth--;
      this.cx = null;
    }
  }

  get started(): boolean {
    return this.st !== St.New;
  }

  /** Where the body is suspended between polls (null: not started, running, or finished). */
  get suspendedAt(): AwaitPoint | null {
    return this.st === St.Started && this.cx === null ? this.at : null;
  }

  dropGlue(): void {
    const st = this.st;
    this.st = St.Done;
    this.at = null;
    this.awaitee = null;
    if (st === St.Done) return;
    const s = this.frame.s;
    if (st === St.New) {
      for (const i of this.layout.unpolled) dropSlot(s[i], s, i);
      return;
    }
    dropFrame(this.frame, this.layout.order);
  }
}
