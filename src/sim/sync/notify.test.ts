import { describe, expect, it } from 'vitest';
import { PENDING } from '../future.ts';
import { Notify } from './notify.ts';
import { detachedTask } from './test-harness.ts';

describe('Notify', () => {
  it('notify_one stores a single permit when nobody waits', () => {
    const n = new Notify();
    const t = detachedTask();
    n.notifyOne();
    n.notifyOne();
    const a = n.notified();
    const b = n.notified();
    expect(a.poll(t.cx)).toBeUndefined();
    expect(b.poll(t.cx)).toBe(PENDING);
    expect(t.refs).toBe(1);
    b.drop();
    expect(t.refs).toBe(0);
    a.drop();
  });

  it('notify_one wakes waiters oldest first; notify_last newest first', () => {
    const n = new Notify();
    const ts = [1, 2, 3].map((i) => detachedTask(i));
    const fs = ts.map((t) => {
      const f = n.notified();
      expect(f.poll(t.cx)).toBe(PENDING);
      return f;
    });
    n.notifyOne();
    expect(ts.map((t) => t.wakes)).toEqual([1, 0, 0]);
    n.notifyLast();
    expect(ts.map((t) => t.wakes)).toEqual([1, 0, 1]);
    expect(fs[0].poll(ts[0].cx)).toBeUndefined();
    expect(fs[1].poll(ts[1].cx)).toBe(PENDING);
    expect(fs[2].poll(ts[2].cx)).toBeUndefined();
    for (const f of fs) f.drop();
    expect(ts.map((t) => t.refs)).toEqual([0, 0, 0]);
    expect(n.waiterCount()).toBe(0);
  });

  it('notify_waiters wakes every current waiter in order and stores no permit', () => {
    const n = new Notify();
    const woken: number[] = [];
    const ts = [1, 2, 3, 4].map((i) => detachedTask(i, woken));
    const fs = ts.map((t) => {
      const f = n.notified();
      f.poll(t.cx);
      return f;
    });
    n.notifyWaiters();
    expect(woken).toEqual([1, 2, 3, 4]);
    const late = n.notified();
    expect(late.poll(ts[0].cx)).toBe(PENDING);
    for (const f of fs) expect(f.poll(ts[0].cx)).toBeUndefined();
    late.drop();
    for (const f of fs) f.drop();
  });

  it('a Notified created before notify_waiters completes on its first poll', () => {
    const n = new Notify();
    const t = detachedTask();
    const f = n.notified();
    n.notifyWaiters();
    expect(f.poll(t.cx)).toBeUndefined();
    expect(t.refs).toBe(0);
    f.drop();
    // ... but one created after it does not.
    const g = n.notified();
    expect(g.poll(t.cx)).toBe(PENDING);
    g.drop();
  });

  it('a dropped waiter forwards the notify_one it received', () => {
    const n = new Notify();
    const a = detachedTask(1);
    const b = detachedTask(2);
    const fa = n.notified();
    const fb = n.notified();
    fa.poll(a.cx);
    fb.poll(b.cx);
    n.notifyOne();
    expect([a.wakes, b.wakes]).toEqual([1, 0]);
    fa.drop();
    expect([a.wakes, b.wakes]).toEqual([1, 1]);
    expect(fb.poll(b.cx)).toBeUndefined();
    fb.drop();
    // With nobody left the forwarded permit is stored.
    const fc = n.notified();
    fc.poll(a.cx);
    n.notifyOne();
    fc.drop();
    const fd = n.notified();
    expect(fd.poll(a.cx)).toBeUndefined();
    fd.drop();
  });

  it('enable() registers without a waker', () => {
    const n = new Notify();
    const f = n.notified();
    expect(f.enable()).toBe(false);
    expect(n.waiterCount()).toBe(1);
    n.notifyOne();
    expect(f.enable()).toBe(true);
    f.drop();
  });

  it('re-polling with a waker for the same task keeps the stored clone', () => {
    const n = new Notify();
    const t = detachedTask();
    const u = detachedTask(2);
    const f = n.notified();
    f.poll(t.cx);
    f.poll(t.cx);
    expect(t.refs).toBe(1);
    f.poll(u.cx);
    expect([t.refs, u.refs]).toEqual([0, 1]);
    f.drop();
    expect(u.refs).toBe(0);
  });
});
