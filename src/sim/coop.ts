/**
 * The cooperative budget (tokio-facts.md §7): 128 units per task poll; JoinHandle, Sleep, channels
 * and semaphores take one unit per completed operation; at 0 the operation returns Pending and its
 * waker goes to the defer list (since 1.44, §14.1), so the task yields to the driver.
 *
 * One `CoopState` per simulated thread. `-1` stands for Tokio's `None` (unconstrained): outside a
 * runtime, in blocking-pool closures and inside `unconstrained(..)`.
 */
import type { CoopBudget } from './contracts.ts';
import type { Context, Waker } from './future.ts';

export const INITIAL_BUDGET = 128;
export const UNCONSTRAINED = -1;

/** What the budget reports to the trace (coop.budget events). */
export const CoopEvent = { HitZero: 0, Exhausted: 1 } as const;
export type CoopEvent = (typeof CoopEvent)[keyof typeof CoopEvent];

export interface CoopHost {
  /** `context::defer`: the scheduler's defer list (or an immediate wake_by_ref off-runtime). */
  defer(waker: Waker): void;
  /** Called when the budget hits zero or an operation is refused; for the trace. */
  onCoopEvent(event: CoopEvent, remaining: number): void;
}

export class CoopState implements CoopBudget {
  /** Current budget; UNCONSTRAINED or 0..128. */
  value = UNCONSTRAINED;
  // RestoreOnPending guards, as a stack: the value to restore for each outstanding pollProceed.
  private readonly saved: number[] = [];
  private savedTop = 0;
  // Frames of enter/exit: [previous value, saved-stack top] pairs, so nesting needs no closures.
  private readonly frames: number[] = [];
  private framesTop = 0;
  private readonly host: CoopHost;

  constructor(host: CoopHost) {
    this.host = host;
  }

  /** `coop::budget` / `with_budget`: install `budget` until the matching `exit()`. */
  enter(budget: number): void {
    const f = this.framesTop;
    this.frames[f] = this.value;
    this.frames[f + 1] = this.savedTop;
    this.framesTop = f + 2;
    this.value = budget;
  }

  exit(): void {
    const f = this.framesTop - 2;
    if (f < 0) throw new Error('coop budget exit without enter');
    this.framesTop = f;
    this.value = this.frames[f] ?? UNCONSTRAINED;
    this.savedTop = this.frames[f + 1] ?? 0;
  }

  pollProceed(cx: Context): boolean {
    const v = this.value;
    if (v === UNCONSTRAINED) {
      this.saved[this.savedTop++] = UNCONSTRAINED;
      return true;
    }
    if (v > 0) {
      this.saved[this.savedTop++] = v;
      this.value = v - 1;
      if (v === 1) this.host.onCoopEvent(CoopEvent.HitZero, 0);
      return true;
    }
    this.host.onCoopEvent(CoopEvent.Exhausted, 0);
    this.host.defer(cx.waker);
    return false;
  }

  madeProgress(): void {
    if (this.savedTop > 0) this.savedTop--;
  }

  restore(): void {
    if (this.savedTop === 0) return;
    const prev = this.saved[--this.savedTop] ?? UNCONSTRAINED;
    if (prev !== UNCONSTRAINED) this.value = prev;
  }

  budgetAvailable(cx: Context): boolean {
    if (this.value !== 0) return true;
    this.host.onCoopEvent(CoopEvent.Exhausted, 0);
    this.host.defer(cx.waker);
    return false;
  }

  hasBudgetRemaining(): boolean {
    return this.value !== 0;
  }

  unconstrained<T>(f: () => T): T {
    this.enter(UNCONSTRAINED);
    try {
      return f();
    } finally {
      this.exit();
    }
  }
}
