/**
 * The pure fold from the simulator's trace events (src/sim/events.ts `SimEvent`) to the view
 * state (design.md §2, §4). Each event touches only the records it names; everything else is
 * shared with the previous state, which is what makes the timeline's checkpoints cheap. Events
 * about unknown tasks or timers, and kinds the view does not show, leave the state unchanged.
 *
 * A task's Notified sits in at most one queue (tokio-facts.md §2.2), so a push or pop also clears
 * the task from the queue it was last seen in: the simulator moves some tasks between queues
 * without a pop (overflow to inject, stealing), and the view must not show them twice.
 */
import type { RefChange, SimEvent } from '../../sim/index.ts';
import { PQueue } from '../persistent/pqueue.ts';
import { isIoEvent, reduceIo } from './reduce-io.ts';
import { indexTask } from './task-index.ts';
import { indexTimer } from './timer-index.ts';
import { INITIAL_WORD, lifecycleOf, NO_REFS, queueKey, refCountOf } from './view-state.ts';
import type { ConsoleLine, RefCounts, RefHolder, TaskOutcome, TaskView, ViewState, WorkerView } from './view-state.ts';

type Ev<K extends SimEvent['type']> = Extract<SimEvent, { type: K }>;

/** Holders implied by `task.spawned` (src/sim/events.ts TaskSpawned; tokio-facts.md §2.2). */
const SPAWNED_REFS: RefCounts = { ...NO_REFS, owned: 1, notified: 1, join_handle: 1 };
const BLOCKING_REFS: RefCounts = { ...NO_REFS, unowned: 1, join_handle: 1 };
type TaskPatch = Partial<Omit<TaskView, 'id' | 'lifecycle'>>;

type MutableTask = { -readonly [K in keyof TaskView]: TaskView[K] };

/** A field-by-field copy in one fixed order, so every task record shares one hidden class. */
function cloneTask(t: TaskView): MutableTask {
  return {
    id: t.id,
    name: t.name,
    spawnLine: t.spawnLine,
    blocking: t.blocking,
    word: t.word,
    lifecycle: t.lifecycle,
    outcome: t.outcome,
    refs: t.refs,
    line: t.line,
    polls: t.polls,
    wakes: t.wakes,
    queue: t.queue,
    worker: t.worker,
    polling: t.polling,
    scheduled: t.scheduled,
    abortRequested: t.abortRequested,
    joined: t.joined,
    released: t.released,
    spawnedAt: t.spawnedAt,
  };
}

function patchTask(state: ViewState, id: number, patch: TaskPatch): ViewState {
  const t = state.tasks.get(id);
  if (t === undefined) return state;
  const next = Object.assign(cloneTask(t), patch);
  next.lifecycle = lifecycleOf(next);
  return { ...state, tasks: state.tasks.set(id, next), index: indexTask(state.index, t, next) };
}

function spawned(state: ViewState, e: Ev<'task.spawned'>): ViewState {
  const fresh: Omit<TaskView, 'lifecycle'> = {
    id: e.task,
    name: e.name,
    spawnLine: e.line,
    blocking: e.blocking,
    word: INITIAL_WORD,
    outcome: undefined,
    refs: e.blocking ? BLOCKING_REFS : SPAWNED_REFS,
    line: e.line,
    polls: 0,
    wakes: 0,
    queue: undefined,
    worker: undefined,
    polling: false,
    scheduled: false,
    abortRequested: false,
    joined: false,
    released: false,
    spawnedAt: e.time,
  };
  const old = state.tasks.get(e.task);
  const task: TaskView = { ...fresh, lifecycle: lifecycleOf(fresh) };
  return {
    ...state,
    tasks: state.tasks.set(e.task, task),
    index: indexTask(state.index, old, task),
    taskCount: old !== undefined ? state.taskCount : state.taskCount + 1,
  };
}

function withWorker(workers: readonly WorkerView[], index: number, w: WorkerView): readonly WorkerView[] {
  const next = workers.slice();
  while (next.length < index) next.push({ running: undefined, polls: 0 });
  next[index] = w;
  return next;
}

/** Removes `task` from queue `key` (no-op when absent). */
function without(queues: ViewState['queues'], key: string | undefined, task: number): ViewState['queues'] {
  const q = key === undefined ? undefined : queues[key];
  if (key === undefined || q === undefined) return queues;
  const next = q.remove(task);
  return next === q ? queues : { ...queues, [key]: next };
}

function queueEvent(state: ViewState, e: Ev<'queue.push' | 'queue.pop' | 'queue.drop'>): ViewState {
  const t = state.tasks.get(e.task);
  if (t === undefined) return state;
  const key = queueKey(e.queue, e.worker);
  let queues = without(state.queues, t.queue, e.task);
  if (e.type === 'queue.push') {
    const q = queues[key] ?? PQueue.empty<number>();
    queues = { ...queues, [key]: q.pushBack(e.task) };
    return patchTask({ ...state, queues }, e.task, { queue: key, scheduled: true });
  }
  // Only another queue can still hold it: a task sits in one queue, once (the header), so
  // searching the queue it just left would scan the whole queue for nothing.
  if (key !== t.queue) queues = without(queues, key, e.task);
  const worker = e.type === 'queue.pop' ? e.worker : t.worker;
  return patchTask({ ...state, queues }, e.task, { queue: undefined, worker });
}

function pollStart(state: ViewState, e: Ev<'poll.start'>): ViewState {
  if (e.task === 0) {
    const m = state.main;
    return { ...state, main: { ...m, polls: m.polls + 1, polling: true, line: e.line || m.line } };
  }
  const t = state.tasks.get(e.task);
  if (t === undefined) return state;
  const w = t.worker ?? 0;
  const prev = state.workers[w];
  const workers = withWorker(state.workers, w, { running: e.task, polls: (prev?.polls ?? 0) + 1 });
  return patchTask({ ...state, workers }, e.task, { polls: t.polls + 1, polling: true, scheduled: true, worker: w });
}

function pollEnd(state: ViewState, e: Ev<'poll.end'>): ViewState {
  if (e.task === 0) return { ...state, main: { ...state.main, polling: false } };
  const t = state.tasks.get(e.task);
  if (t === undefined) return state;
  const w = t.worker ?? 0;
  const prev = state.workers[w];
  const workers =
    prev !== undefined && prev.running === e.task
      ? withWorker(state.workers, w, { running: undefined, polls: prev.polls })
      : state.workers;
  return patchTask({ ...state, workers }, e.task, { polling: false });
}

function statement(state: ViewState, e: Ev<'statement'>): ViewState {
  // most statement events keep a task on its line or move it: only a move makes a new state
  if (e.task === 0) return state.main.line === e.line ? state : { ...state, main: { ...state.main, line: e.line } };
  return state.tasks.get(e.task)?.line === e.line ? state : patchTask(state, e.task, { line: e.line });
}

function isHolder(h: string): h is RefHolder {
  return h in NO_REFS;
}

/** Applies the holder changes a `task.state` or `task.ref` event carries. */
function withRefs(refs: RefCounts, changes: readonly RefChange[]): RefCounts {
  if (changes.length === 0) return refs;
  const next = { ...refs };
  for (const c of changes) if (isHolder(c.holder)) next[c.holder] += c.delta;
  return next;
}

const FINISHED: Readonly<Record<string, TaskOutcome>> = {
  finished_ok: 'ok',
  finished_cancelled: 'cancelled',
  finished_panic: 'panicked',
};

function stage(state: ViewState, e: Ev<'task.stage'>): ViewState {
  const outcome = FINISHED[e.change];
  if (outcome !== undefined) return patchTask(state, e.task, { outcome });
  if (e.change === 'output_taken') return patchTask(state, e.task, { joined: true });
  return state;
}

function wake(state: ViewState, e: Ev<'waker.wake'>): ViewState {
  if (e.task === 0) return { ...state, main: { ...state.main, wakes: state.main.wakes + 1 } };
  const t = state.tasks.get(e.task);
  return t === undefined ? state : patchTask(state, e.task, { wakes: t.wakes + 1 });
}

function write(state: ViewState, e: Ev<'stdout' | 'stderr'>): ViewState {
  const parts = e.text.split('\n');
  let console = state.console;
  let tail = e.type === 'stdout' ? state.stdoutTail : state.stderrTail;
  for (let k = 0; k < parts.length; k++) {
    const text = (tail?.text ?? '') + parts[k];
    const line: ConsoleLine = { stream: e.type, text, time: tail?.time ?? e.time, task: tail?.task ?? e.task };
    if (k < parts.length - 1) {
      console = console.push(line);
      tail = undefined;
    } else {
      tail = text === '' ? undefined : line;
    }
  }
  return e.type === 'stdout' ? { ...state, console, stdoutTail: tail } : { ...state, console, stderrTail: tail };
}

function timer(state: ViewState, e: Ev<'timer.register' | 'timer.fire' | 'timer.cancel'>): ViewState {
  const old = state.timers.get(e.timer);
  if (e.type === 'timer.register') {
    const next = { id: e.timer, task: e.task, deadlineTick: e.deadlineTick };
    return {
      ...state,
      timers: state.timers.set(e.timer, next),
      timerIndex: indexTimer(state.timerIndex, old, next),
      activeTimers: old !== undefined ? state.activeTimers : state.activeTimers + 1,
    };
  }
  if (old === undefined) return state;
  return {
    ...state,
    timers: state.timers.set(e.timer, undefined),
    timerIndex: indexTimer(state.timerIndex, old, undefined),
    activeTimers: state.activeTimers - 1,
  };
}

function release(state: ViewState, task: number, patch: TaskPatch): ViewState {
  const t = state.tasks.get(task);
  if (t === undefined) return state;
  const queues = without(state.queues, t.queue, task);
  return patchTask({ ...state, queues }, task, { ...patch, released: true, queue: undefined, polling: false });
}

function applyEvent(state: ViewState, e: SimEvent): ViewState {
  switch (e.type) {
    case 'task.spawned':
      return spawned(state, e);
    case 'task.state': {
      const t = state.tasks.get(e.task);
      if (t === undefined) return state;
      const patch = { word: e.after, refs: withRefs(t.refs, e.refs) };
      // A transition that leaves no reference frees the task (src/sim/events.ts TaskSpawned).
      return refCountOf(e.after) === 0 ? release(state, e.task, patch) : patchTask(state, e.task, patch);
    }
    case 'task.ref': {
      const t = state.tasks.get(e.task);
      return t === undefined ? state : patchTask(state, e.task, { refs: withRefs(t.refs, e.refs) });
    }
    case 'task.stage':
      return stage(state, e);
    case 'task.abort':
      return patchTask(state, e.task, { abortRequested: true });
    case 'queue.push':
    case 'queue.pop':
    case 'queue.drop':
      return queueEvent(state, e);
    case 'poll.start':
      return pollStart(state, e);
    case 'poll.end':
      return pollEnd(state, e);
    case 'statement':
      return statement(state, e);
    case 'waker.wake':
      return wake(state, e);
    case 'timer.register':
    case 'timer.fire':
    case 'timer.cancel':
      return timer(state, e);
    case 'stdout':
    case 'stderr':
      return write(state, e);
    default:
      if (isIoEvent(e)) {
        const io = reduceIo(state.io, e);
        return io === state.io ? state : { ...state, io };
      }
      return state;
  }
}

type Stamped = { -readonly [K in keyof ViewState]: ViewState[K] };

/** Folds one event: the reducer handed to the timeline. Never mutates `state`. */
export function reduceView(state: ViewState, e: SimEvent): ViewState {
  const next = applyEvent(state, e);
  if (next === state) return { ...state, events: state.events + 1, step: e.step, time: e.time };
  // Every handler builds a fresh object that nothing else holds yet, so stamping it in place
  // saves a second copy per event.
  const fresh = next as Stamped;
  fresh.events = state.events + 1;
  fresh.step = e.step;
  fresh.time = e.time;
  return fresh;
}
