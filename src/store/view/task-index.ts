/**
 * Indexes over the view state's tasks that the fold keeps up to date, so the views of a run with
 * 39,000 tasks answer "the newest tasks in this lane", "the running tasks" and "the live tasks on
 * this line" without visiting every task on every frame (issue 14: 10,000 tasks at 60 fps). Each
 * task change touches only the sets it leaves and enters (persistent, so a checkpoint still costs
 * one pointer). A task is live until it completes (`LIVE` below); the source markers count live
 * tasks per line.
 */
import { PBits } from '../persistent/pbits.ts';
import { PVec } from '../persistent/pvec.ts';
import type { Lifecycle, TaskView } from './view-state.ts';

/** Lifecycles of a task that still sits at a line of its own, each with a small code. */
export const LIVE: Readonly<Partial<Record<Lifecycle, number>>> = { spawned: 0, notified: 1, running: 2, idle: 3 };
export const LIVE_LIFECYCLES: readonly Lifecycle[] = ['spawned', 'notified', 'running', 'idle'];
const LIVE_KINDS = LIVE_LIFECYCLES.length;

export interface TaskIndex {
  /** Every task by its lifecycle. */
  readonly byLifecycle: Readonly<Record<Lifecycle, PBits>>;
  /** Live tasks on each line (line > 0), by line; a hole where none is. */
  readonly byLine: PVec<PBits>;
  /** Live tasks on each line by lifecycle, at `line * LIVE_KINDS + LIVE[lifecycle]`. */
  readonly lineCounts: PVec<number>;
  /** Tasks that have a name. */
  readonly named: number;
}

export const EMPTY_TASK_INDEX: TaskIndex = {
  byLifecycle: {
    spawned: PBits.empty(),
    notified: PBits.empty(),
    running: PBits.empty(),
    idle: PBits.empty(),
    complete: PBits.empty(),
    cancelled: PBits.empty(),
    panicked: PBits.empty(),
    joined: PBits.empty(),
    released: PBits.empty(),
  },
  byLine: PVec.empty(),
  lineCounts: PVec.empty(),
  named: 0,
};

/** The (line, live lifecycle) slot a task is counted in, or −1 when it is not live on a line. */
function lineSlot(t: TaskView | undefined): number {
  if (t === undefined || t.line <= 0) return -1;
  const code = LIVE[t.lifecycle];
  return code === undefined ? -1 : t.line * LIVE_KINDS + code;
}

function bump(counts: PVec<number>, slot: number, by: number): PVec<number> {
  const n = (counts.get(slot) ?? 0) + by;
  return counts.set(slot, n === 0 ? undefined : n);
}

function moveOnLine(byLine: PVec<PBits>, id: number, from: number, to: number): PVec<PBits> {
  let out = byLine;
  if (from > 0) {
    const left = (out.get(from) ?? PBits.empty()).delete(id);
    out = out.set(from, left.size === 0 ? undefined : left);
  }
  if (to > 0) out = out.set(to, (out.get(to) ?? PBits.empty()).add(id));
  return out;
}

/** The index after task `old` (undefined when new) became `next`. */
export function indexTask(index: TaskIndex, old: TaskView | undefined, next: TaskView): TaskIndex {
  const id = next.id;
  const oldSlot = lineSlot(old);
  const newSlot = lineSlot(next);
  const named = index.named + (next.name !== undefined ? 1 : 0) - (old?.name !== undefined ? 1 : 0);
  if (old?.lifecycle === next.lifecycle && oldSlot === newSlot && named === index.named) return index;
  let byLifecycle = index.byLifecycle;
  if (old?.lifecycle !== next.lifecycle) {
    const copy = { ...byLifecycle };
    if (old !== undefined) copy[old.lifecycle] = copy[old.lifecycle].delete(id);
    copy[next.lifecycle] = copy[next.lifecycle].add(id);
    byLifecycle = copy;
  }
  let { byLine, lineCounts } = index;
  if (oldSlot !== newSlot) {
    if (oldSlot >= 0) lineCounts = bump(lineCounts, oldSlot, -1);
    if (newSlot >= 0) lineCounts = bump(lineCounts, newSlot, 1);
    const from = oldSlot >= 0 ? Math.floor(oldSlot / LIVE_KINDS) : 0;
    const to = newSlot >= 0 ? Math.floor(newSlot / LIVE_KINDS) : 0;
    if (from !== to) byLine = moveOnLine(byLine, id, from, to);
  }
  return { byLifecycle, byLine, lineCounts, named };
}

/** How many live tasks with `lifecycle` are on `line`. */
export function liveOnLine(index: TaskIndex, line: number, lifecycle: Lifecycle): number {
  const code = LIVE[lifecycle];
  return code === undefined ? 0 : (index.lineCounts.get(line * LIVE_KINDS + code) ?? 0);
}

/** The `n` highest task ids among `lifecycles`, ascending. */
export function newestOf(index: TaskIndex, lifecycles: readonly Lifecycle[], n: number): number[] {
  if (lifecycles.length === 1) return index.byLifecycle[lifecycles[0]].highest(n);
  const all = lifecycles.flatMap((l) => index.byLifecycle[l].highest(n));
  all.sort((a, b) => a - b);
  return all.length > n ? all.slice(all.length - n) : all;
}

/** How many tasks have one of `lifecycles`. */
export function countOf(index: TaskIndex, lifecycles: readonly Lifecycle[]): number {
  let n = 0;
  for (const l of lifecycles) n += index.byLifecycle[l].size;
  return n;
}
