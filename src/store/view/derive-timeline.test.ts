import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { TraceHistory } from './derive-history.ts';
import { deriveTimeline, laneSegments, recentTasks, recentTasksByScan } from './derive-timeline.ts';
import { traceBuilder } from './trace-builder.ts';

function history(events: readonly SimEvent[]): TraceHistory {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
  return h;
}

// step 0: main spawns 1 and 2; step 1: 1 runs, goes idle; step 2: 2 runs and wakes 1;
// step 3: 1 runs to completion at 10 ms.
const events = traceBuilder()
  .pollStart(0)
  .spawn(1)
  .push('local', 1)
  .spawn(2)
  .push('local', 2)
  .pollEnd(0, 'pending')
  .nextStep()
  .pop('local', 1)
  .pollStart(1)
  .pollEnd(1, 'pending')
  .nextStep()
  .pop('local', 2)
  .pollStart(2)
  .wake(1, 2)
  .push('local', 1)
  .pollEnd(2, 'ready')
  .nextStep()
  .at(10_000_000)
  .pop('local', 1)
  .pollStart(1)
  .pollEnd(1, 'ready')
  .build();

describe('deriveTimeline', () => {
  it('draws queued, running and idle segments per lane over steps', () => {
    const m = deriveTimeline(history(events), events.length, 3);
    expect(m.fromStep).toBe(0);
    expect(m.toStep).toBe(4);
    const lane = (id: number) => m.lanes.find((l) => l.task === id)?.segments;
    // Idle between its poll in step 1 and the wake in step 2 takes no whole step: not drawn.
    expect(lane(1)).toEqual([
      { activity: 'queued', fromStep: 0, toStep: 1 },
      { activity: 'running', fromStep: 1, toStep: 2 },
      { activity: 'queued', fromStep: 2, toStep: 3 },
      { activity: 'running', fromStep: 3, toStep: 4 },
    ]);
    expect(lane(2)?.map((s) => s.activity)).toEqual(['queued', 'running']);
    expect(m.lanes[0].label).toBe('main');
  });

  it('draws an arrow for each wake, from the waker’s lane', () => {
    const m = deriveTimeline(history(events), events.length, 3);
    expect(m.arrows).toEqual([{ at: 11, step: 2, from: 2, to: 1, byVal: true }]);
  });

  it('marks virtual time where it moves', () => {
    const m = deriveTimeline(history(events), events.length, 3);
    expect(m.ticks).toEqual([
      { step: 0, ms: 0 },
      { step: 3, ms: 10 },
    ]);
  });

  it('shows only what happened before the position', () => {
    const m = deriveTimeline(history(events), 8, 1);
    expect(m.arrows).toEqual([]);
    expect(m.lanes.find((l) => l.task === 1)?.segments.map((s) => s.activity)).toEqual(['queued', 'running']);
  });

  it('keeps a bounded window of steps and lanes, always with the selected task', () => {
    const b = traceBuilder();
    for (let i = 1; i <= 30; i++) b.spawn(i).push('local', i).nextStep();
    const many = b.build();
    const m = deriveTimeline(history(many), many.length, 29, { window: 10, maxLanes: 5, selected: 3 });
    expect(m.fromStep).toBe(20);
    // The most recently active (30, 29, 28), plus the selected one, in id order.
    expect(m.lanes.map((l) => l.task)).toEqual([3, 28, 29, 30]);
    expect(m.hiddenLanes).toBe(26);
    expect(m.lanes.find((l) => l.task === 3)?.segments).toEqual([{ activity: 'queued', fromStep: 20, toStep: 30 }]);
  });
});

describe('laneSegments', () => {
  it('merges a lane’s marks into segments clipped to the window', () => {
    const marks = [
      { at: 0, step: 0, time: 0, activity: 'queued' as const },
      { at: 1, step: 2, time: 0, activity: 'running' as const },
      { at: 2, step: 3, time: 0, activity: 'done' as const },
    ];
    expect(laneSegments(marks, 3, 1, 10)).toEqual([
      { activity: 'queued', fromStep: 1, toStep: 2 },
      { activity: 'running', fromStep: 2, toStep: 3 },
    ]);
  });
});

/** Tasks spawned, queued, polled (pending or ready) and woken over many steps, in any order. */
const lifeArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.nat(4), fc.boolean()), { maxLength: 120 })
  .map((ops) => {
    const b = traceBuilder();
    const spawned = new Set<number>();
    for (const [task, op, newStep] of ops) {
      if (newStep) b.nextStep();
      if (!spawned.has(task)) {
        spawned.add(task);
        b.spawn(task);
      } else if (op === 0) b.push('local', task);
      else if (op === 1) b.pollStart(task).pollEnd(task, 'pending');
      else if (op === 2) b.pollStart(task).pollEnd(task, 'ready');
      else b.wake(task, 0);
    }
    return b.build();
  });

describe('recentTasks', () => {
  it('picks the same lanes and count from the change log as a visit of every task', () => {
    fc.assert(
      fc.property(
        lifeArbitrary,
        fc.nat(140),
        fc.nat(6),
        fc.nat(8),
        fc.option(fc.nat(6), { nil: undefined }),
        (events, pos, back, keep, selected) => {
          const h = history(events);
          const position = Math.min(pos, events.length);
          const step = position > 0 ? events[position - 1].step : 0;
          const fromStep = Math.max(0, step + 1 - back);
          const q = { position, fromStep, keep, selected };
          expect(recentTasks(h, q)).toEqual(recentTasksByScan(h, q));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads only the recent changes when many tasks are spawned', () => {
    const b = traceBuilder().pollStart(0);
    for (let id = 1; id <= 2000; id++) b.spawn(id).push('local', id);
    b.pollEnd(0, 'pending').nextStep().pop('local', 7).pollStart(7).pollEnd(7, 'pending');
    const events = b.build();
    const h = history(events);
    const r = recentTasks(h, { position: events.length, fromStep: 0, keep: 3 });
    expect(r.chosen).toEqual([7, 2000, 1999]);
    expect(r.candidates).toBe(2000);
  });
});
