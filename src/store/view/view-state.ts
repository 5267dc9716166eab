/**
 * The view state: what the lab screen shows at one position of the trace, folded from the
 * simulator's events (design.md §2, §4). Everything is immutable; tasks, timers and console lines
 * live in persistent vectors so a checkpoint shares all untouched data with its neighbours.
 */
import type { PQueue } from '../persistent/pqueue.ts';
import { PVec } from '../persistent/pvec.ts';
import { INITIAL_IO_VIEW } from './reduce-io.ts';
import type { IoView } from './reduce-io.ts';
import { EMPTY_TASK_INDEX } from './task-index.ts';
import type { TaskIndex } from './task-index.ts';
import { EMPTY_TIMER_INDEX } from './timer-index.ts';
import type { TimerIndex } from './timer-index.ts';

/**
 * Where a task is in its life (design.md §1: Task → Notified → Running → Idle → Complete), read
 * from its state word (tokio-facts.md §2.1) plus what happened to its output and its memory.
 */
export type Lifecycle =
  'spawned' | 'notified' | 'running' | 'idle' | 'complete' | 'cancelled' | 'panicked' | 'joined' | 'released';

export type TaskOutcome = 'ok' | 'cancelled' | 'panicked';

/** Reference holders as the simulator names them (events.ts HOLDER_NAMES, tokio-facts.md §2.2). */
export type RefHolder = 'owned' | 'notified' | 'join_handle' | 'waker' | 'abort_handle' | 'unowned';
export const REF_HOLDERS: readonly RefHolder[] = [
  'owned',
  'notified',
  'join_handle',
  'waker',
  'abort_handle',
  'unowned',
];
export type RefCounts = Readonly<Record<RefHolder, number>>;
export const NO_REFS: RefCounts = { owned: 0, notified: 0, join_handle: 0, waker: 0, abort_handle: 0, unowned: 0 };

/** `INITIAL_STATE` (tokio-facts.md §2.1): three refs, JOIN_INTEREST and NOTIFIED. */
export const INITIAL_WORD = 204;
const RUNNING = 0b000001;
const COMPLETE = 0b000010;
const NOTIFIED = 0b000100;

export interface TaskView {
  readonly id: number;
  readonly name: string | undefined;
  /** Line of the spawn site (0 when unknown). */
  readonly spawnLine: number;
  readonly blocking: boolean;
  /** The state word (tokio-facts.md §2.1): flags in the low 6 bits, ref count above. */
  readonly word: number;
  readonly lifecycle: Lifecycle;
  readonly outcome: TaskOutcome | undefined;
  readonly refs: RefCounts;
  /** The line it is running or suspended at (last statement or poll line; 0 when unknown). */
  readonly line: number;
  readonly polls: number;
  readonly wakes: number;
  /** Key of the queue holding its Notified (see `queueKey`), if any. */
  readonly queue: string | undefined;
  /** The worker that last took it from a queue; it polls there. */
  readonly worker: number | undefined;
  /** True while a poll is in progress. */
  readonly polling: boolean;
  /** True once it has been queued or polled (before that it is just spawned). */
  readonly scheduled: boolean;
  readonly abortRequested: boolean;
  readonly joined: boolean;
  readonly released: boolean;
  readonly spawnedAt: number;
}

/** block_on's main future (task 0 in the trace). */
export interface MainView {
  readonly polls: number;
  readonly polling: boolean;
  readonly line: number;
  readonly wakes: number;
}

export interface WorkerView {
  readonly running: number | undefined;
  readonly polls: number;
}

export interface TimerView {
  readonly id: number;
  readonly task: number;
  /** Deadline in whole ms ticks of the virtual clock (tokio-facts.md §9). */
  readonly deadlineTick: number;
}

export type Stream = 'stdout' | 'stderr';

export interface ConsoleLine {
  readonly stream: Stream;
  readonly text: string;
  /** Virtual time (ns) of the write that started the line. */
  readonly time: number;
  readonly task: number;
}

export interface ViewState {
  /** Events folded into this state. */
  readonly events: number;
  /** The trace's step index of the last folded event (−1 before any). */
  readonly step: number;
  /** Virtual time (ns) of the last folded event. */
  readonly time: number;
  readonly tasks: PVec<TaskView>;
  readonly taskCount: number;
  /** The tasks by lifecycle and by line, kept with `tasks` (task-index.ts). */
  readonly index: TaskIndex;
  readonly main: MainView;
  /** Run queues by key: 'inject', 'blocking', 'local:<worker>', 'lifo:<worker>'. */
  readonly queues: Readonly<Record<string, PQueue<number>>>;
  readonly workers: readonly WorkerView[];
  readonly timers: PVec<TimerView>;
  /** The timers by deadline, kept with `timers` (timer-index.ts). */
  readonly timerIndex: TimerIndex;
  readonly activeTimers: number;
  /** Finished console lines, both streams in write order. */
  readonly console: PVec<ConsoleLine>;
  /** Text written after the last newline, per stream. */
  readonly stdoutTail: ConsoleLine | undefined;
  readonly stderrTail: ConsoleLine | undefined;
  /** The I/O driver's sockets and the process's Ctrl-C state (reduce-io.ts). */
  readonly io: IoView;
}

export const INITIAL_VIEW_STATE: ViewState = {
  events: 0,
  step: -1,
  time: 0,
  tasks: PVec.empty(),
  taskCount: 0,
  index: EMPTY_TASK_INDEX,
  main: { polls: 0, polling: false, line: 0, wakes: 0 },
  queues: {},
  workers: [],
  timers: PVec.empty(),
  timerIndex: EMPTY_TIMER_INDEX,
  activeTimers: 0,
  console: PVec.empty(),
  stdoutTail: undefined,
  stderrTail: undefined,
  io: INITIAL_IO_VIEW,
};

/** The key of a queue: per-worker queues carry the worker index. */
export function queueKey(queue: string, worker: number): string {
  return queue === 'local' || queue === 'lifo' ? `${queue}:${worker}` : queue;
}

/** The lifecycle implied by a task's word and flags; `released` and `joined` win, then the word. */
export function lifecycleOf(t: Omit<TaskView, 'lifecycle'>): Lifecycle {
  if (t.released) return 'released';
  if (t.joined) return 'joined';
  if ((t.word & COMPLETE) !== 0) {
    return t.outcome === 'cancelled' ? 'cancelled' : t.outcome === 'panicked' ? 'panicked' : 'complete';
  }
  if ((t.word & RUNNING) !== 0) return 'running';
  if ((t.word & NOTIFIED) !== 0) return t.scheduled ? 'notified' : 'spawned';
  return 'idle';
}

/** Reference count held in a state word (tokio-facts.md §2.1: REF_COUNT_SHIFT = 6). */
export function refCountOf(word: number): number {
  return Math.floor(word / 64);
}

/** The console as plain lines (both streams), unfinished tails last. */
export function consoleText(state: ViewState, stream?: Stream): string[] {
  const lines: string[] = [];
  state.console.forEach((l) => {
    if (stream === undefined || l.stream === stream) lines.push(l.text);
  });
  for (const tail of [state.stdoutTail, state.stderrTail]) {
    if (tail !== undefined && (stream === undefined || tail.stream === stream)) lines.push(tail.text);
  }
  return lines;
}

/** Tasks in id order, skipping unused ids. */
export function taskList(state: ViewState): TaskView[] {
  const out: TaskView[] = [];
  state.tasks.forEach((t) => out.push(t));
  return out;
}
