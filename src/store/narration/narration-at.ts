/**
 * The narration of what the view shows: the sentence for the last step applied at a timeline
 * position (src/store/timeline/fold-timeline.ts positions and step ordinals).
 */
import type { SimEvent } from '../../sim/index.ts';
import { BEFORE_FIRST_STEP, narrateStep } from './narrate.ts';
import type { NarrationContext } from './narrate.ts';

/** The slice of a timeline the narration reads (LabTimeline satisfies it). */
export interface StepSource {
  readonly length: number;
  positionOfStep(step: number): number;
  stepAtPosition(position: number): number;
  eventAt(index: number): SimEvent | undefined;
}

/** Events of step ordinal `ordinal` that lie before `position` (a partly shown step shows its part). */
export function eventsOfStep(source: StepSource, ordinal: number, position = source.length): SimEvent[] {
  const from = source.positionOfStep(ordinal);
  const to = Math.min(position, source.positionOfStep(ordinal + 1));
  const out: SimEvent[] = [];
  for (let i = from; i < to; i++) {
    const e = source.eventAt(i);
    if (e !== undefined) out.push(e);
  }
  return out;
}

/** The flavor of the run's first runtime, read from its `runtime.created` event. */
export function flavorOfTrace(source: StepSource, scan = 64): NarrationContext['flavor'] | undefined {
  const end = Math.min(scan, source.length);
  for (let i = 0; i < end; i++) {
    const e = source.eventAt(i);
    if (e?.type === 'runtime.created') return e.flavor;
  }
  return undefined;
}

/** The sentence for the step that ends at (or contains the event before) `position`. */
export function narrationAt(source: StepSource, position: number, ctx: NarrationContext): string {
  if (position <= 0) return BEFORE_FIRST_STEP;
  const ordinal = source.stepAtPosition(position) - 1;
  return narrateStep(eventsOfStep(source, ordinal, position), ctx);
}
