import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InjectQueue } from './inject.ts';
import { LOCAL_QUEUE_CAPACITY, LocalQueue, QueueStats, type Overflow } from './local-queue.ts';

/** An overflow sink backed by a real inject queue (what the scheduler does). */
function injectSink(inject: InjectQueue<number>): Overflow<number> {
  return {
    push: (t) => void inject.push(t),
    pushBatch: (ts, n) => void inject.pushBatch(ts, n),
  };
}

function drain(q: LocalQueue<number>): number[] {
  const out: number[] = [];
  for (let t = q.pop(); t !== undefined; t = q.pop()) out.push(t);
  return out;
}

function drainInject(q: InjectQueue<number>): number[] {
  const out: number[] = [];
  for (let t = q.pop(); t !== undefined; t = q.pop()) out.push(t);
  return out;
}

describe('local queue (13.C)', () => {
  it('13.C.19 fits_256_one_at_a_time: 256 pushes, no overflow, inject empty', () => {
    const q = new LocalQueue<number>();
    const inject = new InjectQueue<number>();
    const stats = new QueueStats();
    for (let i = 0; i < 256; i++) expect(q.pushBackOrOverflow(i, injectSink(inject), stats)).toBe(0);
    expect(stats.overflowCount).toBe(0);
    expect(inject.length).toBe(0);
    expect(q.len()).toBe(256);
    expect(q.remainingSlots()).toBe(0);
  });

  it('13.C.20 fits_256_all_at_once / in chunks: batch pushes totalling 256 fit; 256 pops in order', () => {
    const all = new LocalQueue<number>();
    const ids = Array.from({ length: 256 }, (_, i) => i);
    all.pushBack(ids, 0, 256);
    expect(drain(all)).toEqual(ids);
    const chunks = new LocalQueue<number>();
    for (const [from, to] of [
      [0, 10],
      [10, 138],
      [138, 256],
    ] as const)
      chunks.pushBack(ids, from, to);
    expect(drain(chunks)).toEqual(ids);
    expect(() => chunks.pushBack(ids, 0, 256)).not.toThrow();
    expect(() => chunks.pushBack(ids, 0, 1)).toThrow(/does not fit/);
  });

  it('13.C.21 overflow: 257 pushes → one overflow, 129 in inject (128 oldest + the new one), 128 local', () => {
    const q = new LocalQueue<number>();
    const inject = new InjectQueue<number>();
    const stats = new QueueStats();
    const results = [];
    for (let i = 0; i < 257; i++) results.push(q.pushBackOrOverflow(i, injectSink(inject), stats));
    expect(results.filter((r) => r === 2)).toHaveLength(1);
    expect(stats.overflowCount).toBe(1);
    expect(inject.length).toBe(129);
    expect(q.len()).toBe(128);
    const injected = drainInject(inject);
    expect(injected).toEqual([...Array.from({ length: 128 }, (_, i) => i), 256]);
    expect(drain(q)).toEqual(Array.from({ length: 128 }, (_, i) => 128 + i));
  });

  it('13.C.22 steal_batch: victim has 4 → one steal moves 2 (one returned, one queued), victim keeps 2', () => {
    const victim = new LocalQueue<number>();
    const thief = new LocalQueue<number>();
    const inject = new InjectQueue<number>();
    for (let i = 1; i <= 4; i++) victim.pushBackOrOverflow(i, injectSink(inject));
    const stats = new QueueStats();
    const got = victim.stealInto(thief, stats);
    expect(got).toBe(2);
    expect(drain(thief)).toEqual([1]);
    expect(drain(victim)).toEqual([3, 4]);
    expect(stats.stealCount).toBe(2);
    expect(stats.stealOperations).toBe(1);
  });

  it('steals half rounded up; a one-task victim gives its task; an empty one gives nothing', () => {
    for (const [n, taken] of [
      [1, 1],
      [2, 1],
      [3, 2],
      [5, 3],
      [256, 128],
    ] as const) {
      const v = new LocalQueue<number>();
      const t = new LocalQueue<number>();
      for (let i = 0; i < n; i++) v.pushBackOrOverflow(i, injectSink(new InjectQueue()));
      const got = v.stealInto(t);
      expect(got).toBe(taken - 1);
      expect(t.len()).toBe(taken - 1);
      expect(v.len()).toBe(n - taken);
    }
    expect(new LocalQueue<number>().stealInto(new LocalQueue<number>())).toBeUndefined();
  });

  it('a thief holding more than 128 tasks refuses to steal', () => {
    const v = new LocalQueue<number>();
    const t = new LocalQueue<number>();
    const sink = injectSink(new InjectQueue());
    for (let i = 0; i < 10; i++) v.pushBackOrOverflow(i, sink);
    for (let i = 0; i < 129; i++) t.pushBackOrOverflow(100 + i, sink);
    expect(v.stealInto(t)).toBeUndefined();
    expect(v.len()).toBe(10);
    t.pop();
    expect(v.stealInto(t)).toBe(4);
  });

  it('while a steal is in progress: a second steal is refused, the owner pops past the claim, a full queue overflows just the new task', () => {
    const v = new LocalQueue<number>();
    const inject = new InjectQueue<number>();
    const sink = injectSink(inject);
    for (let i = 0; i < LOCAL_QUEUE_CAPACITY; i++) v.pushBackOrOverflow(i, sink);
    const n = v.claimSteal();
    expect(n).toBe(128);
    expect(v.stealInProgress()).toBe(true);
    expect(v.claimSteal()).toBe(0);
    expect(v.stealInto(new LocalQueue<number>())).toBeUndefined();
    // Claimed slots are not free yet: the queue is still full, so only the new task overflows.
    expect(v.pushBackOrOverflow(999, sink)).toBe(1);
    expect(drainInject(inject)).toEqual([999]);
    expect(v.pop()).toBe(128);
    const thief = new LocalQueue<number>();
    expect(v.finishSteal(thief, n)).toBe(127);
    expect(v.stealInProgress()).toBe(false);
    expect(thief.len()).toBe(127);
    expect(v.remainingSlots()).toBe(129);
  });
});

/** A random schedule of owner and stealer operations over one victim, two thieves and an inject queue. */
type Op =
  | { op: 'push'; n: number }
  | { op: 'pop' }
  | { op: 'steal'; thief: 0 | 1 }
  | { op: 'claim' }
  | { op: 'finish'; thief: 0 | 1 }
  | { op: 'thiefPop'; thief: 0 | 1 }
  | { op: 'injectPull'; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('push' as const), n: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('pop' as const) }),
  fc.record({ op: fc.constant('steal' as const), thief: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ op: fc.constant('claim' as const) }),
  fc.record({ op: fc.constant('finish' as const), thief: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ op: fc.constant('thiefPop' as const), thief: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ op: fc.constant('injectPull' as const), n: fc.integer({ min: 1, max: 200 }) }),
);

function runOps(ops: readonly Op[]): void {
  const victim = new LocalQueue<number>();
  const thieves = [new LocalQueue<number>(), new LocalQueue<number>()];
  const inject = new InjectQueue<number>();
  const sink = injectSink(inject);
  const taken: number[] = [];
  let next = 0;
  let claimed = 0;
  const scratch: number[] = [];
  for (const o of ops) {
    switch (o.op) {
      case 'push':
        for (let i = 0; i < o.n; i++) victim.pushBackOrOverflow(next++, sink);
        break;
      case 'pop': {
        const t = victim.pop();
        if (t !== undefined) taken.push(t);
        break;
      }
      case 'steal': {
        if (claimed > 0) break;
        const t = victim.stealInto(thieves[o.thief]);
        if (t !== undefined) taken.push(t);
        break;
      }
      case 'claim':
        if (claimed === 0) claimed = victim.claimSteal();
        break;
      case 'finish':
        if (claimed > 0 && thieves[o.thief].remainingSlots() >= claimed) {
          const t = victim.finishSteal(thieves[o.thief], claimed);
          if (t !== undefined) taken.push(t);
          claimed = 0;
        }
        break;
      case 'thiefPop': {
        const t = thieves[o.thief].pop();
        if (t !== undefined) taken.push(t);
        break;
      }
      case 'injectPull': {
        const q = thieves[0];
        const n = Math.max(1, Math.min(o.n, q.remainingSlots()));
        const t = inject.popNInto(n, q, scratch);
        if (t !== undefined) taken.push(t);
        break;
      }
    }
    // Invariants after every step.
    expect(victim.len()).toBeLessThanOrEqual(LOCAL_QUEUE_CAPACITY);
    expect(victim.remainingSlots()).toBeGreaterThanOrEqual(0);
  }
  if (claimed > 0) {
    const t = victim.finishSteal(
      thieves[1].remainingSlots() >= claimed ? thieves[1] : new LocalQueue<number>(),
      claimed,
    );
    if (t !== undefined) taken.push(t);
  }
  // Everything pushed is somewhere exactly once.
  const rest = [...drain(victim), ...drain(thieves[0]), ...drain(thieves[1]), ...drainInject(inject)];
  const all = [...taken, ...rest].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: next }, (_, i) => i));
}

describe('local queue properties (13.C.23, 13.C.25)', () => {
  it('no task is lost or duplicated across random push / pop / steal / overflow / inject pulls', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => runOps(ops)),
      { numRuns: 300, seed: 0x5eed },
    );
  });

  it('pinned regression: overflow with a steal in flight, then the steal finishes', () => {
    runOps([
      { op: 'push', n: 256 },
      { op: 'claim' },
      { op: 'push', n: 3 },
      { op: 'pop' },
      { op: 'finish', thief: 0 },
      { op: 'push', n: 200 },
    ]);
  });

  it('the victim keeps FIFO order for what it still owns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), fc.integer({ min: 0, max: 3 }), (n, steals) => {
        const v = new LocalQueue<number>();
        for (let i = 0; i < n; i++) v.pushBackOrOverflow(i, injectSink(new InjectQueue()));
        for (let s = 0; s < steals; s++) v.stealInto(new LocalQueue<number>());
        const rest = drain(v);
        expect(rest).toEqual([...rest].sort((a, b) => a - b));
        if (rest.length > 0) expect(rest[rest.length - 1]).toBe(n - 1);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
