/**
 * The limit is judged from the clients' side (servedWindow): these traces are written by hand to
 * pin down when a client counts as served, and that a server is never blamed outside that span.
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
    expect(v.violations).toMatchObject([{ kind: 'over-limit', served: [1, 2], atMs: 4, step: 5 }]);
  });
});
