/**
 * Every task's life as the trace tells it (design.md §2: the trace is the truth): when it was
 * spawned and from which source line, when and how it finished, whether it was aborted. Both
 * checkers read this; each adds what its own clients or connections print.
 */
import type { SimEvent } from '../../sim/events.ts';

const FINISHED = new Set(['finished_ok', 'finished_cancelled', 'finished_panic', 'future_dropped']);
/** The COMPLETE bit of the state word (tokio-facts.md §2.1). */
const COMPLETE = 0b10;

export const NS_PER_MS = 1_000_000;

export interface TaskLife {
  readonly task: number;
  /** Trace index of its `task.spawned`. */
  readonly spawnEvent: number;
  readonly spawnMs: number;
  /** The source line of the spawn. */
  readonly spawnLine: number;
  /** Trace index of the event that finished it (undefined: never finished). */
  finishEvent: number | undefined;
  finishMs: number | undefined;
  /** `abort()` was called on it (directly or by a JoinSet). */
  aborted: boolean;
  /** Trace index of its panic, when its future panicked. */
  panicEvent: number | undefined;
}

export interface TaskLives {
  readonly tasks: ReadonlyMap<number, TaskLife>;
  /** Trace index of the first `runtime.shutdown` event (undefined: none). */
  readonly shutdownEvent: number | undefined;
  readonly shutdownMs: number | undefined;
  /** Time of the last event (ms). */
  readonly endMs: number;
}

export const ms = (ns: number): number => ns / NS_PER_MS;

function isFinish(e: SimEvent): boolean {
  if (e.type === 'task.stage') return FINISHED.has(e.change);
  return e.type === 'task.state' && (e.after & COMPLETE) !== 0 && (e.before & COMPLETE) === 0;
}

/** Folds one event into `lives`; the pool's and the server's readers call it for every event. */
export function foldTaskEvent(tasks: Map<number, TaskLife>, e: SimEvent, i: number): TaskLife | undefined {
  if (e.type === 'task.spawned') {
    const life: TaskLife = {
      task: e.task,
      spawnEvent: i,
      spawnMs: ms(e.time),
      spawnLine: e.line,
      finishEvent: undefined,
      finishMs: undefined,
      aborted: false,
      panicEvent: undefined,
    };
    tasks.set(e.task, life);
    return life;
  }
  const life = tasks.get(e.task);
  if (life === undefined) return undefined;
  if (e.type === 'task.abort') life.aborted = true;
  if (e.type === 'task.stage' && e.change === 'finished_panic' && life.panicEvent === undefined) life.panicEvent = i;
  if (isFinish(e) && life.finishEvent === undefined) {
    life.finishEvent = i;
    life.finishMs = ms(e.time);
  }
  return life;
}

/** The lives folded so far, with the first shutdown and the trace's end. */
export function livesOf(
  events: readonly SimEvent[],
  tasks: ReadonlyMap<number, TaskLife>,
  shutdownEvent: number | undefined,
): TaskLives {
  const last = events[events.length - 1];
  return {
    tasks,
    shutdownEvent,
    shutdownMs: shutdownEvent === undefined ? undefined : ms(events[shutdownEvent]?.time ?? 0),
    endMs: last === undefined ? 0 : ms(last.time),
  };
}

/** Tasks alive when the runtime began to shut down (spawned before it, not finished before it). */
export function aliveAtShutdown(lives: TaskLives): TaskLife[] {
  const shutdown = lives.shutdownEvent;
  if (shutdown === undefined) return [];
  return [...lives.tasks.values()].filter(
    (t) => t.spawnEvent < shutdown && (t.finishEvent === undefined || t.finishEvent >= shutdown),
  );
}

/**
 * Step ordinals as the lab's URLs count them (src/store: `step=N` shows N steps applied): the
 * ordinal of the step holding event `index`, plus one, so the link shows that event done.
 */
export function stepLinkOf(events: readonly SimEvent[], index: number): number {
  let ordinal = 0;
  let previous: number | undefined;
  const end = Math.min(index, events.length - 1);
  for (let i = 0; i <= end; i++) {
    const step = events[i]?.step;
    if (step !== previous) {
      ordinal++;
      previous = step;
    }
  }
  return ordinal;
}
