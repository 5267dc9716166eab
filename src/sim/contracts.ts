/**
 * The internal seams between the simulator's parts, so each part can be built and tested alone:
 * the scheduler (scheduler/) drives the time driver (time/), and the sync primitives (sync/, time/)
 * reach the running runtime only through `SimContext`. The scheduler installs a SimContext while
 * it polls anything (tasks, block_on's main future, destructors during shutdown).
 */
import type { ChoicePoint } from './choice.ts';
import type { Context, Future, SourceSpan, Waker } from './future.ts';

/** Virtual time in nanoseconds since the runtime's clock origin (tokio-facts §9). */
export type Nanos = number;

/** The timer driver as the scheduler sees it (tokio-facts §9: 6×64 wheel, ms ticks, round-up). */
export interface TimeDriver {
  /** The earliest pending deadline in whole ms ticks, or undefined when no timer is registered. */
  nextExpirationTick(): number | undefined;
  /** Fire every entry whose deadline tick ≤ nowTick, in the wheel's order; wakes their wakers. */
  processUpTo(nowTick: number): number;
  /** The clock the driver reads; paused clocks advance only through the driver. */
  readonly clock: VirtualClock;
}

export interface VirtualClock {
  /** Instant::now() as ns since the origin. */
  now(): Nanos;
  readonly paused: boolean;
  /** Moves time forward (auto-advance, time::advance, or a real-time sleep on an unpaused clock). */
  advanceTo(t: Nanos): void;
  /** The ms tick of an instant, rounded up (a deadline of 1 ns is tick 1). */
  tickOf(t: Nanos): number;
  /** The instant of a tick. */
  instantOfTick(tick: number): Nanos;
}

/** What a task-spawning call records about where it came from (for diagnostics and the UI). */
export interface SpawnMeta {
  /** A short label for the UI ("task", "JoinSet task", or the async block's first line). */
  readonly name?: string;
  readonly span?: SourceSpan;
}

/**
 * The running runtime, as built-in futures see it. Exactly one is installed while anything of a
 * runtime runs; `undefined` outside any runtime (then spawn panics and yield_now wakes at once).
 */
export interface SimContext {
  readonly time: TimeDriver;
  /** Id of the task being polled, or undefined in block_on's main future / outside tasks. */
  currentTaskId(): number | undefined;
  /** Coop budget (tokio-facts §7). `pollProceed` returns false (and defers cx's waker) at 0. */
  coop: CoopBudget;
  /** Adds a waker to the defer list (tokio-facts §6.4); woken last-first when the driver parks. */
  defer(waker: Waker): void;
  /**
   * A random decision of this thread (tokio-facts §6.5), e.g. select!'s start branch: drawn from
   * the thread's seeded FastRand, then decided by the run's chooser (choice.ts).
   */
  choose(point: ChoicePoint, n: number): number;
  /** Emits a trace event (see events.ts). */
  readonly trace: TraceSink;
}

export interface CoopBudget {
  /**
   * `poll_proceed`: if budget remains, takes one unit and returns true; the caller must then call
   * `madeProgress()` if its operation completed, or `restore()` if it returned Pending. At 0 it
   * defers `cx.waker` and returns false.
   */
  pollProceed(cx: Context): boolean;
  madeProgress(): void;
  restore(): void;
  /** `poll_budget_available` (select!): no decrement; defers the waker when exhausted. */
  budgetAvailable(cx: Context): boolean;
  hasBudgetRemaining(): boolean;
  /** Runs `f` with an unconstrained budget (task::unconstrained, blocking closures). */
  unconstrained<T>(f: () => T): T;
}

/** Anything that records trace events. Implemented by the trace recorder in events.ts. */
export interface TraceSink {
  emit(kind: number, task: number, a?: number, b?: number, c?: number): void;
  /** Stores a string once and returns its index (for stdout text, names, messages). */
  intern(s: string): number;
}

/** A value the simulator must hand back to its owner to drop (outputs nobody will read). */
export type DropValue = (value: unknown) => void;

export type { Context, Future, SourceSpan, Waker };
