/**
 * What playback needs to know about single events: which "run to next" kind an event is, and
 * which source line a poll reaches (for line breakpoints). Kept apart from the reducer so the
 * playback machine can scan the trace without folding it.
 */
import type { SimEvent } from '../../sim/index.ts';
import type { RunToKind } from '../lab-types.ts';

export function runToKindOf(e: SimEvent): RunToKind | undefined {
  switch (e.type) {
    case 'task.spawned':
      return 'spawn';
    case 'waker.wake':
      return 'wake';
    case 'task.abort':
      return 'abort';
    case 'token.cancel':
      return 'cancel';
    case 'task.stage':
      return e.change === 'finished_ok'
        ? 'complete'
        : e.change === 'finished_panic'
          ? 'panic'
          : e.change === 'finished_cancelled'
            ? 'cancel'
            : undefined;
    default:
      return undefined;
  }
}

/** The line a poll reaches with this event (a statement, or a poll starting at a line); 0 if none. */
export function breakpointLineOf(e: SimEvent): number {
  if (e.type === 'statement' || e.type === 'poll.start') return e.line;
  return 0;
}

/** The trace's step index of an event (for the timeline's step mapping). */
export function stepOfEvent(e: SimEvent): number {
  return e.step;
}
