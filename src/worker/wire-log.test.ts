import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/index.ts';
import { packedRun, SLEEPERS_PROGRAM } from './testing/packed-run.ts';
import { WireLog } from './wire-log.ts';

describe('WireLog', () => {
  it('decodes every event from the batches it accepted, equal to the unpacked objects', () => {
    const log = new WireLog();
    const objects: SimEvent[] = [];
    for (const { batch, events } of packedRun(SLEEPERS_PROGRAM, 97)) {
      log.accept(batch);
      for (const e of events) log.push(e);
      objects.push(...events);
    }
    expect(objects.length).toBeGreaterThan(500);
    expect(log.length).toBe(objects.length);
    expect(objects.some((e) => e.type === 'stdout')).toBe(true);
    // Backwards, forwards and scattered: the batch hint must not return a neighbour's record.
    for (let i = objects.length - 1; i >= 0; i--) expect(log.at(i)).toEqual(objects[i]);
    for (let i = 0; i < objects.length; i++) expect(log.at(i)).toEqual(objects[i]);
    for (let n = 0; n < 300; n++) {
      const i = (n * 7919) % objects.length;
      expect(log.at(i)).toEqual(objects[i]);
    }
    expect(log.byteSize).toBe(objects.length * 28);
  });

  it('keeps events pushed without their records as objects, and ignores records that would leave a gap', () => {
    const [first, second] = packedRun(SLEEPERS_PROGRAM, 50);
    const log = new WireLog();
    for (const e of first.events) log.push(e);
    log.accept(second.batch);
    for (const e of second.events) log.push(e);
    const all = [...first.events, ...second.events];
    expect(log.byteSize).toBe(0);
    for (let i = 0; i < all.length; i++) expect(log.at(i)).toBe(all[i]);
    expect(() => log.at(all.length)).toThrow(RangeError);
  });
});
