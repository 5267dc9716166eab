import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { TraceHistory } from './derive-history.ts';
import { chooseLanes, scanLanes } from './timeline-lanes.ts';
import { traceArbitrary, uniqueSpawns } from './trace-arbitrary.ts';
import { traceBuilder } from './trace-builder.ts';

function history(events: readonly SimEvent[]): TraceHistory {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
  return h;
}

describe('chooseLanes', () => {
  it('answers as the per-task scan does, at every position, window and lane count', () => {
    fc.assert(
      fc.property(
        traceArbitrary(300),
        fc.array(fc.tuple(fc.nat(320), fc.nat(40), fc.nat(5), fc.option(fc.nat(7), { nil: undefined })), {
          minLength: 1,
          maxLength: 12,
        }),
        (raw, asks) => {
          const events = uniqueSpawns(raw);
          const h = history(events);
          expect(h.respawns).toBe(0);
          for (const [p, fromStep, keep, selected] of asks) {
            const position = Math.min(p, events.length);
            const q = { position, fromStep, keep, selected };
            expect(chooseLanes(h, q)).toEqual(scanLanes(h, q));
          }
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });

  it('counts a task that finished, was queued again and is not done as competing', () => {
    const events = traceBuilder()
      .spawn(1)
      .spawn(2)
      .pollStart(1)
      .pollEnd(1, 'ready')
      .nextStep()
      .nextStep()
      .push('local', 1)
      .nextStep()
      .nextStep()
      .build();
    const h = history(events);
    expect(h.revived).toHaveLength(1);
    // Task 1's 'done' (step 0) is followed by a push (step 2): at the end it still competes.
    expect(chooseLanes(h, { position: events.length, fromStep: 3, keep: 4, selected: undefined })).toEqual({
      chosen: [1, 2],
      candidates: 2,
    });
    // Before the push, its latest mark is the 'done' of step 0, before the window: it is gone.
    expect(chooseLanes(h, { position: 4, fromStep: 1, keep: 4, selected: undefined })).toEqual({
      chosen: [2],
      candidates: 1,
    });
  });

  it('falls back to the scan when an id was spawned twice', () => {
    const events = traceBuilder().spawn(1).pollStart(1).pollEnd(1, 'ready').nextStep().spawn(1).build();
    const h = history(events);
    expect(h.respawns).toBe(1);
    const q = { position: events.length, fromStep: 0, keep: 3, selected: undefined };
    expect(chooseLanes(h, q)).toEqual(scanLanes(h, q));
  });
});
