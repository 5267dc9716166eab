import { describe, expect, it } from 'vitest';
import { RustPanic } from '../task/panic.ts';
import { done, seq, TestRuntime } from '../sync/test-harness.ts';
import { interval, intervalAt, PERIOD_ZERO_PANIC } from './interval.ts';
import { sleep } from './sleep.ts';

const MS = 1_000_000;

describe('Interval', () => {
  it('ticks at once, then every period', () => {
    const rt = new TestRuntime();
    const iv = interval(10 * MS, rt);
    const ticks: number[] = [];
    const tick = () => iv.tick();
    const rec = (t: unknown) => (ticks.push((t as number) / MS), iv.tick());
    rt.spawn(seq([tick, rec, rec, rec, (t) => (ticks.push((t as number) / MS), done())], () => iv.drop()));
    rt.run();
    expect(ticks).toEqual([0, 10, 20, 30]);
    expect(rt.clock.now()).toBe(30 * MS);
  });

  it('bursts missed ticks by default and can delay or skip instead', () => {
    for (const [behavior, expected] of [
      ['burst', [0, 10, 20, 30, 40]],
      ['delay', [0, 10, 20, 45, 55]],
      ['skip', [0, 10, 20, 40, 50]],
    ] as const) {
      const rt = new TestRuntime();
      const iv = intervalAt(0, 10 * MS, rt);
      iv.setMissedTickBehavior(behavior);
      const seen: number[] = [];
      const rec = (t: unknown) => {
        seen.push((t as number) / MS);
        return iv.tick();
      };
      rt.spawn(
        seq(
          [
            () => iv.tick(),
            rec,
            (t) => (seen.push((t as number) / MS), sleep(25 * MS, rt)),
            () => iv.tick(),
            rec,
            rec,
            (t) => (seen.push((t as number) / MS), done()),
          ],
          () => iv.drop(),
        ),
      );
      rt.run();
      expect(seen, behavior).toEqual(expected);
    }
  });

  it('panics on a zero period', () => {
    const rt = new TestRuntime();
    expect(() => interval(0, rt)).toThrow(new RustPanic(PERIOD_ZERO_PANIC));
  });
});
