import { describe, expect, it } from 'vitest';
import { EventKind } from '../events.ts';
import { PENDING } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { detachedTask, done, seq, TestRuntime, type TestTask } from '../sync/test-harness.ts';
import { RUNTIME_SHUTTING_DOWN_ERROR, sleep, sleepUntil } from './sleep.ts';

const MS = 1_000_000;

describe('Sleep', () => {
  it('advances a paused clock by exactly the deadline (§13.G 86)', () => {
    const rt = new TestRuntime();
    rt.spawn(seq([() => sleep(1500 * MS, rt), () => sleep(1, rt), () => done()]));
    rt.run();
    expect(rt.clock.now()).toBe(1501 * MS);
  });

  it('computes the deadline at creation and registers lazily on the first poll', () => {
    const rt = new TestRuntime();
    const s = sleep(10 * MS, rt);
    expect(rt.trace.ofKind(EventKind.TimerRegister)).toHaveLength(0);
    const t = detachedTask();
    expect(s.poll(t.cx)).toBe(PENDING);
    expect(rt.trace.ofKind(EventKind.TimerRegister)).toEqual([[EventKind.TimerRegister, 0, 1, 10, 0]]);
    expect(t.refs).toBe(1);
    // Re-polling with a waker for the same task keeps the stored clone.
    expect(s.poll(t.cx)).toBe(PENDING);
    expect(t.refs).toBe(1);
    rt.time.park();
    expect(rt.clock.now()).toBe(10 * MS);
    expect(t.wakes).toBe(1);
    expect(t.refs).toBe(0); // woken by value
    expect(s.poll(t.cx)).toBeUndefined();
    expect(s.isElapsed()).toBe(true);
    // The Ready poll stored a clone again; dropping the Sleep releases it.
    expect(t.refs).toBe(1);
    s.drop();
    expect(t.refs).toBe(0);
  });

  it('is Ready on its first poll when the wheel already processed the deadline', () => {
    const rt = new TestRuntime();
    const late = sleep(10 * MS, rt); // deadline 10 ms, not polled
    const t = detachedTask();
    const other = sleep(15 * MS, rt);
    expect(other.poll(t.cx)).toBe(PENDING);
    rt.time.park();
    expect(rt.clock.now()).toBe(15 * MS);
    expect(late.poll(t.cx)).toBeUndefined();
    expect(rt.trace.ofKind(EventKind.TimerRegister)).toHaveLength(1);
    late.drop();
    other.drop();
  });

  it('releases its waker without waking when dropped while registered', () => {
    const rt = new TestRuntime();
    const t = detachedTask();
    const s = sleep(5 * MS, rt);
    s.poll(t.cx);
    expect(t.refs).toBe(1);
    s.drop();
    expect(t.refs).toBe(0);
    expect(t.wakes).toBe(0);
    expect(rt.trace.ofKind(EventKind.TimerCancel)).toHaveLength(1);
    expect(rt.time.nextExpirationTick()).toBeUndefined();
  });

  it('takes one budget unit per Ready poll and none per Pending poll', () => {
    const rt = new TestRuntime();
    const t = detachedTask();
    rt.within(() => budgetScenario(rt, t));
  });

  function budgetScenario(rt: TestRuntime, t: TestTask): void {
    rt.coop.enter(2);
    const pending = sleep(5 * MS, rt);
    expect(pending.poll(t.cx)).toBe(PENDING);
    expect(rt.coop.value).toBe(2);
    const a = sleep(0, rt);
    const b = sleep(0, rt);
    const c = sleep(0, rt);
    expect(a.poll(t.cx)).toBeUndefined();
    expect(b.poll(t.cx)).toBeUndefined();
    expect(rt.coop.value).toBe(0);
    // Budget exhausted: Pending even though due, and the waker goes to the defer list.
    expect(c.poll(t.cx)).toBe(PENDING);
    expect(t.refs).toBe(4); // pending + a + b stored clones, plus the deferred clone
    rt.coop.exit();
    for (const s of [pending, a, b, c]) s.drop();
  }

  it('fires entries with the same deadline in registration order (§13.G 81, ct)', () => {
    const rt = new TestRuntime();
    for (const name of ['D', 'A', 'B', 'C']) {
      rt.spawn(seq([() => sleep(10 * MS, rt), () => (rt.print(name), done())]));
    }
    rt.run();
    expect(rt.log).toEqual(['[10ms] D', '[10ms] A', '[10ms] B', '[10ms] C']);
  });

  it('wakes more than one batch of 32 in firing order', () => {
    const rt = new TestRuntime();
    const order: number[] = [];
    for (let i = 0; i < 70; i++) rt.spawn(seq([() => sleep(3 * MS, rt), () => (order.push(i), done())]));
    rt.run();
    expect(order).toEqual([...Array(70).keys()]);
  });

  it('sleep_until takes an absolute instant', () => {
    const rt = new TestRuntime();
    rt.spawn(seq([() => sleepUntil(42 * MS + 1, rt), () => done()]));
    rt.run();
    expect(rt.clock.now()).toBe(43 * MS);
  });

  it('fires pending entries at driver shutdown, then panics when polled', () => {
    const rt = new TestRuntime();
    const t = detachedTask();
    const s = sleep(1000 * MS, rt);
    s.poll(t.cx);
    rt.time.shutdown();
    expect(t.wakes).toBe(1);
    expect(() => s.poll(t.cx)).toThrow(new RustPanic(RUNTIME_SHUTTING_DOWN_ERROR));
    s.drop();
    expect(t.refs).toBe(0);
  });
});
