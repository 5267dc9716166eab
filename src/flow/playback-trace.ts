/**
 * What the playback machine may ask about the trace: its size, the step ↔ position mapping, and
 * scans for stop conditions. The machine never folds events itself; it only moves a position
 * (design.md §2: going back in time is a view operation). Implemented over the store's timeline,
 * and over plain arrays in tests.
 */
import type { LabStore, RunToKind, SimEvent } from '../store/index.ts';
import { breakpointLineOf, runToKindOf } from '../store/index.ts';

export interface PlaybackTrace {
  readonly length: number;
  readonly stepCount: number;
  /** Event position where step position `step` is reached (clamped). */
  positionOfStep(step: number): number;
  /** Steps started within the first `position` events. */
  stepAtPosition(position: number): number;
  /** Index of the first event in [from, to) of the given kind, or −1. */
  findRunTo(from: number, to: number, kind: RunToKind): number;
  /** Index of the first event in [from, to) where a poll reaches one of `lines`, or −1. */
  findBreakpoint(from: number, to: number, lines: readonly number[]): number;
  /** The line a poll reaches at event `index` (0 when that event reaches none). */
  lineAt(index: number): number;
  /**
   * Index of the first event in [from, to) where a poll reaches a line — of task `task` only
   * when given (0 is block_on's main future) — or −1.
   */
  findLine(from: number, to: number, task?: number): number;
  /** The task of the last event before `position` that reached a line, looking back at most `within` events. */
  lineTaskBefore(position: number, within: number): number | undefined;
}

/** The slice of a timeline the trace needs (LabTimeline satisfies it). */
export interface TraceSource {
  readonly length: number;
  readonly stepCount: number;
  positionOfStep(step: number): number;
  stepAtPosition(position: number): number;
  eventAt(index: number): SimEvent | undefined;
}

class SourceTrace implements PlaybackTrace {
  constructor(private readonly source: () => TraceSource) {}

  get length(): number {
    return this.source().length;
  }
  get stepCount(): number {
    return this.source().stepCount;
  }
  positionOfStep(step: number): number {
    return this.source().positionOfStep(step);
  }
  stepAtPosition(position: number): number {
    return this.source().stepAtPosition(position);
  }
  findRunTo(from: number, to: number, kind: RunToKind): number {
    const src = this.source();
    const end = Math.min(to, src.length);
    for (let i = Math.max(0, from); i < end; i++) {
      const e = src.eventAt(i);
      if (e !== undefined && runToKindOf(e) === kind) return i;
    }
    return -1;
  }
  lineAt(index: number): number {
    const e = this.source().eventAt(index);
    return e === undefined ? 0 : breakpointLineOf(e);
  }
  findLine(from: number, to: number, task?: number): number {
    const src = this.source();
    const end = Math.min(to, src.length);
    for (let i = Math.max(0, from); i < end; i++) {
      const e = src.eventAt(i);
      if (e !== undefined && breakpointLineOf(e) !== 0 && (task === undefined || e.task === task)) return i;
    }
    return -1;
  }
  lineTaskBefore(position: number, within: number): number | undefined {
    const src = this.source();
    const stop = Math.max(0, position - within);
    for (let i = Math.min(position, src.length) - 1; i >= stop; i--) {
      const e = src.eventAt(i);
      if (e !== undefined && breakpointLineOf(e) !== 0) return e.task;
    }
    return undefined;
  }
  findBreakpoint(from: number, to: number, lines: readonly number[]): number {
    if (lines.length === 0) return -1;
    const src = this.source();
    const end = Math.min(to, src.length);
    for (let i = Math.max(0, from); i < end; i++) {
      const e = src.eventAt(i);
      if (e === undefined) continue;
      const line = breakpointLineOf(e);
      if (line !== 0 && lines.includes(line)) return i;
    }
    return -1;
  }
}

/** A trace over whatever timeline `source` returns now (it changes when a new run begins). */
export function traceOf(source: () => TraceSource): PlaybackTrace {
  return new SourceTrace(source);
}

/** The trace of the store's current run. */
export function traceOfStore(store: LabStore): PlaybackTrace {
  return new SourceTrace(() => store.getState().timeline);
}
