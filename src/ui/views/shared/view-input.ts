/**
 * What every view controller is given on each update: the folded view state at the playback
 * position, the trace history (for what the view state does not keep), the selection, the run's
 * configuration, and how long this change may animate (motion.ts).
 */
import type { Flavor, SavedLocalsLog, ViewState } from '../../../store/index.ts';
import type { TraceHistory } from '../../../store/view/derive-history.ts';

export interface ViewInput {
  readonly view: ViewState;
  /** Timeline position of `view`: the number of events folded into it. */
  readonly position: number;
  /** Indexed at least up to `position`. */
  readonly history: TraceHistory;
  readonly selectedTask: number | undefined;
  readonly flavor: Flavor;
  readonly workers: number;
  readonly motionMs: number;
  /** What suspended tasks held at their `.await`s (the inspector's saved locals), if recorded. */
  readonly savedLocals?: SavedLocalsLog;
}

export interface ControllerOptions {
  /** A token was chosen (click, Enter or Space). */
  readonly onSelectTask?: (task: number) => void;
}

/** The handle a view's React component keeps (design.md §7, after xyflow's XYPanZoom). */
export interface ViewController {
  /** Draws `input`, animating from `prev` when given. */
  update(input: ViewInput, prev?: ViewInput): void;
  /** Removes everything the controller added and every listener it registered. */
  destroy(): void;
}

export type ControllerFactory = (el: HTMLElement, options: ControllerOptions) => ViewController;
