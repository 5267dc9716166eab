/** `LocalSet` (tokio/src/task/local.rs) on TypeScript futures, with ref counts checked on every change. */
import { describe, expect, it } from 'vitest';
import { asyncBlock, awaitFuture } from '../bench/futures.ts';
import { futureFrom } from '../future.ts';
import { runScenario, say } from '../runtime/test-scenario.ts';
import { yieldNow } from './yield-now.ts';
import { LOCAL_MAX_TASKS_PER_TICK, LocalSet, RunUntil, spawnLocal, SPAWN_LOCAL_OUTSIDE_PANIC } from './local-set.ts';
import { RustPanic } from './panic.ts';

describe('LocalSet', () => {
  it('runs at most 61 tasks per tick before its run_until body is polled again', () => {
    const set = new LocalSet();
    let ran = 0;
    const seen: number[] = [];
    const { outcome } = runScenario(() => {
      for (let i = 0; i < 70; i++) set.spawnLocal(futureFrom(() => void ran++));
      return new RunUntil(
        set,
        asyncBlock(function* () {
          seen.push(ran);
          yield* awaitFuture(yieldNow());
          seen.push(ran);
          yield* awaitFuture(yieldNow());
          seen.push(ran);
        }),
      );
    });
    expect(outcome.kind).toBe('ready');
    expect(seen).toEqual([0, LOCAL_MAX_TASKS_PER_TICK, 70]);
  });

  it('queues a spawn_local inside its tick and runs it in the same tick', () => {
    const set = new LocalSet();
    const { out } = runScenario(
      () =>
        new RunUntil(
          set,
          asyncBlock(function* () {
            spawnLocal(
              asyncBlock(function* () {
                say('outer');
                spawnLocal(futureFrom(() => void say('inner')));
                yield* awaitFuture(yieldNow());
                say('outer again');
              }),
            );
            yield* awaitFuture(yieldNow());
            say('body');
          }),
        ),
    );
    expect(out.join('')).toBe('outerinnerbody');
  });

  it('shuts its tasks down when dropped, and spawn_local panics outside a set', () => {
    const set = new LocalSet();
    let dropped = 0;
    runScenario(() => {
      set.spawnLocal(
        futureFrom(
          () => undefined as never,
          () => void dropped++,
        ),
      );
      set.close();
      return futureFrom(() => undefined);
    });
    expect(dropped).toBe(1);
    expect(set.length).toBe(0);
    expect(() => spawnLocal(futureFrom(() => 1))).toThrow(RustPanic);
    expect(SPAWN_LOCAL_OUTSIDE_PANIC).toContain('`spawn_local` called from outside');
  });
});
