/**
 * Reads a pool run's trace (design.md §2: the trace is the truth) into connections: which task
 * was which slot's which attempt, when it was spawned, when it finished and how, and where the
 * connection said it was lost. A task is a connection once it prints `slot N: connected (attempt
 * K)` — the line `connect()` prints first — so helper tasks the learner adds are told apart.
 */
import type { SimEvent } from '../../sim/events.ts';
import { foldTaskEvent, livesOf, ms } from './task-lives.ts';
import type { TaskLife } from './task-lives.ts';

export { NS_PER_MS, stepLinkOf, type TaskLife } from './task-lives.ts';

const CONNECTED = /slot (\d+): connected \(attempt (\d+)\)/;
const LOST = /slot (\d+): connection lost/;

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

export function readPoolTrace(events: readonly SimEvent[]): PoolTrace {
  const tasks = new Map<number, TaskLife>();
  const byTask = new Map<number, Connection>();
  let shutdownEvent: number | undefined;
  events.forEach((e, i) => {
    if (e.type === 'runtime.shutdown' && shutdownEvent === undefined) shutdownEvent = i;
    const life = foldTaskEvent(tasks, e, i);
    if (life === undefined || e.type !== 'stdout') return;
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
  const connections = [...byTask.values()].sort((a, b) => a.spawnEvent - b.spawnEvent);
  return { ...livesOf(events, tasks, shutdownEvent), connections };
}
