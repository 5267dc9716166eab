/**
 * The schedule the lab shows, as the learner sees it (issue 16): whether "you are the scheduler"
 * is on, the decision the lab is waiting on (its options by the names the board uses), and the
 * decision to highlight where an explored run parted from the most common one. The schedule
 * itself (seed + forced decisions) lives in the run config's replay key; this is only its face.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

/** A decision the lab paused at, waiting for the learner's pick. */
export interface PendingPick {
  /** Trace index of the choice event (the view sits just before it). */
  readonly event: number;
  /** Index of the decision in the run (the how-many-th choice event). */
  readonly decision: number;
  readonly point: string;
  readonly labels: readonly string[];
  /** What the seed (or the schedule) would take. */
  readonly taken: number;
  /** The lab was playing when it paused: go on playing after the pick. */
  readonly resume: boolean;
}

/** Where the run on show parted from another (an explored group's most common run). */
export interface PartedMark {
  /** The decision's index; its choice event is found in the trace. */
  readonly decision: number;
  readonly mainTaken: number | undefined;
}

export interface ScheduleState {
  readonly scheduler: boolean;
  readonly pending: PendingPick | undefined;
  /** Choice events before this trace index are decided: the lab does not stop at them again. */
  readonly decidedUpTo: number;
  readonly parted: PartedMark | undefined;
  readonly actions: {
    setScheduler(on: boolean): void;
    waitFor(pick: PendingPick): void;
    decided(upTo: number): void;
    /** A new run: nothing is pending, nothing decided yet (`from`: a replayed prefix is). */
    reset(from?: number): void;
    markParted(mark: PartedMark | undefined): void;
  };
}

export type ScheduleStore = StoreApi<ScheduleState>;

export function createScheduleStore(): ScheduleStore {
  return createStore<ScheduleState>()((set) => ({
    scheduler: false,
    pending: undefined,
    decidedUpTo: 0,
    parted: undefined,
    actions: {
      setScheduler: (scheduler) => set(scheduler ? { scheduler } : { scheduler, pending: undefined }),
      waitFor: (pending) => set({ pending }),
      decided: (upTo) => set({ pending: undefined, decidedUpTo: upTo }),
      reset: (from = 0) => set({ pending: undefined, decidedUpTo: from }),
      markParted: (parted) => set({ parted }),
    },
  }));
}
