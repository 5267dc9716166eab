/**
 * The lifecycle board's model: tasks sorted into the lanes Spawned → Notified → Running → Idle →
 * Complete → Joined/Released (design.md §1, §6), read from each task's lifecycle (view-state.ts,
 * tokio-facts.md §2.1 and §4). Cancelled and panicked tasks stay in the Complete lane, marked; once
 * joined or released they move on and keep their outcome. A crowded lane is compacted: the board
 * shows at most `capacity` tokens and counts the rest.
 */
import type { Lifecycle, TaskView, ViewState } from './view-state.ts';

export type BoardLaneId = 'spawned' | 'notified' | 'running' | 'idle' | 'complete' | 'finished';
export const BOARD_LANES: readonly BoardLaneId[] = ['spawned', 'notified', 'running', 'idle', 'complete', 'finished'];
export const BOARD_LANE_TITLES: Readonly<Record<BoardLaneId, string>> = {
  spawned: 'Spawned',
  notified: 'Notified',
  running: 'Running',
  idle: 'Idle',
  complete: 'Complete',
  finished: 'Joined / Released',
};

const LANE_OF: Readonly<Record<Lifecycle, BoardLaneId>> = {
  spawned: 'spawned',
  notified: 'notified',
  running: 'running',
  idle: 'idle',
  complete: 'complete',
  cancelled: 'complete',
  panicked: 'complete',
  joined: 'finished',
  released: 'finished',
};

export function laneOf(lifecycle: Lifecycle): BoardLaneId {
  return LANE_OF[lifecycle];
}

export interface BoardLane {
  readonly id: BoardLaneId;
  readonly title: string;
  /** Every task in the lane, by id. */
  readonly tasks: readonly TaskView[];
}

export interface BoardModel {
  readonly lanes: readonly BoardLane[];
  readonly total: number;
}

/** Sorts the tasks of `view` into lanes (one pass; ids ascending within a lane). */
export function deriveBoard(view: ViewState): BoardModel {
  const buckets: Record<BoardLaneId, TaskView[]> = {
    spawned: [],
    notified: [],
    running: [],
    idle: [],
    complete: [],
    finished: [],
  };
  let total = 0;
  view.tasks.forEach((t) => {
    buckets[LANE_OF[t.lifecycle]].push(t);
    total++;
  });
  return { lanes: BOARD_LANES.map((id) => ({ id, title: BOARD_LANE_TITLES[id], tasks: buckets[id] })), total };
}

export interface CompactedLane {
  /** Tokens drawn, in lane order. */
  readonly shown: readonly TaskView[];
  /** Tokens summarised by the aggregate "+N". */
  readonly hidden: number;
}

/**
 * At most `capacity` tokens of a lane: all of them when they fit, else `capacity − 1` tokens plus
 * an aggregate. The newest tasks are kept (they are the ones that just moved), and the selected
 * task is always kept so keyboard focus and the inspector never lose it.
 */
export function compactLane(tasks: readonly TaskView[], capacity: number, selected?: number): CompactedLane {
  const cap = Math.max(1, Math.floor(capacity));
  if (tasks.length <= cap) return { shown: tasks, hidden: 0 };
  const room = cap - 1;
  const shown = room > 0 ? tasks.slice(tasks.length - room) : [];
  if (selected !== undefined && room > 0 && !shown.some((t) => t.id === selected)) {
    const sel = tasks.find((t) => t.id === selected);
    if (sel !== undefined) shown[0] = sel;
  }
  return { shown, hidden: tasks.length - shown.length };
}
