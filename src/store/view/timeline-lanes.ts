/**
 * Which tasks get a lane in the timeline at a position: the tasks that changed most recently
 * (ties: lower id first), and the selected one, among the tasks spawned before the position that
 * were not gone before the window opened. A seek asks this with 40,000 tasks in the run, so the
 * answer is read from the history's run-wide indexes (a walk back over the latest marks, and
 * prefix counts for how many tasks compete), not from a search in every task's marks.
 */
import type { TraceHistory } from './derive-history.ts';
import { countBefore } from './derive-history.ts';

export interface LaneChoice {
  /** Task ids given a lane, ascending. */
  readonly chosen: number[];
  /** Tasks that could have had a lane. */
  readonly candidates: number;
}

/** Lanes at `position` for the window starting at `fromStep`: `keep` of them, plus `selected`. */
export interface LaneQuery {
  readonly position: number;
  readonly fromStep: number;
  readonly keep: number;
  readonly selected: number | undefined;
}

interface Candidate {
  readonly id: number;
  readonly at: number;
}

/** Index of the first mark whose step is ≥ `step` among the first `end` marks. */
export function firstAtStep(marks: readonly { readonly step: number }[], end: number, step: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].step < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The selected task's latest change before `position`, when it competes for a lane. */
function lastChange(history: TraceHistory, id: number, position: number, fromStep: number): number | undefined {
  const t = history.task(id);
  if (t === undefined || t.spawnAt >= position) return undefined;
  const n = countBefore(t.activity, position);
  const last = n > 0 ? t.activity[n - 1] : undefined;
  if (last !== undefined && last.activity === 'done' && last.step < fromStep) return undefined;
  return last?.at ?? t.spawnAt;
}

/** The selected task takes the last place when it competes but did not make the list. */
function finish(
  top: readonly Candidate[],
  candidates: number,
  keep: number,
  selected: number | undefined,
  selectedAt: number | undefined,
): LaneChoice {
  const chosen = top.map((c) => c.id);
  if (
    chosen.length > 0 &&
    candidates > keep &&
    selected !== undefined &&
    selectedAt !== undefined &&
    !chosen.includes(selected)
  ) {
    chosen[chosen.length - 1] = selected;
  }
  chosen.sort((a, b) => a - b);
  return { chosen, candidates };
}

/**
 * The reference: every task's own marks searched. Used when a task id was spawned twice (the
 * run-wide indexes then mix two tasks under one id), and by the tests as the definition.
 */
export function scanLanes(history: TraceHistory, q: LaneQuery): LaneChoice {
  const { position, fromStep, keep, selected } = q;
  const top: Candidate[] = [];
  const before = (a: Candidate, b: Candidate): boolean => a.at > b.at || (a.at === b.at && a.id < b.id);
  let candidates = 0;
  for (const id of history.taskIds) {
    const at = lastChange(history, id, position, fromStep);
    if (at === undefined) continue;
    candidates++;
    const c = { id, at };
    if (keep === 0 || (top.length === keep && !before(c, top[keep - 1]))) continue;
    let i = top.length;
    while (i > 0 && before(c, top[i - 1])) i--;
    top.splice(i, 0, c);
    if (top.length > keep) top.pop();
  }
  const selectedAt = selected === undefined ? undefined : lastChange(history, selected, position, fromStep);
  return finish(top, candidates, keep, selected, selectedAt);
}

/**
 * Tasks that compete at `position`: spawned before it, less those whose latest mark before it is
 * a 'done' in a step before `fromStep`. A 'done' later followed by another mark of its task (before
 * the position) is not that task's latest, so it is not subtracted.
 */
function competing(history: TraceHistory, position: number, fromStep: number): number {
  const spawned = countBefore(history.spawns, position);
  const { dones } = history;
  let gone = Math.min(countBefore(dones, position), firstAtStep(dones, dones.length, fromStep));
  for (const r of history.revived) {
    if (r.done.at < position && r.done.step < fromStep && r.nextAt < position) gone--;
  }
  return spawned - gone;
}

/** The tasks given a lane at `position`; the same answer as `scanLanes`. */
export function chooseLanes(history: TraceHistory, q: LaneQuery): LaneChoice {
  const { position, fromStep, keep, selected } = q;
  if (history.respawns > 0) return scanLanes(history, q);
  const candidates = competing(history, position, fromStep);
  const top: Candidate[] = [];
  const { marks, markTasks } = history;
  const seen = new Set<number>();
  // Walking back, the first mark met of a task is its latest before the position.
  for (let i = countBefore(marks, position) - 1; i >= 0 && top.length < Math.min(keep, candidates); i--) {
    const id = markTasks[i];
    if (seen.has(id)) continue;
    seen.add(id);
    const m = marks[i];
    if (m.activity === 'done' && m.step < fromStep) continue;
    top.push({ id, at: m.at });
  }
  const selectedAt = selected === undefined ? undefined : lastChange(history, selected, position, fromStep);
  return finish(top, candidates, keep, selected, selectedAt);
}
