import { afterEach, describe, expect, it } from 'vitest';
import { resetContextForTests } from '../context.ts';
import { spawnAndAwait } from './spawn-and-await.ts';

afterEach(() => resetContextForTests());

describe('spawnAndAwait (the 1M-task bench scenario, small)', () => {
  it('reports the trace bytes the events use, not the chunk capacity', () => {
    const r = spawnAndAwait(1000);
    expect(r.sum).toBe((999 * 1000) / 2);
    // At least the 5 bytes of a record whose fields are all small, and less than the 16 a
    // fixed-width record took, positions, segments and time changes included.
    expect(r.traceBytes).toBeGreaterThan(r.events * 5);
    expect(r.traceBytes).toBeLessThan(r.events * 16);
    // A 1000-task run fills a fraction of the first 1 MiB chunk.
    expect(r.traceAllocatedBytes).toBeGreaterThan(r.traceBytes);
    const off = spawnAndAwait(1000, 'one-by-one', 'off');
    expect([off.events, off.traceBytes]).toEqual([0, 0]);
  });
});
