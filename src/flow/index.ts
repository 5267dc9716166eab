/**
 * The flow layer's public entry: the playback machine and its effects (runner, frame tickers),
 * the store binding, and the URL codec.
 */
export { playbackMachine } from './playback.ts';
export type { PlaybackMachine } from './playback.ts';
export type {
  Goal,
  PlaybackCommand,
  PlaybackContext,
  PlaybackEvent,
  PlaybackInput,
  RunnerInput,
  RunnerReport,
  SeekUnit,
  StopReason,
} from './playback-types.ts';
export { traceOf, traceOfStore } from './playback-trace.ts';
export type { PlaybackTrace, TraceSource } from './playback-trace.ts';
export { MAX_STEPS_PER_FRAME, MS_PER_STEP_AT_1X } from './playback-motion.ts';
export { animationFrameTicker, clockFrameTicker, FRAME_MS } from './frame-ticker.ts';
export type { FrameEvent } from './frame-ticker.ts';
export { storeRunner } from './runner.ts';
export type { RunRequest, RunSink, RunSource } from './runner.ts';
export { bindPlaybackToStore, playbackStatusOf } from './bind-store.ts';
export type { PlaybackActor, PlaybackSnapshot } from './bind-store.ts';
export {
  DEFAULT_MT_WORKERS,
  DEFAULT_URL_STATE,
  decodeUrlState,
  encodeUrlHash,
  encodeUrlState,
  isValidId,
  MAX_SLIDE,
  MAX_STEP,
  mergeUrlState,
  urlStateOfLab,
} from './url-state.ts';
export type { DecodedUrl, UrlProblem, UrlState, UrlTarget } from './url-state.ts';
export { PlaybackHarness } from './playback-harness.ts';
export { ctrlCCommand, withPress } from './ctrl-c.ts';
