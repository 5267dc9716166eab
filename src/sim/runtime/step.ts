/**
 * What one runtime step did (design.md §4 "Steps"): exactly one scheduler action per `tick()`
 * (the actions of tokio-facts.md §6.2's block_on loop, §8's blocking threads, §4(f)'s shutdown).
 */
import type { BlockingAction } from '../scheduler/blocking/pool.ts';

/** What the step did. */
export type StepAction =
  /** block_on's main future was polled. */
  | { readonly kind: 'main'; readonly outcome: 'ready' | 'pending' | 'panicked' }
  /** one task was polled (or its stale Notified consumed). */
  | { readonly kind: 'task'; readonly task: number }
  /** the driver parked: the clock may have moved (auto-advance / real-time sleep), timers fired. */
  | { readonly kind: 'park'; readonly yield: boolean; readonly advancedNs: number; readonly fired: number }
  /** the deferred wakers were woken (last deferred first). */
  | { readonly kind: 'defer'; readonly woken: number }
  /** one blocking-pool thread acted. */
  | { readonly kind: 'blocking'; readonly action: BlockingAction }
  /** one shutdown action (a task shut down, a Notified dropped, a phase begun). */
  | { readonly kind: 'shutdown'; readonly phase: string; readonly task: number }
  /** nothing can ever wake the runtime again: real Tokio would hang here forever. */
  | { readonly kind: 'deadlock' }
  /** no block_on and no shutdown in progress. */
  | { readonly kind: 'idle' };

/**
 * One step's result. `worker` is the multi_thread worker whose thread acted (task polls, parks,
 * maintenance, shutdown steps); absent on current_thread and for block_on's or a blocking thread.
 * A runtime may hand back the same object, rewritten, from a later `tick()` (the task and park
 * results are one object per runtime: a step is the hot loop): read it before ticking again, and
 * copy it to keep it.
 */
export type StepResult = StepAction & { readonly worker?: number };

/** The reused result of a task poll (see `StepResult`). */
export interface TaskStep {
  readonly kind: 'task';
  task: number;
  worker?: number;
}

/** The reused result of a park (see `StepResult`). */
export interface ParkStep {
  readonly kind: 'park';
  yield: boolean;
  advancedNs: number;
  fired: number;
  worker?: number;
}

/** The seam the current_thread machines use to move the world's real time (runtime.ts does it). */
export interface RealTime {
  /** Moves real time to `ns` (an unpaused clock follows). */
  advanceTo(ns: number): void;
}
