/**
 * Pure position arithmetic for playback: step boundaries, frame advance at a speed, and the
 * scans that stop motion. Positions count events; a step boundary is the position where a step
 * starts (see src/store/timeline/fold-timeline.ts). Assumes the runner appends whole steps.
 */
import type { RunToKind, Speed } from '../store/index.ts';
import type { PlaybackTrace } from './playback-trace.ts';

/** At 1× a learner sees two scheduler steps a second. */
export const MS_PER_STEP_AT_1X = 500;
/** "max" speed: as many steps per frame as a frame can afford to fold. */
export const MAX_STEPS_PER_FRAME = 2_000;

/** The step that the event at `position` (the next to apply) belongs to, as an ordinal. */
function stepContaining(trace: PlaybackTrace, position: number): number {
  return trace.stepAtPosition(position + 1) - 1;
}

/** Position after `n` more steps (the first completes a partly shown step). */
export function stepsForward(trace: PlaybackTrace, position: number, n: number): number {
  if (n <= 0 || position >= trace.length) return Math.min(position, trace.length);
  return trace.positionOfStep(stepContaining(trace, position) + n);
}

/** Start of the step holding the last applied event (a partly shown step rewinds to its start). */
export function stepBack(trace: PlaybackTrace, position: number): number {
  return trace.positionOfStep(trace.stepAtPosition(position) - 1);
}

export interface FrameAdvance {
  readonly position: number;
  /** Fractional steps carried to the next frame. */
  readonly carry: number;
  /** The event index that hit a breakpoint (position is just after it), or −1. */
  readonly hit: number;
}

/** Where one frame of `dt` ms of playing at `speed` takes the position, stopping at breakpoints. */
export function advanceFrame(
  trace: PlaybackTrace,
  position: number,
  carry: number,
  speed: Speed,
  dt: number,
  breakpoints: readonly number[],
): FrameAdvance {
  const owed = speed === 'max' ? MAX_STEPS_PER_FRAME : carry + (speed * Math.max(0, dt)) / MS_PER_STEP_AT_1X;
  const steps = Math.floor(owed);
  const target = stepsForward(trace, position, steps);
  const hit = trace.findBreakpoint(position, target, breakpoints);
  // At the end of what has streamed so far, do not bank steps for later.
  const nextCarry = speed === 'max' || target >= trace.length ? 0 : owed - steps;
  if (hit >= 0) return { position: hit + 1, carry: 0, hit };
  return { position: target, carry: nextCarry, hit: -1 };
}

export interface RunToResult {
  readonly position: number;
  readonly found: boolean;
}

/** Just after the next event of `kind` at or after `position`, or the end of the trace so far. */
export function runTo(trace: PlaybackTrace, position: number, kind: RunToKind): RunToResult {
  const i = trace.findRunTo(position, trace.length, kind);
  return i >= 0 ? { position: i + 1, found: true } : { position: trace.length, found: false };
}

/** How far back "the current task" is looked for (a task is rarely silent that long). */
const CURRENT_TASK_LOOKBACK = 50_000;

/**
 * "Next statement": just after the next event where the current task — the one whose line the
 * view last moved to — reaches a line (a statement starting, a poll resuming at an `.await`). If
 * that task reaches no line again in a finished run, the next line any task reaches. Not found
 * while the run is still streaming means "wait for more".
 */
export function nextStatement(trace: PlaybackTrace, position: number, done: boolean): RunToResult {
  const task = trace.lineTaskBefore(position, CURRENT_TASK_LOOKBACK);
  const own = trace.findLine(position, trace.length, task);
  if (own >= 0) return { position: own + 1, found: true };
  if (!done && task !== undefined) return { position, found: false };
  const any = task === undefined ? -1 : trace.findLine(position, trace.length);
  return any >= 0 ? { position: any + 1, found: true } : { position: trace.length, found: false };
}

export function clampPosition(trace: PlaybackTrace, position: number): number {
  if (!Number.isFinite(position)) return position > 0 ? trace.length : 0;
  return Math.min(trace.length, Math.max(0, Math.floor(position)));
}
