import { describe, expect, it } from 'vitest';
import { PENDING, type Future } from '../future.ts';
import { detachedTask, done, fn, seq, TestRuntime } from '../sync/test-harness.ts';
import type { Result } from '../sync/result.ts';
import { sleep } from './sleep.ts';
import { ELAPSED, timeout, timeoutAt, type Elapsed } from './timeout.ts';

const MS = 1_000_000;

describe('timeout', () => {
  it('returns the inner value when it finishes first', () => {
    const rt = new TestRuntime();
    const t = rt.spawn(seq([() => timeout(50 * MS, sleep(20 * MS, rt), rt), (r) => done(r)]));
    rt.run();
    expect(t.output).toEqual({ ok: true, value: undefined });
    // The timeout's own entry was cancelled when the Timeout was dropped: no jump to 50 ms.
    expect(rt.clock.now()).toBe(20 * MS);
  });

  it('elapses with Display "deadline has elapsed" and drops the inner future', () => {
    const rt = new TestRuntime();
    let innerDropped = 0;
    const never: Future<number> = fn<number>(
      () => PENDING,
      () => innerDropped++,
    );
    const t = rt.spawn(seq([() => timeoutAt(30 * MS, never, rt), (r) => done(r)]));
    rt.run();
    const r = t.output as Result<number, Elapsed>;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.display()).toBe('deadline has elapsed');
    expect(r).toEqual({ ok: false, error: ELAPSED });
    expect(innerDropped).toBe(1);
    expect(rt.clock.now()).toBe(30 * MS);
  });

  it('checks the deadline unconstrained when the inner future used the last budget unit', () => {
    const rt = new TestRuntime();
    const t = detachedTask();
    const greedy: Future<number> = fn<number>((cx) => {
      // Consume the remaining budget, then report Pending (like a busy channel loop).
      while (rt.coop.pollProceed(cx)) rt.coop.madeProgress();
      return PENDING;
    });
    const to = timeout(0, greedy, rt);
    rt.coop.enter(5);
    const r = rt.within(() => to.poll(t.cx));
    expect(r).toEqual({ ok: false, error: ELAPSED });
    expect(rt.coop.value).toBe(0);
    rt.coop.exit();
    to.drop();
  });

  it('does not check the deadline when the budget was already gone before polling', () => {
    const rt = new TestRuntime();
    const t = detachedTask();
    const to = timeout(
      0,
      fn<number>(() => PENDING),
      rt,
    );
    rt.coop.enter(0);
    expect(rt.within(() => to.poll(t.cx))).toBe(PENDING);
    rt.coop.exit();
    to.drop();
  });
});
