/**
 * The limit is judged from the clients' side (servedWindow) and from the server's sockets: these
 * traces are written by hand to pin down when a client counts as served, that a server is never
 * blamed outside that span, and that connections the server holds open count even when it serves
 * them one at a time.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../sim/events.ts';
import { checkEchoTrace } from './invariants.ts';
import type { EchoPlan } from './plan.ts';
import { readEchoTrace, servedWindow } from './echo-trace.ts';

/** Stdout lines as `[task, text]`, one step and one ms each; tasks 1.. were spawned below line 100. */
function trace(lines: readonly (readonly [number, string])[]): SimEvent[] {
  const tasks = [...new Set(lines.map(([t]) => t))];
  const spawned: SimEvent[] = tasks.map((task, i) => ({
    index: i,
    step: 0,
    time: 0,
    task,
    type: 'task.spawned',
    blocking: false,
    name: undefined,
    line: 100 + i,
  }));
  const printed: SimEvent[] = lines.map(([task, text], i) => ({
    index: spawned.length + i,
    step: i + 1,
    time: (i + 1) * 1_000_000,
    task,
    type: 'stdout',
    text: `${text}\n`,
  }));
  return [...spawned, ...printed];
}

const PLAN: EchoPlan = {
  limit: 1,
  clients: [
    { kind: 'chatty', startMs: 0, chunks: 2 },
    { kind: 'chatty', startMs: 0, chunks: 2 },
  ],
};

describe('servedWindow', () => {
  it('runs from the first echo to the sending of the last chunk that came back', () => {
    const events = trace([
      [2, 'check: client 1 sends 1'],
      [2, 'check: client 1 got 1'],
      [2, 'check: client 1 sends 2'],
      [2, 'check: client 1 got 2'],
      [2, 'check: client 1 echoed all 20 bytes'],
    ]);
    const c = readEchoTrace(events).clients.get(1);
    expect(c && servedWindow(c)).toEqual({ from: 2, to: 3 });
  });

  it('is empty when nothing came back after the first chunk, or nothing at all', () => {
    const events = trace([
      [2, 'check: client 1 sends 1'],
      [2, 'check: client 1 got 1'],
      [3, 'check: client 2 sends 1'],
      [2, 'check: client 1 sends 2'],
      [2, 'check: client 1 connection closed with 10 of 20 bytes echoed'],
      [3, 'check: client 2 gave up after 3000ms'],
    ]);
    const t = readEchoTrace(events);
    expect([...t.clients.values()].map(servedWindow)).toEqual([undefined, undefined]);
  });

  it('blames a server only when more windows overlap than the limit', () => {
    // One after the other: client 2's first echo comes after client 1 sent its last chunk.
    const sequential = trace([
      [2, 'check: client 1 sends 1'],
      [2, 'check: client 1 got 1'],
      [2, 'check: client 1 sends 2'],
      [3, 'check: client 2 sends 1'],
      [2, 'check: client 1 got 2'],
      [3, 'check: client 2 got 1'],
      [3, 'check: client 2 sends 2'],
      [3, 'check: client 2 got 2'],
      [2, 'check: client 1 echoed all 20 bytes'],
      [3, 'check: client 2 echoed all 20 bytes'],
    ]);
    expect(checkEchoTrace(sequential, PLAN)).toEqual({ violations: [], busiest: 1 });
    const overlapping = trace([
      [2, 'check: client 1 sends 1'],
      [3, 'check: client 2 sends 1'],
      [2, 'check: client 1 got 1'],
      [3, 'check: client 2 got 1'],
      [2, 'check: client 1 sends 2'],
      [3, 'check: client 2 sends 2'],
      [2, 'check: client 1 got 2'],
      [3, 'check: client 2 got 2'],
      [2, 'check: client 1 echoed all 20 bytes'],
      [3, 'check: client 2 echoed all 20 bytes'],
    ]);
    const v = checkEchoTrace(overlapping, PLAN);
    expect(v.busiest).toBe(2);
    // Client 2's first echo (the fourth line, step 4) is shown by the link's fifth step: the
    // spawns' step 0 is the first.
    expect(v.violations).toMatchObject([
      { kind: 'over-limit', how: 'served', clients: [1, 2], count: 2, atMs: 4, step: 5 },
    ]);
  });
});

/** I/O events: a listener on :9000, then `[kind, socket, local, peer, task]` registrations and closes. */
function withSockets(
  events: readonly SimEvent[],
  io: readonly (readonly ['open' | 'close', number, number, number, number])[],
): SimEvent[] {
  const base = { step: 0, time: 0 } as const;
  const listener: SimEvent = {
    ...base,
    index: 0,
    task: 1,
    type: 'io.register',
    socket: 1,
    kind: 'listener',
    localPort: 9000,
    peerPort: 0,
  };
  const sockets: SimEvent[] = io.map(([what, socket, localPort, peerPort, task], i) =>
    what === 'open'
      ? { ...base, index: i + 1, task, type: 'io.register', socket, kind: 'stream', localPort, peerPort }
      : { ...base, index: i + 1, task, type: 'io.deregister', socket },
  );
  return [listener, ...sockets, ...events];
}

describe('connections the server holds open', () => {
  const served = trace([
    [2, 'check: client 1 sends 1'],
    [2, 'check: client 1 got 1'],
    [2, 'check: client 1 echoed all 10 bytes'],
    [3, 'check: client 2 sends 1'],
    [3, 'check: client 2 got 1'],
    [3, 'check: client 2 echoed all 10 bytes'],
  ]);

  it('blames a server that accepts past the limit, though it serves one client at a time', () => {
    // both clients connect (their tasks 2 and 3 register :5001 and :5002), the server accepts both
    const events = withSockets(served, [
      ['open', 10, 5001, 9000, 2],
      ['open', 11, 9000, 5001, 1],
      ['open', 12, 5002, 9000, 3],
      ['open', 13, 9000, 5002, 1],
    ]);
    const t = readEchoTrace(events);
    expect(t.serverConns.map((c) => [c.socket, c.client, c.close])).toEqual([
      [11, 1, undefined],
      [13, 2, undefined],
    ]);
    const v = checkEchoTrace(events, PLAN);
    expect(v.busiest).toBe(2);
    expect(v.violations).toMatchObject([{ kind: 'over-limit', how: 'open', clients: [1, 2], count: 2, event: 4 }]);
  });

  it('does not count a connection closed before the next is accepted', () => {
    const events = withSockets(served, [
      ['open', 10, 5001, 9000, 2],
      ['open', 11, 9000, 5001, 1],
      ['open', 12, 5002, 9000, 3],
      ['close', 11, 0, 0, 1],
      ['open', 13, 9000, 5002, 1],
    ]);
    expect(checkEchoTrace(events, PLAN)).toEqual({ violations: [], busiest: 1 });
  });
});
