import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../store/index.ts';
import { TraceHistory } from '../../store/view/derive-history.ts';
import { TraceBuilder } from '../../store/view/trace-builder.ts';
import { nextPolled, wakesAtStep } from './cause.ts';

function historyOf(events: readonly SimEvent[]): TraceHistory {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i: number) => events[i] });
  return h;
}

// Step 0: spawn 1 and 2 and queue them. Step 1: poll 1 (pending). Step 2: task 2 runs and wakes 1;
// the driver wakes 2 later, in step 3.
function trace(): SimEvent[] {
  const b = new TraceBuilder();
  b.spawn(1).spawn(2).push('local', 1).push('local', 2);
  b.nextStep().pop('local', 1).pollStart(1).pollEnd(1, 'pending');
  b.nextStep().pop('local', 2).pollStart(2).wake(1, 2).push('local', 1).pollEnd(2, 'pending');
  b.nextStep().wake(2, -1).push('local', 2);
  return b.build();
}

describe('wakesAtStep', () => {
  it('says who woke whom in the step on show, and nothing for other steps', () => {
    const events = trace();
    const h = historyOf(events);
    const endOfStep2 = events.findIndex((e) => e.step === 3);
    expect(wakesAtStep(h.wakes, endOfStep2, 2)).toEqual([{ target: 1, waker: { kind: 'task', task: 2 }, byVal: true }]);
    expect(wakesAtStep(h.wakes, events.length, 3)).toEqual([{ target: 2, waker: { kind: 'driver' }, byVal: true }]);
    expect(wakesAtStep(h.wakes, endOfStep2, 1)).toEqual([]);
  });
});

describe('nextPolled', () => {
  it('names the task whose poll comes next', () => {
    const events = trace();
    const h = historyOf(events);
    expect(nextPolled(h, 0)).toBe(1);
    const afterFirstPoll = events.findIndex((e) => e.step === 2);
    expect(nextPolled(h, afterFirstPoll)).toBe(2);
    expect(nextPolled(h, events.length)).toBeUndefined();
  });

  it('agrees at every position with a scan of each task’s own marks (the run-wide poll index is exact)', () => {
    const b = new TraceBuilder();
    b.spawn(1).spawn(2).spawn(3).push('local', 1).push('local', 2).push('local', 3);
    b.nextStep().pop('local', 1).pollStart(1).pollEnd(1, 'pending');
    b.nextStep().pop('local', 3).pollStart(3).wake(1, 3).push('local', 1).pollEnd(3, 'ready');
    b.nextStep().pop('local', 1).pollStart(1).pollEnd(1, 'pending');
    b.nextStep().pop('local', 2).pollStart(2).wake(1, 2).push('local', 1).pollEnd(2, 'ready');
    b.nextStep().pop('local', 1).pollStart(1).pollEnd(1, 'ready');
    const events = b.build();
    const h = historyOf(events);
    const byScan = (position: number): number | undefined => {
      let best: { at: number; task: number } | undefined;
      for (const id of h.taskIds) {
        const m = (h.task(id)?.activity ?? []).find((x) => x.at >= position && x.activity === 'running');
        if (m !== undefined && (best === undefined || m.at < best.at)) best = { at: m.at, task: id };
      }
      return best?.task;
    };
    const seen = new Set<number | undefined>();
    for (let p = 0; p <= events.length; p++) {
      expect(nextPolled(h, p)).toBe(byScan(p));
      seen.add(nextPolled(h, p));
    }
    expect(seen).toEqual(new Set([1, 2, 3, undefined]));
  });
});
