/**
 * Property tests over random sequences of task operations (tokio-facts.md §2.4, §2.5, §4): after
 * every step the ref count equals the live holders, COMPLETE never coexists with RUNNING, no
 * Notified is queued twice, and at the end every task is freed with its future dropped once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PENDING } from '../future.ts';
import type { Context, Future, Poll, Waker } from '../future.ts';
import { assertRefs } from './cell.ts';
import type { Task } from './cell.ts';
import type { AbortHandle, JoinHandle } from './join-handle.ts';
import { COMPLETE, RUNNING } from './state.ts';
import { CountingWaker, TestScheduler, spawnOwned, testWorld } from './test-support.ts';

/** A future that hands a clone of its waker to a "resource" on each poll and finishes after `n` polls. */
class Resourceful implements Future<number> {
  polls = 0;
  drops = 0;
  constructor(
    private readonly n: number,
    private readonly resource: Waker[],
  ) {}
  poll(cx: Context): Poll<number> {
    this.polls++;
    if (this.polls >= this.n) return this.polls;
    this.resource.push(cx.waker.clone());
    return PENDING;
  }
  drop(): void {
    this.drops++;
  }
}

type Op =
  | { op: 'spawn'; polls: number }
  | { op: 'poll' }
  | { op: 'wakeByRef' | 'wakeByVal' | 'dropWaker'; w: number }
  | { op: 'abort' | 'dropJH' | 'takeAH' | 'dropAH' | 'readJH' | 'abortViaAH'; t: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('spawn' as const), polls: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('poll' as const) }),
  fc.record({ op: fc.constantFrom('wakeByRef' as const, 'wakeByVal' as const, 'dropWaker' as const), w: fc.nat(20) }),
  fc.record({
    op: fc.constantFrom(
      'abort' as const,
      'dropJH' as const,
      'takeAH' as const,
      'dropAH' as const,
      'readJH' as const,
      'abortViaAH' as const,
    ),
    t: fc.nat(10),
  }),
);

interface Entry {
  task: Task;
  fut: Resourceful;
  jh: JoinHandle<number> | null;
  ahs: AbortHandle[];
  read: boolean;
}

function check(entries: Entry[], sched: TestScheduler): void {
  for (const e of entries) {
    const t = e.task;
    if (t.deallocated) continue;
    assertRefs(t);
    expect((t.state & RUNNING) !== 0 && (t.state & COMPLETE) !== 0).toBe(false);
    expect(sched.queue.filter((q) => q === t).length).toBe(t.hNotified);
    expect(t.hNotified).toBeLessThanOrEqual(1);
  }
}

function runOps(ops: Op[]): void {
  const world = testWorld();
  const sched = new TestScheduler();
  const resource: Waker[] = [];
  const entries: Entry[] = [];
  const reader = new CountingWaker();
  const pick = <T>(xs: T[], i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length]);
  for (const o of ops) {
    switch (o.op) {
      case 'spawn': {
        const fut = new Resourceful(o.polls, resource);
        const { task, jh } = spawnOwned(world, sched, fut);
        entries.push({ task, fut, jh, ahs: [], read: false });
        break;
      }
      case 'poll':
        sched.runUntilIdle(1);
        break;
      case 'wakeByRef':
        pick(resource, o.w)?.wakeByRef();
        break;
      case 'wakeByVal':
      case 'dropWaker': {
        if (resource.length === 0) break;
        const [w] = resource.splice(o.w % resource.length, 1);
        if (o.op === 'wakeByVal') w?.wake();
        else w?.drop();
        break;
      }
      default: {
        const e = pick(entries, o.t);
        if (e === undefined) break;
        if (o.op === 'abort') e.jh?.abort();
        else if (o.op === 'abortViaAH') e.ahs[0]?.abort();
        else if (o.op === 'takeAH') {
          if (e.jh !== null) e.ahs.push(e.jh.abortHandle());
        } else if (o.op === 'dropAH') e.ahs.pop()?.drop();
        else if (o.op === 'dropJH') {
          e.jh?.drop();
          e.jh = null;
        } else if (o.op === 'readJH' && e.jh !== null && !e.read) {
          const r = e.jh.poll({ waker: reader });
          if (r !== PENDING) {
            e.read = true;
            if (r.ok) expect(r.value).toBe(e.fut.polls);
            else expect(r.error.isCancelled()).toBe(true);
          }
        }
      }
    }
    check(entries, sched);
  }
  // Every task ends completed, cancelled or still owned; then tear everything down.
  for (const e of entries) {
    const s = e.task.state;
    expect(e.task.deallocated || (s & COMPLETE) !== 0 || sched.owned.has(e.task)).toBe(true);
  }
  sched.shutdown();
  for (const w of resource.splice(0)) w.drop();
  for (const e of entries) {
    e.jh?.drop();
    for (const ah of e.ahs) ah.drop();
  }
  for (const e of entries) {
    expect(e.task.deallocated).toBe(true);
    expect(e.fut.drops).toBe(1);
  }
}

describe('task operations (property)', () => {
  it('keep every invariant under random operation sequences', () => {
    fc.assert(fc.property(fc.array(opArb, { maxLength: 80 }), runOps), { seed: 20251122, numRuns: 400 });
  });

  it('regression: wake by value after completion frees the task on the last reference', () => {
    runOps([
      { op: 'spawn', polls: 2 },
      { op: 'poll' },
      { op: 'wakeByRef', w: 0 },
      { op: 'poll' },
      { op: 'dropJH', t: 0 },
      { op: 'wakeByVal', w: 0 },
    ]);
  });

  it('regression: abort via AbortHandle of an idle task with the JoinHandle gone', () => {
    runOps([
      { op: 'spawn', polls: 3 },
      { op: 'takeAH', t: 0 },
      { op: 'poll' },
      { op: 'dropJH', t: 0 },
      { op: 'abortViaAH', t: 0 },
      { op: 'poll' },
      { op: 'dropAH', t: 0 },
    ]);
  });
});
