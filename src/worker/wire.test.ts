import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventKind } from '../sim/index.ts';
import type { RawEvent } from '../sim/index.ts';
import { BatchPacker, BatchUnpacker } from './wire.ts';
import type { TraceReader } from './wire.ts';

/** A trace of stdout events, `steps[i]` being event i's step; event i prints string i % strings. */
function fakeTrace(steps: readonly number[], strings: readonly string[]): TraceReader & { length: number } {
  const raws: RawEvent[] = steps.map((step, index) => ({
    index,
    step,
    time: step * 1000,
    kind: EventKind.Stdout,
    task: index % 3,
    a: index % strings.length,
    b: 0,
    c: 0,
  }));
  return {
    length: raws.length,
    raws: (from) => raws.slice(from),
    string: (i) => strings[i] ?? '',
  };
}

const texts = (events: ReturnType<BatchUnpacker['unpack']>) =>
  events.map((e) => (e.type === 'stdout' ? e.text : `?${e.type}`));

describe('BatchPacker / BatchUnpacker', () => {
  it('round-trips events and their strings across batches, sending each string once', () => {
    const trace = fakeTrace([0, 0, 1, 1, 1, 2, 3, 3], ['a', 'b', 'c']);
    const packer = new BatchPacker(trace);
    const unpacker = new BatchUnpacker();
    const b1 = packer.next(3);
    const b2 = packer.next(100);
    expect(b1.strings.map(([id]) => id)).toEqual([0, 1]);
    expect(b2.strings.map(([id]) => id)).toEqual([2]);
    const events = [...unpacker.unpack(b1), ...unpacker.unpack(b2)];
    expect(texts(events)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b']);
    expect(events.map((e) => e.step)).toEqual([0, 0, 1, 1, 1, 2, 3, 3]);
    expect(events.map((e) => e.time)).toEqual([0, 0, 1000, 1000, 1000, 2000, 3000, 3000]);
  });

  it('ends a batch on a step boundary, splitting only a step larger than the limit', () => {
    const packer = new BatchPacker(fakeTrace([0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3], ['x']));
    expect([1, 2, 3, 4].map(() => packer.next(4).count)).toEqual([2, 3, 4, 3]);
    expect(packer.pending).toBe(0);
  });

  it('resends a string whose event was cut off by a step boundary', () => {
    const packer = new BatchPacker(fakeTrace([0, 1, 1], ['a', 'b', 'c']));
    const unpacker = new BatchUnpacker();
    const first = packer.next(2);
    expect(first.count).toBe(1);
    expect(texts([...unpacker.unpack(first), ...unpacker.unpack(packer.next(10))])).toEqual(['a', 'b', 'c']);
  });

  it('rejects a batch out of order', () => {
    const packer = new BatchPacker(fakeTrace([0, 1, 2], ['a']));
    packer.next(1);
    expect(() => new BatchUnpacker().unpack(packer.next(1))).toThrow(/out of order/);
  });

  it('any batch sizes give the same events in the same order (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(3), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        (deltas, limits) => {
          let step = 0;
          const steps = deltas.map((d) => (step += d));
          const trace = fakeTrace(steps, ['p', 'q', 'r', 's']);
          const packer = new BatchPacker(trace);
          const unpacker = new BatchUnpacker();
          const events = [];
          for (let k = 0; packer.pending > 0; k++) {
            const batch = packer.next(limits[k % limits.length]);
            expect(batch.count).toBeGreaterThan(0);
            events.push(...unpacker.unpack(batch));
          }
          expect(events.map((e) => e.step)).toEqual(steps);
          expect(texts(events)).toEqual(steps.map((_s, i) => 'pqrs'[i % 4]));
        },
      ),
      { seed: 20261122, numRuns: 200 },
    );
  });
});
