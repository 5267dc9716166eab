/**
 * The lifecycle board's model: tasks sorted into the lanes Spawned → Notified → Running → Idle →
 * Complete → Joined/Released (design.md §1, §6), read from each task's lifecycle (view-state.ts,
 * tokio-facts.md §2.1 and §4). Cancelled and panicked tasks stay in the Complete lane, marked; once
 * joined or released they move on and keep their outcome. A crowded lane is compacted: the board
 * shows at most `capacity` tokens and counts the rest.
 */
import { countOf, newestOf } from './task-index.ts';
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
  /** The lane's newest tasks by id (every task in it unless derived with a limit). */
  readonly tasks: readonly TaskView[];
  /** How many tasks the lane holds. */
  readonly count: number;
  /** The selected task, when it is in this lane. */
  readonly selected?: TaskView;
}

export interface BoardModel {
  readonly lanes: readonly BoardLane[];
  readonly total: number;
}

export interface BoardOptions {
  /** Most tasks listed per lane, the newest (all when undefined). */
  readonly limit?: number;
  readonly selected?: number;
}

const LANE_LIFECYCLES: Readonly<Record<BoardLaneId, readonly Lifecycle[]>> = {
  spawned: ['spawned'],
  notified: ['notified'],
  running: ['running'],
  idle: ['idle'],
  complete: ['complete', 'cancelled', 'panicked'],
  finished: ['joined', 'released'],
};

/**
 * The tasks of `view` in lanes, read from the fold's lifecycle index (task-index.ts): a lane lists
 * its newest `limit` tasks, so a frame with 39,000 tasks reads a few hundred, not all of them.
 */
export function deriveBoard(view: ViewState, options: BoardOptions = {}): BoardModel {
  const limit = options.limit ?? Infinity;
  const sel = options.selected === undefined ? undefined : view.tasks.get(options.selected);
  const lanes = BOARD_LANES.map((id): BoardLane => {
    const lifecycles = LANE_LIFECYCLES[id];
    const tasks: TaskView[] = [];
    for (const t of newestOf(view.index, lifecycles, limit)) {
      const task = view.tasks.get(t);
      if (task !== undefined) tasks.push(task);
    }
    const lane: BoardLane = { id, title: BOARD_LANE_TITLES[id], tasks, count: countOf(view.index, lifecycles) };
    return sel !== undefined && LANE_OF[sel.lifecycle] === id ? { ...lane, selected: sel } : lane;
  });
  return { lanes, total: view.taskCount };
}

export interface CompactedLane {
  /** Tokens drawn, in lane order. */
  readonly shown: readonly TaskView[];
  /** Tokens summarised by the aggregate "+N". */
  readonly hidden: number;
}

/** A crowded lane's window as last drawn: the task of each slot, and a way to look tasks up now. */
export interface LaneWindow {
  readonly slots: readonly number[];
  readonly taskOf: (id: number) => TaskView | undefined;
}

/**
 * At most `capacity` tokens of a lane: all of them when they fit, else `capacity − 1` tokens plus
 * an aggregate. The window stays put across frames: given the window `before`, each slot keeps its
 * task while that task is still in the lane, so a step (or a seek) rewrites only the slots whose
 * task left, not every slot of a lane that gained one task. Free slots take the lane's newest tasks
 * not shown (they are the ones that just moved), in id order. The selected task always has a slot
 * so keyboard focus and the inspector never lose it. The lane must list at least its newest
 * `capacity` tasks.
 */
export function compactLane(
  lane: Pick<BoardLane, 'id' | 'tasks' | 'count' | 'selected'>,
  capacity: number,
  selected?: number,
  before?: LaneWindow,
): CompactedLane {
  const cap = Math.max(1, Math.floor(capacity));
  const n = lane.count <= cap ? lane.count : cap - 1;
  const slots: (TaskView | undefined)[] = new Array<TaskView | undefined>(n).fill(undefined);
  const used = new Set<number>();
  const inLane = (t: TaskView | undefined): t is TaskView => t !== undefined && LANE_OF[t.lifecycle] === lane.id;
  if (before !== undefined) {
    for (let k = 0; k < Math.min(n, before.slots.length); k++) {
      const t = before.taskOf(before.slots[k]);
      if (inLane(t) && !used.has(t.id)) {
        slots[k] = t;
        used.add(t.id);
      }
    }
  }
  if (selected !== undefined && n > 0 && !used.has(selected)) {
    const sel = lane.selected?.id === selected ? lane.selected : lane.tasks.find((t) => t.id === selected);
    if (sel !== undefined) {
      let k = slots.indexOf(undefined);
      if (k < 0) {
        k = 0;
        used.delete((slots[0] as TaskView).id);
      }
      slots[k] = sel;
      used.add(sel.id);
    }
  }
  const free = slots.reduce((c, t) => c + (t === undefined ? 1 : 0), 0);
  const fresh: TaskView[] = [];
  for (let i = lane.tasks.length - 1; i >= 0 && fresh.length < free; i--) {
    if (!used.has(lane.tasks[i].id)) fresh.push(lane.tasks[i]);
  }
  fresh.reverse();
  let next = 0;
  for (let k = 0; k < n && next < fresh.length; k++) if (slots[k] === undefined) slots[k] = fresh[next++];
  const shown = slots.filter((t): t is TaskView => t !== undefined);
  return { shown, hidden: lane.count - shown.length };
}
