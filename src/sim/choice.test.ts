import { afterEach, describe, expect, it } from 'vitest';
import { ChoicePoint, ForcedChooser, SEEDED, describeOption, type ChoiceRequest } from './choice.ts';
import { resetContextForTests } from './context.ts';
import { runWorkload } from './runtime/test-workloads.ts';
import { SimWorld } from './runtime/world.ts';

afterEach(() => resetContextForTests());

function mtRun(seed: number, chooser = SEEDED) {
  return runWorkload({ flavor: 'multi_thread', workers: 3, seed, world: new SimWorld({ seed, chooser }) });
}

describe('choice points', () => {
  it('a multi_thread run logs its decisions and traces each as a choice event', () => {
    const rt = mtRun(4);
    const log = rt.world.choices;
    expect(log.length).toBeGreaterThan(10);
    const traced = [...rt.trace].filter((e) => e.type === 'choice');
    expect(traced).toHaveLength(log.length);
    expect(new Set(traced.map((e) => (e.type === 'choice' ? e.point : '')))).toContain('mt.turn');
    traced.forEach((e, i) => {
      if (e.type !== 'choice') return;
      expect([e.options, e.taken, e.step]).toEqual([log.options[i], log.taken[i], log.steps[i]]);
    });
    // Without a chooser every decision is the seeded draw.
    expect(log.overrides().size).toBe(0);
  });

  it('a world that keeps no choice log counts the same decisions and traces the same run', () => {
    const kept = mtRun(4);
    const seed = 4;
    const counted = runWorkload({
      flavor: 'multi_thread',
      workers: 3,
      seed,
      world: new SimWorld({ seed, keepChoices: false }),
    });
    expect(counted.world.choices.length).toBe(kept.world.choices.length);
    expect(counted.world.choices.takenAt(0)).toBeUndefined();
    expect(counted.world.choices.taken).toEqual([]);
    expect([...counted.trace]).toEqual([...kept.trace]);
  });

  it('replaying the full list of decisions gives the same trace; forcing one changes nothing before it', () => {
    const a = mtRun(9);
    const replayed = mtRun(9, ForcedChooser.fromList(a.world.choices.taken));
    expect(replayed.trace.hash()).toBe(a.trace.hash());

    const log = a.world.choices;
    const i = log.points.findIndex((p, k) => p === ChoicePoint.MtTurn && k > 5);
    const other = ((log.taken[i] ?? 0) + 1) % (log.options[i] ?? 2);
    const forced = mtRun(9, new ForcedChooser(new Map([[i, other]])));
    expect(forced.world.choices.taken[i]).toBe(other);
    expect(forced.world.choices.taken.slice(0, i)).toEqual(log.taken.slice(0, i));
    const cut = a.trace.firstEventOfStep(log.steps[i] ?? 0);
    const head = (rt: typeof a) => [...rt.trace.events()].slice(0, cut).map((e) => JSON.stringify(e));
    expect(head(forced)).toEqual(head(a));
    expect(forced.trace.hash()).not.toBe(a.trace.hash());
  });

  it('a forced option out of range, or a chooser answer out of range, falls back to the draw', () => {
    const r: ChoiceRequest = {
      point: ChoicePoint.SelectStart,
      options: 3,
      drawn: 2,
      index: 0,
      ids: [0, 1, 2],
      current: -1,
    };
    expect(new ForcedChooser(new Map([[0, 7]])).choose(r)).toBe(2);
    const world = new SimWorld({ chooser: { choose: () => 99 } });
    expect(world.choose(ChoicePoint.SelectStart, 3, 1)).toBe(1);
    // One option is no decision: nothing is logged.
    expect(world.choose(ChoicePoint.SelectStart, 1, 0)).toBe(0);
    expect(world.choices.length).toBe(1);
  });

  it('names each option in words', () => {
    expect(describeOption(ChoicePoint.MtTurn, 0)).toBe("block_on's thread acts");
    expect(describeOption(ChoicePoint.MtTurn, 3)).toBe('worker 1 acts');
    expect(describeOption(ChoicePoint.SelectStart, 1)).toBe('branch 1 is polled first');
  });
});
