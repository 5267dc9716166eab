/**
 * Finding decisions in a timeline (issue 16): the trace index of the n-th choice event, the
 * decision number of a choice event, the first choice event in a range, and where the step
 * holding an event ends. Linear scans: a run makes at most a few thousand decisions, and these
 * run once per pick or per opened group, never per frame.
 */
import type { SimEvent } from '../../sim/index.ts';

export type ChoiceEvent = Extract<SimEvent, { type: 'choice' }>;

/** The slice of a timeline these read (LabTimeline satisfies it). */
export interface ChoiceSource {
  readonly length: number;
  eventAt(index: number): SimEvent | undefined;
  positionOfStep(step: number): number;
  stepAtPosition(position: number): number;
}

/** Trace index of decision `decision` (0-based), or undefined if it has not streamed in. */
export function indexOfDecision(source: ChoiceSource, decision: number): number | undefined {
  let seen = 0;
  for (let i = 0; i < source.length; i++) {
    if (source.eventAt(i)?.type !== 'choice') continue;
    if (seen === decision) return i;
    seen++;
  }
  return undefined;
}

/** The decision number of the choice event at `index` (choice events before it). */
export function decisionAt(source: ChoiceSource, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (source.eventAt(i)?.type === 'choice') n++;
  return n;
}

/** The first choice event with index in [from, to), if any. */
export function firstChoiceIn(
  source: ChoiceSource,
  from: number,
  to: number,
): { index: number; event: ChoiceEvent } | undefined {
  const end = Math.min(to, source.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const e = source.eventAt(i);
    if (e?.type === 'choice') return { index: i, event: e };
  }
  return undefined;
}

/** The position just after the last event of the step that holds event `index`. */
export function endOfStepAt(source: ChoiceSource, index: number): number {
  return Math.min(source.length, source.positionOfStep(source.stepAtPosition(index + 1)));
}
