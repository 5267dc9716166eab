/**
 * A run is (program, config, seed, forced choices): replaying the decisions a run recorded, as a
 * full list or as the sparse replay key, gives the same trace, byte for byte (trace hash).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../lang/run.ts';
import { FastRand, ForcedChooser, seedFromRunSeed, type ChoiceRequest, type Chooser } from '../sim/index.ts';
import { runOnce } from './explore.ts';
import { decodeReplayKey, encodeReplayKey } from './key.ts';
import { programArb, renderProgram } from './test-programs.ts';

/** Takes a random option at every decision (a schedule no seed would give). */
class RandomChooser implements Chooser {
  private readonly rng: FastRand;
  constructor(seed: number) {
    this.rng = new FastRand(seedFromRunSeed(seed));
  }
  choose(r: ChoiceRequest): number {
    return this.rng.fastrandN(r.options);
  }
}

describe('replaying recorded choices', () => {
  it('reproduces random programs under random schedules exactly', () => {
    fc.assert(
      fc.property(programArb, fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (spec, seed, pick) => {
        const c = compile(renderProgram(spec));
        if (!c.ok) throw new Error(`generated program refused: ${c.diagnostics[0]?.message ?? ''}`);
        const first = runOnce(c.program, {}, seed, new RandomChooser(pick));
        expect(first.error).toBeUndefined();
        const log = first.world.choices;
        const hash = first.world.trace.hash();

        const full = runOnce(c.program, {}, seed, ForcedChooser.fromList(log.taken));
        expect(full.world.trace.hash()).toBe(hash);
        expect(full.stdout).toBe(first.stdout);

        const key = decodeReplayKey(encodeReplayKey({ seed, forced: log.overrides() }));
        if (!key.ok) throw new Error(key.message);
        const sparse = runOnce(c.program, {}, key.schedule.seed, new ForcedChooser(key.schedule.forced));
        expect(sparse.world.trace.hash()).toBe(hash);
        expect(sparse.world.choices.taken).toEqual(log.taken);
      }),
      { seed: 1616, numRuns: 40 },
    );
  });

  it('the random programs really make decisions (the property is not vacuous)', () => {
    const spec = {
      flavor: 'multi_thread' as const,
      workers: 3,
      tasks: [
        ['yield', 'select', 'print'],
        ['spawn', 'yield'],
      ] as const,
      mainOps: ['yield'] as const,
    };
    const c = compile(renderProgram(spec));
    if (!c.ok) throw new Error('refused');
    const r = runOnce(c.program, {}, 3, new RandomChooser(5));
    const points = new Set(r.world.choices.points);
    expect(points.size).toBeGreaterThanOrEqual(2);
    expect(r.world.choices.overrides().size).toBeGreaterThan(0);
  });
});
