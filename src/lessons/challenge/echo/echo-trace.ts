/**
 * Reads an echo-server run's trace: what each of the checker's clients printed (harness.ts), with
 * the trace index of each line, the connections the server accepted and closed (the I/O driver's
 * `io.register`/`io.deregister` of its sockets), and which tasks were the learner's (spawned from a
 * line above the harness). Every judgement in invariants.ts is made from these facts.
 */
import type { SimEvent } from '../../../sim/events.ts';
import { foldTaskEvent, livesOf, ms } from '../task-lives.ts';
import type { TaskLife, TaskLives } from '../task-lives.ts';

const CLIENT = /^check: client (\d+) (.*)$/;
const SENDS = /^sends (\d+)$/;
const GOT = /^got (\d+)$/;

export interface Line {
  readonly event: number;
  readonly ms: number;
  readonly text: string;
}

export interface ClientSeen {
  readonly id: number;
  readonly task: number;
  /** Trace index of `sends k`, by k. */
  readonly sends: Map<number, number>;
  /** Trace index of `got k` (chunks 1..k all echoed), by k. */
  readonly gots: Map<number, number>;
  /** Its last line: `echoed all N bytes`, `reset`, `gave up after …`, … */
  verdict: Line | undefined;
}

/** A connection the server accepted: its socket's life on the server's side. */
export interface ServerConn {
  readonly socket: number;
  /** The client's id (1-based, as it prints it), or undefined if no client of the harness made it. */
  readonly client: number | undefined;
  /** Trace index of the accepted socket's registration, and of its close (undefined: never closed). */
  readonly open: number;
  readonly close: number | undefined;
}

export interface EchoTrace extends TaskLives {
  readonly clients: ReadonlyMap<number, ClientSeen>;
  /** Every connection the server accepted, in accept order. */
  readonly serverConns: readonly ServerConn[];
  /** The task that ran `serve` (it prints `check: serve starts`). */
  readonly serveTask: number | undefined;
  readonly cancel: Line | undefined;
  readonly serveReturned: Line | undefined;
  readonly serveStuck: Line | undefined;
  /** `an idle client was still connected … after cancel`. */
  readonly leftOpen: Line | undefined;
  /** Tasks the learner's code spawned (from a line above the harness). */
  readonly learnerTasks: readonly TaskLife[];
}

export function readEchoTrace(events: readonly SimEvent[]): EchoTrace {
  const tasks = new Map<number, TaskLife>();
  const clients = new Map<number, ClientSeen>();
  let shutdownEvent: number | undefined;
  let serveTask: number | undefined;
  let cancel: Line | undefined;
  let serveReturned: Line | undefined;
  let serveStuck: Line | undefined;
  let leftOpen: Line | undefined;
  // A socket on a listener's port is an accepted connection; its peer is a client's socket, which
  // the client's task registered when it connected.
  const listenerPorts = new Set<number>();
  const clientTaskByPort = new Map<number, number>();
  const accepted: { socket: number; peerPort: number; open: number; close: number | undefined }[] = [];
  events.forEach((e, i) => {
    if (e.type === 'runtime.shutdown' && shutdownEvent === undefined) shutdownEvent = i;
    foldTaskEvent(tasks, e, i);
    if (e.type === 'io.register') {
      if (e.kind === 'listener') listenerPorts.add(e.localPort);
      else if (listenerPorts.has(e.localPort))
        accepted.push({ socket: e.socket, peerPort: e.peerPort, open: i, close: undefined });
      else clientTaskByPort.set(e.localPort, e.task);
      return;
    }
    if (e.type === 'io.deregister') {
      const conn = accepted.find((c) => c.socket === e.socket && c.close === undefined);
      if (conn !== undefined) conn.close = i;
      return;
    }
    if (e.type !== 'stdout') return;
    const text = e.text.replace(/\n$/, '');
    const line: Line = { event: i, ms: ms(e.time), text };
    if (text === 'check: serve starts') serveTask ??= e.task;
    else if (text === 'check: cancel') cancel ??= line;
    else if (text === 'check: serve returned') serveReturned ??= line;
    else if (text.startsWith('check: serve still running')) serveStuck ??= line;
    else if (text.startsWith('check: an idle client was still connected')) leftOpen ??= line;
    const m = CLIENT.exec(text);
    if (m === null) return;
    const id = Number(m[1]);
    const what = m[2] ?? '';
    let c = clients.get(id);
    if (c === undefined) {
      c = { id, task: e.task, sends: new Map(), gots: new Map(), verdict: undefined };
      clients.set(id, c);
    }
    const sends = SENDS.exec(what);
    const got = GOT.exec(what);
    if (sends) c.sends.set(Number(sends[1]), i);
    else if (got) c.gots.set(Number(got[1]), i);
    else if (what !== 'resets') c.verdict ??= { ...line, text: what };
  });
  // The harness spawns serve and every client below the learner's code: a task spawned from a
  // line above the first of those is the learner's.
  const harnessTasks = [serveTask, ...[...clients.values()].map((c) => c.task)];
  const harnessLines = harnessTasks.map((t) => (t === undefined ? Infinity : (tasks.get(t)?.spawnLine ?? Infinity)));
  const firstHarnessLine = Math.min(...harnessLines);
  const clientByTask = new Map([...clients.values()].map((c) => [c.task, c.id]));
  const serverConns: ServerConn[] = accepted.map((c) => {
    const task = clientTaskByPort.get(c.peerPort);
    return {
      socket: c.socket,
      client: task === undefined ? undefined : clientByTask.get(task),
      open: c.open,
      close: c.close,
    };
  });
  return {
    ...livesOf(events, tasks, shutdownEvent),
    clients,
    serverConns,
    serveTask,
    cancel,
    serveReturned,
    serveStuck,
    leftOpen,
    learnerTasks: [...tasks.values()].filter((t) => t.spawnLine < firstHarnessLine),
  };
}

/** The verdict a client prints when every byte it sent came back in order. */
export const ECHOED_ALL = /^echoed all \d+ bytes$/;
/** An idle client's verdict once the server closed its connection. */
export const IDLE_CLOSED = 'closed by the server';

/**
 * The stretch of the trace in which the server was certainly serving client `c`, or undefined:
 * from its first echo (the server had written to it) to the `sends` of the last chunk whose echo
 * came back (the server had not closed it before reading that chunk). A server can only be seen
 * inside it, never outside, so counting these windows never blames a correct server.
 */
export function servedWindow(c: ClientSeen): { readonly from: number; readonly to: number } | undefined {
  const firstGot = c.gots.get(1);
  if (firstGot === undefined) return undefined;
  const echoedAll = c.verdict !== undefined && ECHOED_ALL.test(c.verdict.text);
  const lastEchoed = echoedAll ? Math.max(...c.sends.keys()) : Math.max(...c.gots.keys());
  const to = c.sends.get(lastEchoed);
  return to !== undefined && to > firstGot ? { from: firstGot, to } : undefined;
}
