import { describe, expect, it } from 'vitest';
import { asyncBlock, awaitFuture } from './bench/futures.ts';
import * as sim from './index.ts';

describe('src/sim/index.ts (the public entry)', () => {
  it('runs a program through the public API only: enter + spawn from sync code, block_on, shutdown', () => {
    const out: string[] = [];
    const rt = sim.createRuntime({ flavor: 'current_thread', startPaused: true, onOutput: (_s, t) => out.push(t) });
    const exit = rt.enter();
    const h = sim.spawn(
      asyncBlock(function* () {
        yield* awaitFuture(sim.sleep(5 * sim.NANOS_PER_MS));
        sim.emitStdout(`task ${sim.taskId()} at ${sim.instantNow() / sim.NANOS_PER_MS}ms`);
        return 'v';
      }),
    );
    exit();
    const r = rt.blockOn(
      asyncBlock(function* () {
        return yield* awaitFuture(h);
      }),
    );
    rt.shutdownNow();
    expect(r).toEqual({ ok: true, value: 'v' });
    expect(out).toEqual(['task 1 at 5ms']);
    expect([...rt.trace.events()].some((e) => e.type === 'queue.push' && e.queue === 'inject')).toBe(true);
  });

  it('Runtime::block_on inside a task panics like Tokio', () => {
    const rt = sim.createRuntime({ flavor: 'current_thread' });
    const inner = sim.createRuntime({ flavor: 'current_thread', world: rt.world });
    const r = rt.runBlockOn(
      asyncBlock(function* () {
        const h = sim.spawn(
          asyncBlock(function* () {
            yield* awaitFuture(sim.yieldNow());
            inner.blockOn(sim.ready(1));
          }),
        );
        return yield* awaitFuture(h);
      }),
    );
    expect(r.kind === 'ready' && !r.value.ok && r.value.error.display()).toMatch(
      /^task 1 panicked with message "Cannot start a runtime from within a runtime/,
    );
  });

  it('createRuntime builds either flavor behind the one SimRuntime surface', () => {
    const flavors = ['current_thread', 'multi_thread'] as const;
    for (const flavor of flavors) {
      const rt: sim.Runtime = sim.createRuntime({ flavor, workers: 2 });
      expect(rt.flavor).toBe(flavor);
      expect(rt.blockOn(sim.ready(7))).toBe(7);
      rt.shutdownNow();
      expect(rt.isShutdown).toBe(true);
    }
    expect(sim.createRuntime({ flavor: 'multi_thread', workers: 2 })).toBeInstanceOf(sim.MultiThreadRuntime);
    expect(sim.createRuntime({ flavor: 'current_thread' })).toBeInstanceOf(sim.CurrentThreadRuntime);
  });
});
