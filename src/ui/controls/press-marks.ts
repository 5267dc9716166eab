/**
 * Where the Ctrl-C presses of a run sit on the seek bar (issue 17): a press after simulator step
 * `s` arrives in the first step after it, whose ordinal is found by a binary search over the
 * timeline's steps (each step's first event carries its simulator step index).
 */
import type { SimEvent } from '../../store/index.ts';

export interface StepIndex {
  readonly stepCount: number;
  positionOfStep(ordinal: number): number;
  eventAt(index: number): SimEvent | undefined;
}

/** The 1-based seek-bar step right after simulator step `after` (undefined: not streamed yet). */
export function ordinalAfter(t: StepIndex, after: number): number | undefined {
  let lo = 0;
  let hi = t.stepCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = t.eventAt(t.positionOfStep(mid));
    if (e !== undefined && e.step > after) hi = mid;
    else lo = mid + 1;
  }
  return lo < t.stepCount ? lo + 1 : undefined;
}

export function pressMarks(t: StepIndex, presses: readonly number[]): number[] {
  return presses.map((p) => ordinalAfter(t, p)).filter((o): o is number => o !== undefined);
}
