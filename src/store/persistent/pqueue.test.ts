import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PQueue } from './pqueue.ts';

type Op = { op: 'pushBack' | 'pushFront' | 'remove'; v: number } | { op: 'popFront' | 'popBack' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('pushBack' as const, 'pushFront' as const, 'remove' as const), v: fc.nat(20) }),
  fc.record({ op: fc.constantFrom('popFront' as const, 'popBack' as const) }),
);

function applyModel(model: number[], o: Op): void {
  switch (o.op) {
    case 'pushBack':
      model.push(o.v);
      return;
    case 'pushFront':
      model.unshift(o.v);
      return;
    case 'remove': {
      const k = model.indexOf(o.v);
      if (k >= 0) model.splice(k, 1);
      return;
    }
    case 'popFront':
      model.shift();
      return;
    case 'popBack':
      model.pop();
      return;
  }
}

function applyQueue(q: PQueue<number>, o: Op): PQueue<number> {
  switch (o.op) {
    case 'pushBack':
      return q.pushBack(o.v);
    case 'pushFront':
      return q.pushFront(o.v);
    case 'remove':
      return q.remove(o.v);
    case 'popFront':
      return q.popFront();
    case 'popBack':
      return q.popBack();
  }
}

describe('PQueue', () => {
  it('is FIFO and persistent', () => {
    const a = PQueue.empty<number>().pushBack(1).pushBack(2).pushBack(3);
    const b = a.popFront();
    expect(a.toArray()).toEqual([1, 2, 3]);
    expect(b.toArray()).toEqual([2, 3]);
    expect(b.front()).toBe(2);
    expect(b.back()).toBe(3);
    expect(b.indexOf(3)).toBe(1);
    expect(b.remove(9)).toBe(b);
  });

  it('handles many front pushes (rebuild path)', () => {
    let q = PQueue.empty<number>();
    for (let i = 0; i < 100; i++) q = q.pushFront(i);
    expect(q.length).toBe(100);
    expect(q.front()).toBe(99);
    expect(q.back()).toBe(0);
  });

  it('matches an array model for random operations', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const model: number[] = [];
        let q = PQueue.empty<number>();
        for (const o of ops) {
          applyModel(model, o);
          q = applyQueue(q, o);
          expect(q.length).toBe(model.length);
        }
        expect(q.toArray()).toEqual(model);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
