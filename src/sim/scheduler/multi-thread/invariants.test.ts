import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resetContextForTests } from '../../context.ts';
import { PENDING, type Context, type Future, type Poll } from '../../future.ts';
import { SimWorld } from '../../runtime/world.ts';
import { sleep } from '../../time/sleep.ts';
import { checkInvariants } from './invariants.ts';
import { MtStep, MultiThreadScheduler } from './scheduler.ts';
import { co, joinAll, spawn, yieldNow } from './test-support.ts';

afterEach(() => resetContextForTests());

/** One thing a task does between awaits. */
type Act =
  | { k: 'yield' }
  | { k: 'sleep'; ms: number }
  | { k: 'spawn'; acts: number }
  | { k: 'selfWake' }
  | { k: 'burn'; units: number };

const actArb: fc.Arbitrary<Act> = fc.oneof(
  fc.constant({ k: 'yield' } as const),
  fc.record({ k: fc.constant('sleep' as const), ms: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ k: fc.constant('spawn' as const), acts: fc.integer({ min: 0, max: 3 }) }),
  fc.constant({ k: 'selfWake' } as const),
  fc.record({ k: fc.constant('burn' as const), units: fc.integer({ min: 1, max: 200 }) }),
);

/** Pending once after waking itself by ref (lands on the run queue as a yield). */
function selfWake(): Future<void> {
  let done = false;
  return {
    poll(cx: Context): Poll<void> {
      if (done) return undefined;
      done = true;
      cx.waker.wakeByRef();
      return PENDING;
    },
    drop(): void {},
  };
}

function worker(
  acts: readonly Act[],
  depth: number,
  counter: { done: number; spawned: number },
  all: readonly Act[],
): Future<void> {
  return co(function* () {
    for (const a of acts) {
      switch (a.k) {
        case 'yield':
          yield yieldNow();
          break;
        case 'sleep':
          yield sleep(a.ms * 1_000_000);
          break;
        case 'spawn':
          if (depth < 3) {
            counter.spawned++;
            spawn(worker(all.slice(0, a.acts), depth + 1, counter, all)).drop();
          }
          break;
        case 'selfWake':
          yield selfWake();
          break;
        case 'burn':
          for (let i = 0; i < a.units; i++) yield yieldNow();
          break;
      }
    }
    counter.done++;
  });
}

function runScenario(seed: number, workers: number, tasks: readonly (readonly Act[])[]): void {
  const world = new SimWorld({ seed, checkRefs: true });
  const s = new MultiThreadScheduler(world, { workers });
  const counter = { done: 0, spawned: tasks.length };
  const flat = tasks.flat();
  s.startBlockOn(
    co(function* () {
      const hs = tasks.map((acts) => spawn(worker(acts, 0, counter, flat)));
      yield joinAll(hs);
    }),
  );
  let guard = 0;
  while (!s.main.done) {
    const r = s.tick();
    expect(r).not.toBe(MtStep.Deadlock);
    const e = checkInvariants(s);
    if (e !== null) throw new Error(`after step ${guard}: ${e}`);
    if (++guard > 200_000) throw new Error('no progress');
  }
  // Detached children may still run; let the runtime finish them before dropping it.
  while (counter.done < counter.spawned) {
    const r = s.tick();
    if (r === MtStep.Idle) break;
    const e = checkInvariants(s);
    if (e !== null) throw new Error(e);
  }
  expect(counter.done).toBe(counter.spawned);
  s.close();
  while (!s.allWorkersExited()) s.tick();
  expect(s.owned.isEmpty()).toBe(true);
  expect(s.inject.isEmpty()).toBe(true);
}

describe('multi_thread invariants under random workloads', () => {
  it('idle counters, single queue membership and completion hold at every step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(actArb, { maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        (seed, workers, tasks) => runScenario(seed, workers, tasks),
      ),
      { numRuns: 120, seed: 31337 },
    );
  });

  it('pinned: four workers, sleepers and self-wakes mixed with a spawning task', () => {
    runScenario(11, 4, [
      [{ k: 'sleep', ms: 2 }, { k: 'spawn', acts: 3 }, { k: 'yield' }],
      [{ k: 'selfWake' }, { k: 'burn', units: 130 }],
      [
        { k: 'sleep', ms: 2 },
        { k: 'sleep', ms: 0 },
      ],
    ]);
  });
});
