import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { TraceHistory } from './derive-history.ts';
import { deriveScheduler } from './derive-scheduler.ts';
import { reduceView } from './reduce-view.ts';
import { traceArbitrary } from './trace-arbitrary.ts';
import { traceBuilder } from './trace-builder.ts';
import { INITIAL_VIEW_STATE } from './view-state.ts';

function at(events: readonly SimEvent[], position = events.length) {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
  const view = events.slice(0, position).reduce(reduceView, INITIAL_VIEW_STATE);
  return { view, h, position };
}

/** Many timers at few deadlines (ties broken by id; two past the indexed range), some fired, over a few spawned tasks. */
const timerTrace = fc
  .array(fc.tuple(fc.nat(40), fc.nat(3), fc.constantFrom(0, 1, 2, 3, 4, 2 ** 31, 2 ** 31 + 5), fc.boolean()), {
    maxLength: 60,
  })
  .map((ops) => {
    const b = traceBuilder().spawn(1).spawn(2).spawn(3);
    for (const [id, task, deadline, fire] of ops) {
      if (fire) b.fire(id);
      else b.timer(id, task, deadline);
    }
    return b.build();
  });

describe('deriveScheduler', () => {
  it('current_thread: one thread with its local queue, the inject queue and the main future', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 })
      .pollStart(0, 2)
      .spawn(1)
      .push('local', 1)
      .spawn(2)
      .push('local', 2)
      .spawn(3)
      .push('inject', 3)
      .build();
    const { view, h, position } = at(events);
    const m = deriveScheduler(view, h, position, { flavor: 'multi_thread', workers: 4 });
    expect(m.flavor).toBe('current_thread');
    expect(m.workers).toHaveLength(1);
    expect(m.workers[0].local).toEqual([1, 2]);
    expect(m.workers[0].lifo).toBeUndefined();
    expect(m.inject).toEqual([3]);
    expect(m.main.polling).toBe(true);
  });

  it('multi_thread: LIFO slot, ring, parked/searching state at the position', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'multi_thread', runtime: 1 })
      .spawn(1)
      .spawn(2)
      .push('lifo', 1, 1)
      .push('local', 2, 1)
      .event({ type: 'worker.park', task: 0, worker: 0, inDriver: true })
      .event({ type: 'worker.searching', task: 0, worker: 1, searching: true })
      .event({ type: 'worker.turn', task: 0, worker: 1, timeAdvance: false })
      .build();
    const { view, h, position } = at(events);
    const m = deriveScheduler(view, h, position, { workers: 2 });
    expect(m.workers.map((w) => w.index)).toEqual([0, 1]);
    expect(m.workers[1].lifo).toBe(1);
    expect(m.workers[1].local).toEqual([2]);
    expect(m.workers[0]).toMatchObject({ parked: true, driver: true, active: false });
    expect(m.workers[1]).toMatchObject({ parked: false, searching: true, active: true });
    // Earlier in the trace the worker had not parked yet.
    const early = at(events, 5);
    expect(deriveScheduler(early.view, early.h, early.position, { workers: 2 }).workers[0].parked).toBe(false);
  });

  it('blocking pool: queued jobs until they start, threads with their job', () => {
    const events = traceBuilder()
      .spawn(5, undefined, 0, true)
      .event({ type: 'blocking.queued', task: 5, thread: 0, value: 1 })
      .spawn(6, undefined, 0, true)
      .event({ type: 'blocking.queued', task: 6, thread: 0, value: 2 })
      .event({ type: 'blocking.thread_spawn', task: 0, thread: 0, value: 0 })
      .event({ type: 'blocking.job_start', task: 5, thread: 0, value: 0 })
      .event({ type: 'blocking.job_sleep', task: 5, thread: 0, value: 30 })
      .build();
    const { view, h } = at(events);
    const before = deriveScheduler(view, h, 4);
    expect(before.blockingQueue).toEqual([5, 6]);
    const after = deriveScheduler(view, h, events.length);
    expect(after.blockingQueue).toEqual([6]);
    expect(after.blockingThreads).toEqual([{ index: 0, state: 'sleeping', task: 5, untilMs: 30 }]);
  });

  it('timers sorted by deadline, soonest first', () => {
    const events = traceBuilder()
      .spawn(1)
      .spawn(2)
      .timer(7, 1, 100)
      .timer(8, 2, 20)
      .at(5_000_000)
      .print('tick')
      .build();
    const { view, h, position } = at(events);
    const m = deriveScheduler(view, h, position);
    expect(m.timers).toEqual([
      { id: 8, task: 2, deadlineMs: 20 },
      { id: 7, task: 1, deadlineMs: 100 },
    ]);
    expect(m.nowMs).toBe(5);
  });

  it('with a limit, lists the head of each queue and the soonest timers, as the full derivation does', () => {
    fc.assert(
      fc.property(fc.oneof(traceArbitrary(), timerTrace), fc.nat(5), fc.nat(100), (events, limit, cut) => {
        const { view, h, position } = at(events, Math.floor((events.length * cut) / 100));
        const config = { workers: 3 } as const;
        const part = deriveScheduler(view, h, position, { ...config, limit });
        // The full derivation, written out: every queued task, every timer sorted by deadline then id.
        const timers: { id: number; task: number; deadlineMs: number }[] = [];
        view.timers.forEach((t) => timers.push({ id: t.id, task: t.task, deadlineMs: t.deadlineTick }));
        timers.sort((a, b) => a.deadlineMs - b.deadlineMs || a.id - b.id);
        const inject = view.queues.inject?.toArray() ?? [];
        expect(part.timers).toEqual(timers.slice(0, limit));
        expect(part.timerCount).toBe(timers.length);
        expect(part.inject).toEqual(inject.slice(0, limit));
        expect(part.injectLength).toBe(inject.length);
        part.workers.forEach((w) => {
          const local = view.queues[`local:${w.index}`]?.toArray() ?? [];
          expect(w.local).toEqual(local.slice(0, limit));
          expect(w.localLength).toBe(local.length);
        });
        const full = deriveScheduler(view, h, position, config);
        expect(full.timers).toEqual(timers);
        expect({ ...part, timers: full.timers, inject: full.inject, workers: full.workers }).toEqual(full);
        expect(part.workers.map((w) => ({ ...w, local: [] }))).toEqual(full.workers.map((w) => ({ ...w, local: [] })));
      }),
      { numRuns: 300 },
    );
  });
});
