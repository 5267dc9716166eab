import { describe, expect, it } from 'vitest';
import { EventKind, MAIN_THREAD, decodeEvent } from './events.ts';
import type { RawEvent, SimEvent } from './events.ts';
import * as kinds from './scheduler/multi-thread/trace-kinds.ts';

function decode(kind: number, task: number, a = 0, b = 0, c = 0): SimEvent {
  const raw: RawEvent = { index: 3, step: 2, time: 1_000_000, kind, task, a, b, c };
  return decodeEvent(raw, () => '');
}

describe('decodeEvent: the multi_thread worker kinds (210–218)', () => {
  it('names every kind the mt scheduler emits; none decodes as unknown', () => {
    const cases: [number, SimEvent['type']][] = [
      [kinds.MT_TURN, 'worker.turn'],
      [kinds.MT_STEAL, 'worker.steal'],
      [kinds.MT_PARK, 'worker.park'],
      [kinds.MT_UNPARK, 'worker.unpark'],
      [kinds.MT_SEARCHING, 'worker.searching'],
      [kinds.MT_OVERFLOW, 'queue.overflow'],
      [kinds.MT_MAINTENANCE, 'worker.maintenance'],
      [kinds.MT_SHUTDOWN, 'worker.shutdown'],
      [kinds.MT_LIFO_CAPPED, 'worker.lifo_capped'],
    ];
    expect(cases.map(([k]) => k)).toEqual([210, 211, 212, 213, 214, 215, 216, 217, 218]);
    for (const [k, type] of cases) expect(decode(k, 0, 1)).toMatchObject({ type, index: 3, step: 2, time: 1_000_000 });
    expect(decode(219, 0).type).toBe('unknown');
  });

  it('decodes each payload', () => {
    expect(decode(EventKind.WorkerTurn, 0, 2, 1)).toMatchObject({ worker: 2, timeAdvance: true });
    expect(decode(EventKind.WorkerTurn, 0, MAIN_THREAD, 0)).toMatchObject({ worker: -1, timeAdvance: false });
    expect(decode(EventKind.WorkerSteal, 9, 1, 3, 5)).toMatchObject({ task: 9, thief: 1, victim: 3, count: 5 });
    expect(decode(EventKind.WorkerPark, 0, 1, 1)).toMatchObject({ worker: 1, inDriver: true });
    expect(decode(EventKind.WorkerPark, 0, 1, 0)).toMatchObject({ worker: 1, inDriver: false });
    expect(decode(EventKind.WorkerUnpark, 0, 0, 1)).toMatchObject({ worker: 0, wasParked: true });
    expect(decode(EventKind.WorkerSearching, 0, 3, 0)).toMatchObject({ worker: 3, searching: false });
    expect(decode(EventKind.QueueOverflow, 0, 1, 129)).toMatchObject({ worker: 1, moved: 129 });
    expect(decode(EventKind.WorkerMaintenance, 0, 0, 122)).toMatchObject({ worker: 0, tick: 122 });
    expect([0, 1, 2, 7].map((b) => (decode(EventKind.WorkerShutdown, 0, 1, b) as { phase: string }).phase)).toEqual([
      'pre_shutdown',
      'core_handed_in',
      'last_drains_all',
      '#7',
    ]);
    expect(decode(EventKind.WorkerLifoCapped, 4, 2)).toMatchObject({ task: 4, worker: 2 });
  });

  it('poll.start carries the worker (c − 1) only when a worker polled', () => {
    expect(decode(EventKind.PollStart, 5, 12, 4, 3)).toEqual({
      index: 3,
      step: 2,
      time: 1_000_000,
      task: 5,
      type: 'poll.start',
      line: 12,
      col: 4,
      worker: 2,
    });
    expect('worker' in decode(EventKind.PollStart, 5, 12, 4, 0)).toBe(false);
  });
});
