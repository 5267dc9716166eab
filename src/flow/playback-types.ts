/**
 * The playback machine's vocabulary: its context, the events it accepts, and the contract of the
 * runner actor that feeds it a trace.
 */
import type { ProgramSource, RunConfig, RunToKind, Speed } from '../store/index.ts';
import type { FrameEvent } from './frame-ticker.ts';
import type { PlaybackTrace } from './playback-trace.ts';

/** Why motion last stopped, for the UI ("stopped at breakpoint, line 12"). */
export type StopReason =
  | { readonly kind: 'breakpoint'; readonly line: number; readonly event: number }
  | { readonly kind: 'run-to'; readonly of: RunToKind; readonly event: number }
  | { readonly kind: 'statement'; readonly line: number; readonly event: number }
  | { readonly kind: 'step' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'end' };

/** Motion that completes once enough of the trace has streamed in. */
export type Goal =
  { readonly kind: 'step' } | { readonly kind: 'statement' } | { readonly kind: 'run-to'; readonly of: RunToKind };

export interface PlaybackContext {
  readonly trace: PlaybackTrace;
  readonly program: ProgramSource | undefined;
  readonly config: RunConfig;
  /** Incremented for every (re)start, so stale runner messages are recognised. */
  readonly runId: number;
  /** Events and steps streamed so far, and whether the run has ended. */
  readonly length: number;
  readonly stepCount: number;
  readonly done: boolean;
  /** Event position of the view. */
  readonly position: number;
  readonly speed: Speed;
  /** Source lines, sorted, unique. */
  readonly breakpoints: readonly number[];
  /** Fractional steps owed by frames at low speeds. */
  readonly carry: number;
  readonly goal: Goal | undefined;
  /** Step position to show once it has streamed in (deep links, seed changes). */
  readonly pendingStep: number | undefined;
  /** Play once the pending step is reached (a LOAD with `resume`). */
  readonly resumeAfterLoad: boolean;
  /** Set by an action when motion must stop; consumed by an eventless transition. */
  readonly halt: boolean;
  readonly lastStop: StopReason | undefined;
  readonly error: string | undefined;
}

export interface PlaybackInput {
  readonly trace: PlaybackTrace;
  readonly config?: RunConfig;
  readonly speed?: Speed;
  readonly breakpoints?: readonly number[];
}

export type SeekUnit = 'event' | 'step';

export type PlaybackCommand =
  /** `step`: go to that step once it streams in; `resume`: then play on (the Ctrl-C button). */
  | {
      readonly type: 'LOAD';
      readonly program: ProgramSource;
      readonly config?: RunConfig;
      readonly step?: number;
      readonly resume?: boolean;
    }
  | { readonly type: 'PLAY' }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'STEP_FORWARD' }
  | { readonly type: 'STEP_BACK' }
  /** To the next line the current task reaches (a statement starting, a poll resuming). */
  | { readonly type: 'NEXT_STATEMENT' }
  | { readonly type: 'SEEK'; readonly to: number; readonly unit: SeekUnit }
  | { readonly type: 'SET_SPEED'; readonly speed: Speed }
  | { readonly type: 'RUN_TO_NEXT'; readonly kind: RunToKind }
  | { readonly type: 'TOGGLE_BREAKPOINT'; readonly line: number }
  /** Rewinds to the start of the current run and pauses. */
  | { readonly type: 'RESET' }
  /** Ends the run where the worker has got to; what ran stays playable. */
  | { readonly type: 'STOP' }
  | { readonly type: 'CHANGE_SEED'; readonly seed: number };

/** What the runner actor reports; `runId` is the one it was started with. */
export type RunnerReport =
  | { readonly type: 'RUN.PROGRESS'; readonly runId: number; readonly length: number; readonly stepCount: number }
  | { readonly type: 'RUN.DONE'; readonly runId: number; readonly length: number; readonly stepCount: number }
  | { readonly type: 'RUN.ERROR'; readonly runId: number; readonly message: string };

export type PlaybackEvent = PlaybackCommand | RunnerReport | FrameEvent;

export interface RunnerInput {
  readonly runId: number;
  readonly program: ProgramSource;
  readonly config: RunConfig;
}
