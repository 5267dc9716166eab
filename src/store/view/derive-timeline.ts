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

/** Index of the first mark whose step is ≥ `step` among the first `end` marks. */
function firstAtStep(marks: readonly { readonly step: number }[], end: number, step: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].step < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/** Which lanes to choose: `keep` of the tasks drawable in [fromStep, …) at `position`. */
export interface LaneQuery {
  readonly position: number;
  readonly fromStep: number;
  readonly keep: number;
  readonly selected?: number;
}

/** The tasks given lanes (the most recently changed) and how many tasks could have had one. */
export interface RecentTasks {
  readonly chosen: number[];
  readonly candidates: number;
}

/** Whether task `id` has anything to draw from `fromStep` on: spawned, and not gone before it. */
function isCandidate(history: TraceHistory, id: number, position: number, fromStep: number): boolean {
  const t = history.task(id);
  if (t === undefined || t.spawnAt >= position) return false;
  const n = countBefore(t.activity, position);
  const last = n > 0 ? t.activity[n - 1] : undefined;
  return !(last !== undefined && last.activity === 'done' && last.step < fromStep);
}

/** Changes walked back from the position before giving up and visiting every task instead. */
const MAX_CHANGES_WALKED = 20_000;

/**
 * The lanes worth watching: the `keep` tasks that changed most recently (and the selected one,
 * in place of the last, when it is not among them). Read backwards from the end of the history's
 * change log, so a frame costs what changed lately, not the number of tasks; when a few tasks
 * change over and over for a long time, it visits every task instead (recentTasksByScan).
 */
export function recentTasks(history: TraceHistory, q: LaneQuery): RecentTasks {
  const { position, fromStep, keep } = q;
  const changes = history.changes;
  const end = countBefore(changes, position);
  const seen = new Set<number>();
  const chosen: number[] = [];
  let i = end - 1;
  for (; i >= 0 && chosen.length < keep && end - i <= MAX_CHANGES_WALKED; i--) {
    const c = changes[i];
    if (seen.has(c.task)) continue;
    seen.add(c.task);
    // A task gone before the window opened has nothing to draw.
    if (c.activity === 'done' && c.step < fromStep) continue;
    chosen.push(c.task);
  }
  if (chosen.length < keep && i >= 0) return recentTasksByScan(history, q);
  const ends = history.ends;
  let gone = firstAtStep(ends, countBefore(ends, position), fromStep);
  // An end followed by another change no longer counts (the later end, if any, does instead).
  for (const r of history.revivals) if (r.at < position && r.endStep < fromStep) gone--;
  const candidates = countBefore(history.spawns, position) - gone;
  return withSelected(history, q, chosen, candidates);
}

/** Puts the selected task in place of the last chosen one when it is a candidate left out. */
function withSelected(history: TraceHistory, q: LaneQuery, chosen: number[], candidates: number): RecentTasks {
  const sel = q.selected;
  if (chosen.length === 0 || candidates <= q.keep || sel === undefined || chosen.includes(sel)) {
    return { chosen, candidates };
  }
  if (isCandidate(history, sel, q.position, q.fromStep)) chosen[chosen.length - 1] = sel;
  return { chosen, candidates };
}

/** recentTasks by visiting every task: a small sorted top list, never a sort of every task. */
export function recentTasksByScan(history: TraceHistory, q: LaneQuery): RecentTasks {
  const { position, fromStep, keep } = q;
  const top: { id: number; at: number }[] = [];
  const before = (a: { id: number; at: number }, b: { id: number; at: number }) =>
    a.at > b.at || (a.at === b.at && a.id < b.id);
  let candidates = 0;
  for (const id of history.taskIds) {
    if (!isCandidate(history, id, position, fromStep)) continue;
    const t = history.task(id);
    if (t === undefined) continue;
    const n = countBefore(t.activity, position);
    const last = n > 0 ? t.activity[n - 1] : undefined;
    candidates++;
    const c = { id, at: last?.at ?? t.spawnAt };
    if (keep === 0 || (top.length === keep && !before(c, top[keep - 1]))) continue;
    let k = top.length;
    while (k > 0 && before(c, top[k - 1])) k--;
    top.splice(k, 0, c);
    if (top.length > keep) top.pop();
  }
  return withSelected(
    history,
    q,
    top.map((c) => c.id),
    candidates,
  );
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

  const { chosen, candidates } = recentTasks(history, {
    position,
    fromStep,
    keep: maxLanes - 1,
    selected: options.selected,
  });
  chosen.sort((a, b) => a - b);

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
