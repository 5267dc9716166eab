import { afterEach, describe, expect, it } from 'vitest';
import { asyncBlock, awaitFuture } from '../bench/futures.ts';
import { resetContextForTests } from '../context.ts';
import { ready } from '../future.ts';
import { MT_START_PAUSED_PANIC, MultiThreadRuntime } from '../scheduler/multi-thread/runtime.ts';
import { RustPanic } from '../task/panic.ts';
import { yieldNow } from '../task/yield-now.ts';
import { sleep } from '../time/sleep.ts';
import { createRuntime } from './create.ts';
import { emitStdout, spawn } from './free-functions.ts';
import { CurrentThreadRuntime } from './runtime.ts';
import type { RuntimeConfig, SimRuntime } from './sim-runtime.ts';
import type { StepResult } from './step.ts';
import { SimWorld } from './world.ts';

afterEach(() => resetContextForTests());

const FLAVORS = ['current_thread', 'multi_thread'] as const;

/** main spawns two tasks that print, yield and print, and awaits both. */
function program(): ReturnType<typeof asyncBlock<string>> {
  return asyncBlock(function* () {
    const hs = ['a', 'b'].map((name) =>
      spawn(
        asyncBlock(function* () {
          emitStdout(`${name}1 `);
          yield* awaitFuture(yieldNow());
          yield* awaitFuture(sleep(2_000_000));
          emitStdout(`${name}2 `);
        }),
      ),
    );
    for (const h of hs) yield* awaitFuture(h);
    return 'done';
  });
}

/** Drives a runtime by hand, the way the worker and the interpreter do. */
function drive(rt: SimRuntime): { steps: StepResult[]; value: unknown } {
  const b = rt.startBlockOn(program());
  const steps: StepResult[] = [];
  // a result may be rewritten by the next tick (step.ts): keep copies
  for (let i = 0; i < 10_000 && !b.done; i++) steps.push({ ...rt.tick() });
  rt.shutdown();
  for (let i = 0; i < 10_000; i++) {
    const s = { ...rt.tick() };
    steps.push(s);
    if (s.kind === 'idle') break;
  }
  return { steps, value: b.status.kind === 'ready' ? b.status.value : b.status.kind };
}

describe('createRuntime: one SimRuntime surface for both flavors', () => {
  it('a literal flavor gives the concrete class; a runtime-chosen flavor gives SimRuntime', () => {
    expect(createRuntime({ flavor: 'current_thread' })).toBeInstanceOf(CurrentThreadRuntime);
    const mt = createRuntime({ flavor: 'multi_thread', workers: 3 });
    expect(mt).toBeInstanceOf(MultiThreadRuntime);
    expect(mt.scheduler.workers.length).toBe(3);
    const config: RuntimeConfig = { flavor: FLAVORS[1] };
    expect(createRuntime(config).flavor).toBe('multi_thread');
    expect(createRuntime({ flavor: 'multi_thread' }).scheduler.workers.length).toBe(4);
  });

  it.each(FLAVORS)('%s: startBlockOn + tick to the end, then shutdown + tick until idle', (flavor) => {
    const out: string[] = [];
    const rt = createRuntime({ flavor, workers: 2, seed: 3, checkRefs: true, onOutput: (_s, t) => out.push(t) });
    const { steps, value } = drive(rt);
    expect(value).toBe('done');
    expect(rt.isShutdown).toBe(true);
    expect(steps[steps.length - 1]).toEqual({ kind: 'idle' });
    expect(out.join('').split(' ').filter(Boolean).sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(rt.time.clock.now()).toBe(2_000_000);
    const kinds = new Set(steps.map((s) => s.kind));
    expect(kinds.has('main') && kinds.has('task')).toBe(true);
  });

  it('multi_thread steps name the worker that acted; current_thread steps name none', () => {
    const mt = drive(createRuntime({ flavor: 'multi_thread', workers: 2, seed: 3 })).steps;
    const polls = mt.filter((s) => s.kind === 'task');
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((s) => s.worker === 0 || s.worker === 1)).toBe(true);
    expect(mt.filter((s) => s.kind === 'main').every((s) => s.worker === undefined)).toBe(true);
    expect(mt.some((s) => s.kind === 'shutdown' && s.worker !== undefined)).toBe(true);
    const ct = drive(createRuntime({ flavor: 'current_thread' })).steps;
    expect(ct.every((s) => s.worker === undefined)).toBe(true);
  });

  it('multi_thread: the driver worker sleeping to the next timer reports how far time moved', () => {
    const rt = createRuntime({ flavor: 'multi_thread', workers: 1, seed: 1 });
    rt.startBlockOn(
      asyncBlock(function* () {
        yield* awaitFuture(sleep(5_000_000));
      }),
    );
    const parks: StepResult[] = [];
    for (let i = 0; i < 100; i++) {
      const s = rt.tick();
      if (s.kind === 'park' && s.advancedNs > 0) parks.push({ ...s });
      if (s.kind === 'main' && s.outcome === 'ready') break;
    }
    expect(parks).toEqual([{ kind: 'park', yield: false, advancedNs: 5_000_000, fired: 1, worker: 0 }]);
  });

  it("start_paused on multi_thread panics with Tokio's text; current_thread starts paused", () => {
    let caught: unknown;
    try {
      createRuntime({ flavor: 'multi_thread', startPaused: true });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RustPanic);
    expect((caught as RustPanic).message).toBe(
      '`time::pause()` requires the `current_thread` Tokio runtime. This is the default Runtime used by `#[tokio::test].',
    );
    expect(MT_START_PAUSED_PANIC).toBe((caught as RustPanic).message);
    expect(createRuntime({ flavor: 'current_thread', startPaused: true }).time.clock.paused).toBe(true);
  });

  it.each(FLAVORS)('%s: enter() lets sync code spawn; blockOn, runBlockOn and shutdownNow work', (flavor) => {
    const world = new SimWorld({ seed: 1 });
    const rt = createRuntime({ flavor, world });
    expect(rt.world).toBe(world);
    const exit = rt.enter();
    const h = spawn(ready(41));
    exit();
    const r = rt.blockOn(
      asyncBlock(function* () {
        const v = yield* awaitFuture(h);
        return v.ok ? v.value + 1 : -1;
      }),
    );
    expect(r).toBe(42);
    expect(rt.runBlockOn(ready('again'))).toEqual({ kind: 'ready', value: 'again' });
    rt.shutdownNow();
    expect(rt.tick()).toEqual({ kind: 'idle' });
  });
});
