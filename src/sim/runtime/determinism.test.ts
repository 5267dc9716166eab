import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resetContextForTests } from '../context.ts';
import { runWorkload } from './test-workloads.ts';

afterEach(() => resetContextForTests());

const flavorArb = fc.constantFrom('current_thread' as const, 'multi_thread' as const);

describe('determinism through createRuntime (design.md §4: a run is program + config + seed)', () => {
  it('same program, config and seed ⇒ the same trace, byte for byte, on both flavors', () => {
    fc.assert(
      fc.property(flavorArb, fc.integer({ min: 1, max: 6 }), fc.nat(), (flavor, workers, seed) => {
        const a = runWorkload({ flavor, workers, seed });
        const b = runWorkload({ flavor, workers, seed });
        expect(b.trace.length).toBe(a.trace.length);
        expect(b.trace.hash()).toBe(a.trace.hash());
      }),
      { seed: 20251123, numRuns: 24 },
    );
  });

  it('multi_thread: different seeds pick different turns, so traces typically differ', () => {
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 8; seed++)
      hashes.add(runWorkload({ flavor: 'multi_thread', workers: 4, seed }).trace.hash());
    expect(hashes.size).toBeGreaterThanOrEqual(6);
  });

  it('current_thread draws no turns: with no select! the seed changes nothing', () => {
    const a = runWorkload({ flavor: 'current_thread', seed: 1 }).trace.hash();
    expect(runWorkload({ flavor: 'current_thread', seed: 99 }).trace.hash()).toBe(a);
  });

  it('the worker count is part of the config: 1 and 4 workers differ for the same seed', () => {
    const one = runWorkload({ flavor: 'multi_thread', workers: 1, seed: 3 }).trace.hash();
    expect(runWorkload({ flavor: 'multi_thread', workers: 4, seed: 3 }).trace.hash()).not.toBe(one);
  });
});
