import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PVec } from '../persistent/pvec.ts';
import { arrayLog, createFoldTimeline } from './fold-timeline.ts';
import type { EventLog } from './fold-timeline.ts';

/** A toy event: which step it belongs to and a value to fold. */
interface Ev {
  readonly step: number;
  readonly v: number;
}

/** An order-sensitive immutable fold, so a wrong prefix or a wrong order shows. */
interface Acc {
  readonly hash: number;
  readonly count: number;
  readonly log: PVec<number>;
}
const initial: Acc = { hash: 17, count: 0, log: PVec.empty() };
const reduce = (s: Acc, e: Ev): Acc => ({
  hash: (Math.imul(s.hash, 31) + e.v) | 0,
  count: s.count + 1,
  log: s.log.push(e.v),
});
const freshFold = (events: readonly Ev[], n: number): Acc => events.slice(0, n).reduce(reduce, initial);

/** Events with non-decreasing steps: each entry says how many events the next step has. */
const traceArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })), { maxLength: 150 })
  .map((steps) => {
    const events: Ev[] = [];
    let step = 0;
    for (const [count, gap] of steps) {
      step += gap;
      for (let i = 0; i < count; i++) events.push({ step, v: events.length * 7 + step });
    }
    return events;
  });

function splitIntoBatches<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let prev = 0;
  for (const p of [...points, xs.length]) {
    out.push(xs.slice(prev, p));
    prev = p;
  }
  return out;
}

describe('createFoldTimeline', () => {
  it('seek(i) equals a fresh fold of the first i events, for random i, K and batching', () => {
    fc.assert(
      fc.property(
        traceArb,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.integer({ min: -5, max: 700 }), { minLength: 1, maxLength: 20 }),
        (events, k, cuts, seeks) => {
          const tl = createFoldTimeline<Acc, Ev>({ initial, reduce, checkpointEvery: k, stepOf: (e) => e.step });
          for (const batch of splitIntoBatches(events, cuts)) tl.append(batch);
          expect(tl.length).toBe(events.length);
          for (const raw of seeks) {
            const i = Math.max(0, Math.min(events.length, raw));
            const expected = freshFold(events, i);
            expect(tl.stateAt(raw)).toEqual(expected);
            expect(tl.seek(raw)).toEqual(expected);
            expect(tl.position).toBe(i);
          }
        },
      ),
      { seed: 20240601, numRuns: 150 },
    );
  });

  it('the same holds with a mutating reducer and clone', () => {
    interface Mut {
      sum: number;
      items: number[];
    }
    fc.assert(
      fc.property(
        traceArb,
        fc.integer({ min: 1, max: 16 }),
        fc.array(fc.nat(700), { maxLength: 15 }),
        (events, k, seeks) => {
          const tl = createFoldTimeline<Mut, Ev>({
            initial: { sum: 0, items: [] },
            reduce: (s, e) => {
              s.sum += e.v;
              s.items.push(e.v);
              return s;
            },
            clone: (s) => ({ sum: s.sum, items: s.items.slice() }),
            checkpointEvery: k,
          });
          tl.append(events);
          for (const raw of seeks) {
            const i = Math.min(events.length, raw);
            const want = events.slice(0, i).map((e) => e.v);
            expect(tl.stateAt(raw).items).toEqual(want);
            expect(tl.seek(raw).items).toEqual(want);
          }
          expect(tl.head.items).toEqual(events.map((e) => e.v));
        },
      ),
      { seed: 99, numRuns: 100 },
    );
  });

  it('maps steps to positions and back', () => {
    const events: Ev[] = [
      { step: 3, v: 1 },
      { step: 3, v: 2 },
      { step: 5, v: 3 },
      { step: 9, v: 4 },
      { step: 9, v: 5 },
      { step: 9, v: 6 },
    ];
    const tl = createFoldTimeline<Acc, Ev>({ initial, reduce, checkpointEvery: 2, stepOf: (e) => e.step });
    tl.append(events);
    expect(tl.stepCount).toBe(3);
    expect([0, 1, 2, 3, 4].map((s) => tl.positionOfStep(s))).toEqual([0, 2, 3, 6, 6]);
    expect([0, 1, 2, 3, 4, 5, 6].map((p) => tl.stepAtPosition(p))).toEqual([0, 1, 1, 2, 3, 3, 3]);
    expect([0, 1, 2, 3].map((o) => tl.stepIdOf(o))).toEqual([3, 5, 9, undefined]);
    expect(tl.ordinalOfStepId(4)).toBe(1);
    expect(tl.ordinalOfStepId(9)).toBe(2);
    expect(tl.ordinalOfStepId(10)).toBe(3);
    expect(tl.seekStep(2).count).toBe(3);
    expect(tl.state.count).toBe(3);
  });

  it('keeps events in a supplied compact log and decodes at most K − 1 of them per seek', () => {
    const steps: number[] = [];
    const values: number[] = [];
    let decoded = 0;
    const log: EventLog<Ev> = {
      get length() {
        return values.length;
      },
      push: (e) => {
        steps.push(e.step);
        values.push(e.v);
      },
      at: (i) => {
        decoded++;
        return { step: steps[i], v: values[i] };
      },
    };
    const k = 16;
    const tl = createFoldTimeline<Acc, Ev>({ initial, reduce, checkpointEvery: k, stepOf: (e) => e.step, log });
    const events: Ev[] = Array.from({ length: 500 }, (_, i) => ({ step: i >> 1, v: i * 3 }));
    tl.append(events);
    for (const p of [0, 15, 16, 17, 250, 499, 500, 3]) {
      decoded = 0;
      expect(tl.seek(p)).toEqual(freshFold(events, p));
      expect(decoded).toBeLessThan(k);
    }
    expect(tl.eventAt(7)).toEqual(events[7]);
    expect(tl.eventAt(500)).toBeUndefined();
    expect(tl.eventAt(-1)).toBeUndefined();
    const used = arrayLog<Ev>();
    used.push(events[0]);
    expect(() => createFoldTimeline<Acc, Ev>({ initial, reduce, log: used })).toThrow(/start empty/);
  });

  it('rejects decreasing steps and bad options', () => {
    const tl = createFoldTimeline<Acc, Ev>({ initial, reduce, stepOf: (e) => e.step });
    expect(() =>
      tl.append([
        { step: 2, v: 0 },
        { step: 1, v: 0 },
      ]),
    ).toThrow(/must not decrease/);
    expect(() => createFoldTimeline<Acc, Ev>({ initial, reduce, checkpointEvery: 0 })).toThrow(RangeError);
    expect(() => createFoldTimeline<Acc, Ev>({ initial, reduce, maxCheckpoints: 1 })).toThrow(RangeError);
  });

  it('bounds memory by doubling K and stays correct', () => {
    const tl = createFoldTimeline<Acc, Ev>({ initial, reduce, checkpointEvery: 4, maxCheckpoints: 8 });
    const events: Ev[] = Array.from({ length: 1000 }, (_, i) => ({ step: i, v: i }));
    for (let i = 0; i < events.length; i += 37) tl.append(events.slice(i, i + 37));
    const stats = tl.stats();
    expect(stats.checkpoints).toBeLessThanOrEqual(8);
    expect(stats.checkpointEvery).toBeGreaterThanOrEqual(1000 / 8);
    for (const p of [0, 1, 127, 128, 129, 500, 999, 1000]) expect(tl.stateAt(p)).toEqual(freshFold(events, p));
  });

  // Seek time is measured by `npm run bench` (ui: seek), not asserted here: shared machines vary.
  it('seeks anywhere in a 100,000-event trace', () => {
    const tl = createFoldTimeline<Acc, Ev>({ initial, reduce, stepOf: (e) => e.step });
    const events: Ev[] = Array.from({ length: 100_000 }, (_, i) => ({ step: i >> 2, v: i }));
    tl.append(events);
    // Deterministic pseudo-random positions (no Math.random in tests either).
    let x = 12345;
    for (let n = 0; n < 200; n++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const p = x % 100_001;
      expect(tl.seek(p).count).toBe(p);
    }
  });
});
