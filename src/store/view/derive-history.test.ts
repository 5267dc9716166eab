import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { countBefore, lastBefore, MAIN_ACTOR, RUNTIME_ACTOR, TraceHistory } from './derive-history.ts';
import { traceArbitrary } from './trace-arbitrary.ts';
import { traceBuilder } from './trace-builder.ts';

function indexed(events: readonly SimEvent[]): TraceHistory {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
  return h;
}

/** A task spawned by main, polled to Pending, woken by a timer, polled to Ready. */
const life = traceBuilder()
  .pollStart(0, 3)
  .spawn(1, 'child', 4)
  .push('local', 1)
  .pollEnd(0, 'pending')
  .nextStep()
  .pop('local', 1)
  .state(1, 204, 201, 'transition_to_running', 'Success')
  .pollStart(1, 4)
  .state(1, 201, 217, 'set_join_waker', 'Ok')
  .pollEnd(1, 'pending')
  .state(1, 217, 216, 'transition_to_idle', 'Ok')
  .nextStep()
  .at(10_000_000)
  .wake(1, 0, true)
  .push('local', 1)
  .nextStep()
  .pop('local', 1)
  .pollStart(1, 5)
  .output(1, 'ok')
  .pollEnd(1, 'ready')
  .released(1, 66)
  .build();

describe('TraceHistory', () => {
  it('records each task’s lane changes, with the poller that spawned it', () => {
    const h = indexed(life);
    const t = h.task(1);
    expect(t?.parent).toBe(MAIN_ACTOR);
    expect(t?.name).toBe('child');
    expect(t?.activity.map((m) => m.activity)).toEqual([
      'spawned',
      'queued',
      'running',
      'idle',
      'queued',
      'running',
      'done',
    ]);
    expect(h.main.map((m) => m.activity)).toEqual(['running', 'idle']);
  });

  it('answers for any position: only records made by earlier events count', () => {
    const h = indexed(life);
    const t = h.task(1);
    if (t === undefined) throw new Error('no task');
    // After the first 3 events the task is spawned and queued.
    expect(lastBefore(t.activity, 3)?.activity).toBe('queued');
    expect(lastBefore(t.activity, 1)).toBeUndefined();
    expect(lastBefore(t.activity, life.length)?.activity).toBe('done');
    expect(countBefore(t.transitions, 7)).toBe(1);
  });

  it('keeps the join waker owner from set_join_waker until it is cleared', () => {
    const events = traceBuilder()
      .spawn(1)
      .spawn(2)
      .pollStart(2)
      .state(1, 204, 220, 'set_join_waker', 'Ok')
      .pollEnd(2, 'pending')
      .state(1, 220, 204, 'unset_waker', 'Ok')
      .build();
    const h = indexed(events);
    const jw = h.task(1)?.joinWaker ?? [];
    expect(lastBefore(jw, 4)?.owner).toBe(2);
    expect(lastBefore(jw, 6)?.owner).toBeUndefined();
  });

  it('names the waker’s caller: the event’s task, else the poller, else the runtime (driver)', () => {
    const events = traceBuilder()
      .spawn(1)
      .spawn(2)
      .wake(1, 0) // outside any poll: a timer firing in the driver
      .pollStart(2)
      .wake(1, 0) // inside task 2's poll
      .pollEnd(2, 'pending')
      .wake(1, 7) // the event says who
      .build();
    const h = indexed(events);
    expect(h.wakes.map((w) => w.by)).toEqual([RUNTIME_ACTOR, 2, 7]);
  });

  it('tracks JoinSets, tokens, the blocking pool and worker park states', () => {
    const b = traceBuilder()
      .event({ type: 'joinset.create', task: 0, set: 1, value: 0 })
      .spawn(3)
      .event({ type: 'joinset.spawn', task: 3, set: 1, value: 1 })
      .event({ type: 'joinset.join', task: 3, set: 1, value: 1 })
      .event({ type: 'token.create', task: 0, token: 1, value: 0 })
      .event({ type: 'token.create', task: 0, token: 2, value: 1 })
      .event({ type: 'token.wait', task: 0, token: 2, value: 3 })
      .event({ type: 'token.cancel', task: 0, token: 1, value: 0 })
      .spawn(4, undefined, 0, true)
      .event({ type: 'blocking.queued', task: 4, thread: 0, value: 1 })
      .event({ type: 'blocking.thread_spawn', task: 0, thread: 0, value: 0 })
      .event({ type: 'blocking.job_start', task: 4, thread: 0, value: 0 })
      .event({ type: 'blocking.thread_spawn', task: 9, thread: 1, value: 0 })
      .event({ type: 'worker.park', task: 0, worker: 1, inDriver: true })
      .event({ type: 'worker.unpark', task: 0, worker: 1, wasParked: true })
      .event({ type: 'worker.searching', task: 0, worker: 1, searching: true })
      .event({ type: 'worker.turn', task: 0, worker: -1, timeAdvance: false });
    const h = indexed(b.build());
    const set = h.joinSet(1);
    expect(set?.members).toEqual([{ task: 3, at: 2, joinAt: 3, outcome: 1 }]);
    expect(h.token(2)?.parent).toBe(1);
    expect(h.token(2)?.waiters).toEqual([{ task: 3, at: 6 }]);
    expect(h.token(1)?.cancelAt).toBe(7);
    expect(h.blockingJobs).toEqual([{ task: 4, at: 9, leftAt: 11 }]);
    expect(h.blockingThreads[0].map((m) => m.state)).toEqual(['spawned', 'running']);
    expect(h.workerJobs[1]).toBe(9);
    expect(h.workers[1].map((m) => [m.parked, m.driver, m.searching])).toEqual([
      [true, true, false],
      [false, false, false],
      [false, false, true],
    ]);
    expect(h.workers[0]).toEqual([]);
    expect(h.turns).toEqual([{ at: 16, worker: -1 }]);
  });

  it('syncs incrementally: batches give the same index as one pass (property)', () => {
    fc.assert(
      fc.property(traceArbitrary(), fc.nat(), (events, cut) => {
        const whole = indexed(events);
        const split = new TraceHistory();
        const k = events.length === 0 ? 0 : cut % (events.length + 1);
        split.syncFrom({ length: k, eventAt: (i) => events[i] });
        split.syncFrom({ length: events.length, eventAt: (i) => events[i] });
        expect(split.length).toBe(events.length);
        expect(split.taskIds).toEqual(whole.taskIds);
        for (const id of whole.taskIds) expect(split.task(id)).toEqual(whole.task(id));
        expect(split.wakes).toEqual(whole.wakes);
      }),
      { seed: 20260522, numRuns: 200 },
    );
  });

  it('lastBefore agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50)), fc.integer({ min: -1, max: 60 }), (raw, p) => {
        const marks = [...raw].sort((a, b) => a - b).map((at) => ({ at }));
        const naive = marks.filter((m) => m.at < p);
        expect(countBefore(marks, p)).toBe(naive.length);
        expect(lastBefore(marks, p)).toBe(naive[naive.length - 1]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
