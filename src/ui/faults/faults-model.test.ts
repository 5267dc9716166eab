import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { connectionsBefore, rateWords } from './faults-model.ts';

describe('connections the run has made', () => {
  const base = { index: 0, step: 1, time: 0, task: 0 } as const;
  const events: SimEvent[] = [
    { ...base, type: 'net.connect', conn: 1, port: 40000, refused: false },
    { ...base, type: 'stdout', text: 'x' },
    { ...base, type: 'net.connect', conn: 2, port: 1, refused: true },
  ];
  const source = { length: events.length, eventAt: (i: number) => events[i] };

  it('lists those before the position, in order', () => {
    expect(connectionsBefore(source, 0)).toEqual([]);
    expect(connectionsBefore(source, 2)).toEqual([{ conn: 1, port: 40000, refused: false }]);
    expect(connectionsBefore(source, 99).map((c) => c.conn)).toEqual([1, 2]);
  });
});

describe('the words for a rate of random faults', () => {
  it('names how many connects fail', () => {
    expect([0.1, 0.25, 0.5, 1].map(rateWords)).toEqual([
      '1 connect in 10',
      '1 connect in 4',
      '1 connect in 2',
      'every connect',
    ]);
  });
});
