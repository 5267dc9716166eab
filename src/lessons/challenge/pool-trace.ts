/**
 * Reads a pool run's trace (design.md §2: the trace is the truth) into connections: which task
 * was which slot's which attempt, when it was spawned, when it finished and how, and where the
 * connection said it was lost. A task is a connection once it prints `slot N: connected (attempt
 * K)` — the line `connect()` prints first — so helper tasks the learner adds are told apart.
 */
import type { SimEvent } from '../../sim/events.ts';

const CONNECTED = /slot (\d+): connected \(attempt (\d+)\)/;
const LOST = /slot (\d+): connection lost/;
const FINISHED = new Set(['finished_ok', 'finished_cancelled', 'finished_panic', 'future_dropped']);
/** The COMPLETE bit of the state word (tokio-facts.md §2.1). */
const COMPLETE = 0b10;

export const NS_PER_MS = 1_000_000;

export interface TaskLife {
  readonly task: number;
  /** Trace index of its `task.spawned`. */
  readonly spawnEvent: number;
  readonly spawnMs: number;
  /** Trace index of the event that finished it (undefined: never finished). */
  finishEvent: number | undefined;
  finishMs: number | undefined;
  /** `abort()` was called on it (directly or by a JoinSet). */
  aborted: boolean;
}

export interface Connection extends TaskLife {
  readonly slot: number;
  readonly attempt: number;
  /** Trace index and time of its "connection lost" line, when it failed. */
  lostEvent: number | undefined;
  lostMs: number | undefined;
}

export interface PoolTrace {
  readonly tasks: ReadonlyMap<number, TaskLife>;
  /** Connections in spawn order. */
  readonly connections: readonly Connection[];
  /** Trace index and time of the first `runtime.shutdown` event (undefined: none). */
  readonly shutdownEvent: number | undefined;
  readonly shutdownMs: number | undefined;
  /** Time of the last event (ms). */
  readonly endMs: number;
}

const ms = (ns: number): number => ns / NS_PER_MS;

function isFinish(e: SimEvent): boolean {
  if (e.type === 'task.stage') return FINISHED.has(e.change);
  return e.type === 'task.state' && (e.after & COMPLETE) !== 0 && (e.before & COMPLETE) === 0;
}

export function readPoolTrace(events: readonly SimEvent[]): PoolTrace {
  const tasks = new Map<number, TaskLife>();
  const byTask = new Map<number, Connection>();
  let shutdownEvent: number | undefined;
  events.forEach((e, i) => {
    if (e.type === 'task.spawned') {
      tasks.set(e.task, {
        task: e.task,
        spawnEvent: i,
        spawnMs: ms(e.time),
        finishEvent: undefined,
        finishMs: undefined,
        aborted: false,
      });
      return;
    }
    const life = tasks.get(e.task);
    if (e.type === 'runtime.shutdown' && shutdownEvent === undefined) shutdownEvent = i;
    if (life === undefined) return;
    if (e.type === 'task.abort') life.aborted = true;
    if (isFinish(e) && life.finishEvent === undefined) {
      life.finishEvent = i;
      life.finishMs = ms(e.time);
    }
    if (e.type !== 'stdout') return;
    const connected = CONNECTED.exec(e.text);
    if (connected && !byTask.has(e.task)) {
      const c: Connection = {
        ...life,
        slot: Number(connected[1]),
        attempt: Number(connected[2]),
        lostEvent: undefined,
        lostMs: undefined,
      };
      // One record per task: later updates (finish, abort) must reach the connection.
      byTask.set(e.task, c);
      tasks.set(e.task, c);
      return;
    }
    const lost = LOST.exec(e.text);
    const c = byTask.get(e.task);
    if (lost && c && c.lostEvent === undefined) {
      c.lostEvent = i;
      c.lostMs = ms(e.time);
    }
  });
  const last = events[events.length - 1];
  const connections = [...byTask.values()].sort((a, b) => a.spawnEvent - b.spawnEvent);
  return {
    tasks,
    connections,
    shutdownEvent,
    shutdownMs: shutdownEvent === undefined ? undefined : ms(events[shutdownEvent]?.time ?? 0),
    endMs: last === undefined ? 0 : ms(last.time),
  };
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
