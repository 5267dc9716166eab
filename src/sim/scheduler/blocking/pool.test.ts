import { describe, expect, it } from 'vitest';
import { asyncBlock, awaitFuture } from '../../bench/futures.ts';
import { PENDING } from '../../future.ts';
import type { Future } from '../../future.ts';
import { spawnBlocking } from '../../runtime/free-functions.ts';
import { runScenario, say } from '../../runtime/test-scenario.ts';
import { yieldNow } from '../../task/yield-now.ts';
import { instantNow } from '../../time/instant.ts';
import { sleep } from '../../time/sleep.ts';
import { blockingSleep } from './pool.ts';

const MS = 1_000_000;
/** A blocking closure: sleeps `ms` of real time (std::thread::sleep), then says its name. */
function job(name: string, ms: number, log: string[] = []): Future<string> {
  let slept = ms === 0;
  return {
    poll: () => {
      if (!slept) {
        slept = true;
        blockingSleep(ms * MS);
        return PENDING;
      }
      log.push(name);
      say(`${name} done`);
      return name;
    },
    drop: () => void log.push(`drop ${name}`),
  };
}

describe('blocking pool (§8)', () => {
  it('jobs run on their own threads and finish in real-time order', () => {
    const { out, rt } = runScenario(
      () =>
        asyncBlock(function* () {
          const hs = [spawnBlocking(job('a', 30)), spawnBlocking(job('b', 10)), spawnBlocking(job('c', 20))];
          for (const h of hs) yield* awaitFuture(h);
          say(`main at ${instantNow() / MS}ms`);
        }),
      { startPaused: false },
    );
    expect(out).toEqual(['b done', 'c done', 'a done', 'main at 30ms']);
    expect(rt.pool.threads.length).toBe(3);
  });

  it('with a paused clock, blocking sleeps take real time only (virtual time stays put)', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        yield* awaitFuture(spawnBlocking(job('a', 500)));
        say(`virtual ${instantNow() / MS}ms`);
      }),
    );
    expect(out).toEqual(['a done', 'virtual 0ms']);
  });

  it('respects the thread cap: the third job waits for a free thread', () => {
    const { out } = runScenario(
      () =>
        asyncBlock(function* () {
          const t0 = instantNow();
          const hs = ['x', 'y', 'z'].map((n) => spawnBlocking(job(n, 10)));
          for (const h of hs) {
            const r = yield* awaitFuture(h);
            say(`${r.ok ? r.value : 'err'} at ${(instantNow() - t0) / MS}ms`);
          }
        }),
      { startPaused: false, maxBlockingThreads: 2 },
    );
    // x's completion unparks the runtime at once; y finishes at the same real instant, seen on the next park.
    expect(out).toEqual(['x done', 'x at 10ms', 'y done', 'y at 10ms', 'z done', 'z at 20ms']);
  });

  it('aborting a job before a thread picks it up cancels it (never runs)', () => {
    const log: string[] = [];
    const { outcome } = runScenario(() =>
      asyncBlock(function* () {
        const h = spawnBlocking(job('late', 0, log));
        h.abort();
        const r = yield* awaitFuture(h);
        return r.ok ? 'ok' : r.error.display();
      }),
    );
    expect(outcome).toEqual({ kind: 'ready', value: 'task 1 was cancelled' });
    expect(log).toEqual(['drop late']);
  });

  it('shutdown cancels a job handed to an idle thread that had not woken yet', () => {
    const log: string[] = [];
    runScenario(
      () =>
        asyncBlock(function* () {
          yield* awaitFuture(spawnBlocking(job('first', 0, log)));
          spawnBlocking(job('second', 0, log)).drop();
        }),
      { maxBlockingThreads: 1 },
    );
    expect(log).toEqual(['first', 'drop first', 'drop second']);
  });

  it('idle threads exit after the 10 s keep-alive (real time)', () => {
    const { rt } = runScenario(
      () =>
        asyncBlock(function* () {
          yield* awaitFuture(spawnBlocking(job('quick', 0)));
          yield* awaitFuture(sleep(11_000 * MS));
          yield* awaitFuture(yieldNow());
        }),
      { startPaused: false },
      false,
    );
    const exits = [...rt.trace.events()].filter((e) => e.type === 'blocking.thread_exit');
    expect(exits).toHaveLength(1);
    expect(exits[0]?.time).toBe(10_000 * MS);
  });
});
