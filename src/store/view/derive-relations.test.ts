import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { MAIN_ACTOR, RUNTIME_ACTOR, TraceHistory } from './derive-history.ts';
import { deriveRelations, MAX_CHILDREN } from './derive-relations.ts';
import { traceArbitrary, uniqueSpawns } from './trace-arbitrary.ts';
import { traceBuilder } from './trace-builder.ts';

function history(events: readonly SimEvent[]): TraceHistory {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
  return h;
}

describe('deriveRelations', () => {
  const events = traceBuilder()
    .pollStart(0)
    .event({ type: 'joinset.create', task: 0, set: 1, value: 0 })
    .spawn(1, 'a')
    .event({ type: 'joinset.spawn', task: 1, set: 1, value: 1 })
    .spawn(2, 'b')
    .event({ type: 'joinset.spawn', task: 2, set: 1, value: 2 })
    .event({ type: 'token.create', task: 0, token: 1, value: 0 })
    .event({ type: 'token.create', task: 0, token: 2, value: 1 })
    .pollEnd(0, 'pending')
    .nextStep()
    .pollStart(1)
    .spawn(3, 'grandchild')
    .event({ type: 'token.wait', task: 1, token: 2, value: 1 })
    .wake(0, 1)
    .pollEnd(1, 'pending')
    .nextStep()
    .wake(1, 0)
    .event({ type: 'token.cancel', task: 0, token: 1, value: 1 })
    .event({ type: 'joinset.join', task: 1, set: 1, value: 1 })
    .build();
  const h = history(events);

  it('builds the spawn tree depth first under main', () => {
    const m = deriveRelations(h, events.length);
    expect(m.spawnTree.map((n) => [n.label, n.depth, n.parent])).toEqual([
      ['main', 0, undefined],
      ['#1 a', 1, MAIN_ACTOR],
      ['#3 grandchild', 2, 1],
      ['#2 b', 1, MAIN_ACTOR],
    ]);
  });

  it('shows JoinSet membership and join results at the position', () => {
    expect(deriveRelations(h, events.length).joinSets).toEqual([
      {
        id: 1,
        owner: MAIN_ACTOR,
        members: [
          { task: 1, joined: true, outcome: 'cancelled' },
          { task: 2, joined: false, outcome: undefined },
        ],
        abortedAll: false,
        dropped: false,
      },
    ]);
    expect(deriveRelations(h, 4).joinSets[0].members).toEqual([{ task: 1, joined: false, outcome: undefined }]);
  });

  it('orders the token tree parent first, with cancellation and waiters', () => {
    const m = deriveRelations(h, events.length);
    expect(m.tokens.map((t) => [t.id, t.depth, t.cancelled, t.waiters])).toEqual([
      [1, 0, true, []],
      [2, 1, false, [1]],
    ]);
    expect(deriveRelations(h, 10).tokens.every((t) => !t.cancelled)).toBe(true);
  });

  it('aggregates who woke whom, newest first', () => {
    const m = deriveRelations(h, events.length);
    expect(m.wakes.map((w) => [w.by, w.target, w.count])).toEqual([
      [RUNTIME_ACTOR, 1, 1],
      [1, MAIN_ACTOR, 1],
    ]);
  });

  it('bounds the spawn tree and counts what it leaves out', () => {
    const b = traceBuilder().pollStart(0);
    for (let i = 1; i <= 50; i++) b.spawn(i);
    const big = b.build();
    const m = deriveRelations(history(big), big.length, { maxNodes: 40 });
    expect(m.spawnTree).toHaveLength(1 + MAX_CHILDREN);
    expect(m.spawnTree[0].hiddenChildren).toBe(50 - MAX_CHILDREN);
  });
});

describe('the spawn tree from the spawn edges', () => {
  it('is the tree every task’s parent gives, at every position and size', () => {
    fc.assert(
      fc.property(
        traceArbitrary(300),
        fc.array(fc.tuple(fc.nat(320), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 8 }),
        (raw, asks) => {
          // Token events left out: the arbitrary's token 0 would be its own parent (ids start at 1).
          const events = uniqueSpawns(raw).filter((e) => !e.type.startsWith('token.'));
          const indexed = history(events);
          const scanned = history(events);
          // Pretend an id was spawned twice: the tree is then read from every task's parent.
          scanned.respawns = 1;
          for (const [p, maxNodes] of asks) {
            const position = Math.min(p, events.length);
            expect(deriveRelations(indexed, position, { maxNodes }).spawnTree).toEqual(
              deriveRelations(scanned, position, { maxNodes }).spawnTree,
            );
          }
        },
      ),
      { seed: 15, numRuns: 200 },
    );
  });
});
