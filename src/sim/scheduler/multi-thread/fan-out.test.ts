import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resetContextForTests } from '../../context.ts';
import { fanOut } from './bench.ts';

afterEach(() => resetContextForTests());

describe('4-worker fan-out (§6.3 stealing, determinism)', () => {
  it('10,000 tasks all complete, stealing happens, and the same seed gives the same trace', () => {
    const a = fanOut(10_000, { seed: 7, checkRefs: true });
    expect(a.completed).toBe(10_000);
    expect(a.steals).toBeGreaterThan(0);
    const b = fanOut(10_000, { seed: 7 });
    expect(b.traceHash()).toBe(a.traceHash());
    expect(b.steps).toBe(a.steps);
  });

  it('different seeds give different interleavings', () => {
    const hashes = new Set([1, 2, 3, 4].map((seed) => fanOut(2_000, { seed }).traceHash()));
    expect(hashes.size).toBeGreaterThan(1);
  });

  it('any seed and worker count: every task completes and the ref counts stay consistent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 700 }),
        (seed, workers, n) => {
          const r = fanOut(n, { seed, workers, checkRefs: true });
          expect(r.completed).toBe(n);
        },
      ),
      { numRuns: 40, seed: 2024 },
    );
  });
});
