import { afterEach, describe, expect, it } from 'vitest';
import { resetContextForTests } from '../../context.ts';
import { PENDING } from '../../future.ts';
import { blockingSleep } from '../blocking/pool.ts';
import { RustPanic } from '../../task/panic.ts';
import { sleep } from '../../time/sleep.ts';
import { MultiThreadRuntime } from './runtime.ts';
import { co, once, spawn } from './test-support.ts';
import type { JoinResult } from '../../task/join-handle.ts';

afterEach(() => resetContextForTests());

function rt(workers = 2, seed = 5): MultiThreadRuntime {
  return new MultiThreadRuntime({ flavor: 'multi_thread', workers, seed, checkRefs: true });
}

describe('multi_thread Runtime (block_on, time, blocking pool, drop)', () => {
  it('block_on of a 1500 ms sleep: every worker parks, the driver sleeps, time moves exactly 1.5 s', () => {
    const r = rt(3);
    const v = r.blockOn(
      co(function* () {
        yield sleep(1_500_000_000);
        return 'woke';
      }),
    );
    expect(v).toBe('woke');
    expect(r.time.clock.now()).toBe(1_500_000_000);
    r.shutdownNow();
    expect(r.scheduler.allWorkersExited()).toBe(true);
  });

  it('tasks sleeping on a timer are resumed by the worker holding the driver; join results come back', () => {
    const r = rt(2);
    const v = r.blockOn(
      co(function* () {
        const a = spawn(
          co(function* () {
            yield sleep(30_000_000);
            return 30;
          }),
        );
        const b = spawn(
          co(function* () {
            yield sleep(10_000_000);
            return 10;
          }),
        );
        const ra = (yield a) as JoinResult<number>;
        const rb = (yield b) as JoinResult<number>;
        return [ra.ok ? ra.value : -1, rb.ok ? rb.value : -1];
      }),
    );
    expect(v).toEqual([30, 10]);
    expect(r.time.clock.now()).toBe(30_000_000);
    r.shutdownNow();
  });

  it('spawn_blocking runs on the pool; its sleep moves real time and the clock with it', () => {
    const r = rt(2);
    let slept = false;
    const v = r.blockOn(
      co(function* () {
        const h = r.spawnBlocking({
          poll: () => {
            if (!slept) {
              slept = true;
              blockingSleep(5_000_000);
              return PENDING;
            }
            return 42;
          },
          drop: () => undefined,
        });
        const res = (yield h) as JoinResult<number>;
        return res.ok ? res.value : -1;
      }),
    );
    expect(v).toBe(42);
    expect(r.time.clock.now()).toBe(5_000_000);
    r.shutdownNow();
    expect(r.scheduler.pool.isDrained()).toBe(true);
  });

  it('a panicking main future comes back as a panicked outcome', () => {
    const r = rt(1);
    const o = r.runBlockOn(
      once(() => {
        throw new RustPanic('boom');
      }),
    );
    expect(o.kind).toBe('panicked');
  });

  it('nested block_on inside a task panics like Tokio', () => {
    const r = rt(1);
    let msg = '';
    r.blockOn(
      co(function* () {
        yield spawn(
          once(() => {
            try {
              r.startBlockOn(once(() => 1));
            } catch (e) {
              msg = (e as Error).message;
            }
          }),
        );
      }),
    );
    expect(msg).toMatch(/Cannot start a runtime from within a runtime/);
  });

  it('start_paused is refused on multi_thread', () => {
    expect(() => new MultiThreadRuntime({ flavor: 'multi_thread', startPaused: true })).toThrow(/current_thread/);
  });

  it('steps report what happened: main polls, task polls and shutdown steps', () => {
    const r = rt(2, 9);
    const b = r.startBlockOn(
      co(function* () {
        yield spawn(once(() => 1));
      }),
    );
    const kinds = new Set<string>();
    for (let i = 0; i < 1000 && !b.done; i++) kinds.add(r.tick().kind);
    expect(b.status).toEqual({ kind: 'ready', value: undefined });
    r.shutdown();
    for (let i = 0; i < 1000; i++) {
      const s = r.tick();
      kinds.add(s.kind);
      if (s.kind === 'idle') break;
    }
    expect([...kinds].sort()).toEqual(['idle', 'main', 'park', 'shutdown', 'task']);
  });
});
