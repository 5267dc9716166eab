import { describe, expect, it } from 'vitest';
import { ChoicePoint, ForcedChooser } from '../choice.ts';
import { SimWorld } from '../runtime/world.ts';
import { OsThreads, type OsThread, ThreadDeadlock } from './os-threads.ts';

/** A thread that logs `name` at each step and blocks for `sleeps[i]` ns of real time between steps. */
function sleeper(ts: OsThreads, log: string[], name: string, sleeps: number[]): OsThread {
  let i = 0;
  return ts.spawn(name, (t) => {
    log.push(`${name}@${ts.world.realNow}`);
    if (i >= sleeps.length) return true;
    const wake = ts.world.realNow + sleeps[i++];
    t.blocker = { ready: () => false, deadline: wake };
    return false;
  });
}

describe('std threads on the real-time axis', () => {
  it('a blocked main thread runs the others; real time moves only to the earliest deadline', () => {
    const ts = new OsThreads(new SimWorld({ seed: 1 }));
    const log: string[] = [];
    const a = sleeper(ts, log, 'a', [30]);
    const b = sleeper(ts, log, 'b', [10, 10]);
    ts.blockInline({ ready: () => a.done && b.done, deadline: Number.POSITIVE_INFINITY });
    expect(log.filter((l) => l.startsWith('a'))).toEqual(['a@0', 'a@30']);
    expect(log.filter((l) => l.startsWith('b'))).toEqual(['b@0', 'b@10', 'b@20']);
    expect(ts.world.realNow).toBe(30);
    expect(ts.current).toBe(ts.main);
  });

  it('which of two runnable threads goes first is a logged choice the explorer can force', () => {
    const first = (taken: number): string => {
      const world = new SimWorld({ seed: 1, chooser: new ForcedChooser(new Map([[0, taken]])) });
      const ts = new OsThreads(world);
      const log: string[] = [];
      const a = sleeper(ts, log, 'a', []);
      const b = sleeper(ts, log, 'b', []);
      ts.blockInline({ ready: () => a.done && b.done, deadline: Number.POSITIVE_INFINITY });
      expect(world.choices.points[0]).toBe(ChoicePoint.OsThread);
      return log[0];
    };
    expect([first(0), first(1)]).toEqual(['a@0', 'b@0']);
  });

  it('waiting on what no thread can bring about is a deadlock, not a hang', () => {
    const ts = new OsThreads(new SimWorld({ seed: 1 }));
    expect(() => ts.blockInline({ ready: () => false, deadline: Number.POSITIVE_INFINITY })).toThrow(ThreadDeadlock);
    // a deadline alone moves real time to it
    ts.blockInline({ ready: () => false, deadline: 500 });
    expect(ts.world.realNow).toBe(500);
  });
});
