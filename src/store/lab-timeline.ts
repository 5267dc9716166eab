/**
 * The timeline of one run: trace events folded into view states with checkpoints (design.md §2).
 */
import { stepOfEvent } from './view/classify.ts';
import { reduceView } from './view/reduce-view.ts';
import type { SimEvent } from '../sim/index.ts';
import { INITIAL_VIEW_STATE } from './view/view-state.ts';
import type { ViewState } from './view/view-state.ts';
import { createFoldTimeline } from './timeline/fold-timeline.ts';
import type { EventLog, FoldTimeline } from './timeline/fold-timeline.ts';
import type { WireBatch } from '../worker/protocol.ts';

export type LabTimeline = FoldTimeline<ViewState, SimEvent>;

export interface LabTimelineOptions {
  readonly checkpointEvery?: number;
  readonly maxCheckpoints?: number;
  /** Makes the event storage of each new run's timeline (default: an array). */
  readonly createLog?: () => RunEventLog;
}

/**
 * A run's event storage. `accept` (optional) takes the wire records of the events about to be
 * appended, so a compact log (src/worker/wire-log.ts) keeps those instead of the event objects.
 */
export interface RunEventLog extends EventLog<SimEvent> {
  accept?(records: WireBatch): void;
}

export function createLabTimeline(
  options: LabTimelineOptions = {},
  log: RunEventLog | undefined = options.createLog?.(),
): LabTimeline {
  return createFoldTimeline<ViewState, SimEvent>({
    initial: INITIAL_VIEW_STATE,
    reduce: reduceView,
    stepOf: stepOfEvent,
    checkpointEvery: options.checkpointEvery,
    maxCheckpoints: options.maxCheckpoints,
    log,
  });
}
