/**
 * The timeline's model: one lane per task (and one for block_on's main future) showing when it
 * was queued, running and idle, with an arrow for every wake-up (design.md §6; tokio-facts.md §4
 * walk-throughs). The horizontal axis is the trace's steps, one scheduler action each (§6); virtual
 * time is marked on it where it moves. With a paused clock (start_paused) most of a run happens at
 * one instant, so an axis of pure time would stack every poll on one pixel.
 *
 * Only a window of recent steps and a bounded number of lanes are returned, so the view stays
 * cheap with a thousand tasks.
 */
import type { Activity, ActivityMark, TraceHistory } from './derive-history.ts';
import { countBefore, MAIN_ACTOR } from './derive-history.ts';
import { chooseLanes, firstAtStep } from './timeline-lanes.ts';

export interface TimelineSegment {
  readonly activity: Activity;
  readonly fromStep: number;
  /** Exclusive; the window's end for a segment still open at the position. */
  readonly toStep: number;
}

export interface TimelineLane {
  /** Task id; MAIN_ACTOR (0) for the main future. */
  readonly task: number;
  readonly label: string;
  readonly segments: readonly TimelineSegment[];
}

export interface TimelineArrow {
  /** Index of the wake's event (a stable key). */
  readonly at: number;
  readonly step: number;
  /** Lane of the waker's caller, or undefined when it is the runtime or an unshown lane. */
  readonly from: number | undefined;
  readonly to: number;
  readonly byVal: boolean;
}

export interface TimeTick {
  readonly step: number;
  readonly ms: number;
}

export interface TimelineModel {
  readonly fromStep: number;
  readonly toStep: number;
  readonly lanes: readonly TimelineLane[];
  readonly arrows: readonly TimelineArrow[];
  readonly ticks: readonly TimeTick[];
  /** Tasks not given a lane (the lane limit). */
  readonly hiddenLanes: number;
}

export interface TimelineOptions {
  /** Steps shown (default 60). */
  readonly window?: number;
  /** Lanes shown at most (default 24); the selected task always gets one. */
  readonly maxLanes?: number;
  /** Wake arrows drawn at most, the newest (default 40). */
  readonly maxArrows?: number;
  readonly selected?: number;
}

/** The segments of one lane inside [fromStep, toStep), from its marks before `position`. */
export function laneSegments(
  marks: readonly ActivityMark[],
  position: number,
  fromStep: number,
  toStep: number,
): TimelineSegment[] {
  const end = countBefore(marks, position);
  if (end === 0) return [];
  const out: TimelineSegment[] = [];
  // Start from the mark in force at the window's start (the last one before it), if any.
  let i = Math.max(0, firstAtStep(marks, end, fromStep) - 1);
  let cursor = marks[i].step;
  for (; i < end; i++) {
    const m = marks[i];
    const from = Math.max(m.step, cursor);
    let to = Math.max(i + 1 < end ? marks[i + 1].step : toStep, from);
    // A poll starts and ends inside one step; it fills that step, and what follows it in the
    // same step (idle, re-queued) starts at the next.
    if (m.activity === 'running') to = Math.max(to, from + 1);
    cursor = to;
    const a = Math.max(fromStep, from);
    const b = Math.min(toStep, to);
    if (b <= a || m.activity === 'done' || m.activity === 'spawned') continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.activity === m.activity && prev.toStep === a) {
      out[out.length - 1] = { ...prev, toStep: b };
    } else {
      out.push({ activity: m.activity, fromStep: a, toStep: b });
    }
  }
  return out;
}

/** The timeline at `position`, whose last folded event is in step `currentStep`. */
export function deriveTimeline(
  history: TraceHistory,
  position: number,
  currentStep: number,
  options: TimelineOptions = {},
): TimelineModel {
  const window = Math.max(1, options.window ?? 60);
  const maxLanes = Math.max(1, options.maxLanes ?? 24);
  const toStep = Math.max(0, currentStep) + 1;
  const fromStep = Math.max(0, toStep - window);

  // The lanes worth watching are the tasks that changed most recently, and the selected one.
  const { chosen, candidates } = chooseLanes(history, {
    position,
    fromStep,
    keep: maxLanes - 1,
    selected: options.selected,
  });

  const lanes: TimelineLane[] = [];
  if (countBefore(history.main, position) > 0) {
    lanes.push({ task: MAIN_ACTOR, label: 'main', segments: laneSegments(history.main, position, fromStep, toStep) });
  }
  for (const id of chosen) {
    const t = history.task(id);
    if (t === undefined) continue;
    const label = t.name !== undefined ? `#${id} ${t.name}` : `#${id}`;
    lanes.push({ task: id, label, segments: laneSegments(t.activity, position, fromStep, toStep) });
  }

  const shown = new Set(lanes.map((l) => l.task));
  const arrows: TimelineArrow[] = [];
  const wakeEnd = countBefore(history.wakes, position);
  const maxArrows = Math.max(0, options.maxArrows ?? 40);
  const wakeStart = firstAtStep(history.wakes, wakeEnd, fromStep);
  for (let i = wakeEnd - 1; i >= wakeStart && arrows.length < maxArrows; i--) {
    const w = history.wakes[i];
    if (!shown.has(w.target)) continue;
    arrows.push({ at: w.at, step: w.step, from: shown.has(w.by) ? w.by : undefined, to: w.target, byVal: w.byVal });
  }
  arrows.reverse();

  const ticks: TimeTick[] = [];
  const timeEnd = countBefore(history.times, position);
  for (let i = Math.max(0, firstAtStep(history.times, timeEnd, fromStep) - 1); i < timeEnd; i++) {
    const m = history.times[i];
    ticks.push({ step: Math.max(fromStep, m.step), ms: Math.floor(m.time / 1_000_000) });
  }

  return { fromStep, toStep, lanes, arrows, ticks, hiddenLanes: candidates - chosen.length };
}
