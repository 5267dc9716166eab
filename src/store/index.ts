/**
 * The store layer's public entry: the lab store factory and selectors, the checkpointed fold
 * timeline, the view state and its reducer over the simulator's events, and the persistent
 * collections the view is built on.
 */
export { createLabStore } from './lab-store.ts';
export type {
  LabActions,
  LabState,
  LabStore,
  LabStoreOptions,
  PlaybackStatus,
  ProgramOrigin,
  ProgramSource,
  RunStatus,
} from './lab-store.ts';
export * from './selectors.ts';
export * from './lab-types.ts';
export { sameStopNote, stopNoteText } from './stop-note.ts';
export type { StopNote } from './stop-note.ts';
export { createLabTimeline } from './lab-timeline.ts';
export { SavedLocalsLog } from './saved-locals-log.ts';
export type { LocalsSnapshot } from './saved-locals-log.ts';
export type { LabTimeline, LabTimelineOptions } from './lab-timeline.ts';
export { arrayLog, createFoldTimeline } from './timeline/fold-timeline.ts';
export type { EventLog, FoldTimeline, FoldTimelineOptions, TimelineStats } from './timeline/fold-timeline.ts';
export { reduceView } from './view/reduce-view.ts';
export { breakpointLineOf, runToKindOf, stepOfEvent } from './view/classify.ts';
export {
  INITIAL_VIEW_STATE,
  INITIAL_WORD,
  NO_REFS,
  REF_HOLDERS,
  consoleText,
  lifecycleOf,
  queueKey,
  refCountOf,
  taskList,
} from './view/view-state.ts';
export type {
  ConsoleLine,
  Lifecycle,
  MainView,
  RefCounts,
  RefHolder,
  Stream,
  TaskOutcome,
  TaskView,
  TimerView,
  ViewState,
  WorkerView,
} from './view/view-state.ts';
/** The trace event the store folds is the simulator's own; re-exported as a type for the UI. */
export type { SimEvent } from '../sim/index.ts';
export { TraceBuilder, traceBuilder } from './view/trace-builder.ts';
export type { QueueName } from './view/trace-builder.ts';
export { LIVE_LIFECYCLES, liveOnLine } from './view/task-index.ts';
export type { TaskIndex } from './view/task-index.ts';
export { PVec } from './persistent/pvec.ts';
export { PBits } from './persistent/pbits.ts';
export { PQueue } from './persistent/pqueue.ts';
export { INITIAL_IO_VIEW, readinessWords, socketLabel } from './view/reduce-io.ts';
export type { IoView, SignalView, SocketView } from './view/reduce-io.ts';
