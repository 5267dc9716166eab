import { describe, expect, it } from 'vitest';
import { PENDING, type Future } from '../future.ts';
import { ACQUIRE_ERROR, TryAcquireError } from './batch-semaphore.ts';
import { Mutex, type MutexGuard, TRY_LOCK_ERROR } from './mutex.ts';
import { Semaphore, type SemaphorePermit } from './semaphore.ts';
import { detachedTask, done, fn, seq, TestRuntime } from './test-harness.ts';

describe('Semaphore', () => {
  it('serves waiters FIFO, and a newcomer never overtakes a partially served waiter', () => {
    const s = new Semaphore(1);
    const log: number[] = [];
    const [a, b] = [detachedTask(1, log), detachedTask(2, log)];
    const big = s.acquireMany(3);
    expect(big.poll(a.cx)).toBe(PENDING); // takes the 1 available permit, owed 2 more
    expect(s.availablePermits()).toBe(0);
    const small = s.acquire();
    expect(small.poll(b.cx)).toBe(PENDING);
    s.addPermits(1);
    expect(log).toEqual([]); // still owed 1
    s.addPermits(2);
    expect(log).toEqual([1, 2]);
    const p1 = big.poll(a.cx) as { ok: true; value: SemaphorePermit };
    const p2 = small.poll(b.cx) as { ok: true; value: SemaphorePermit };
    expect([p1.value.numPermits(), p2.value.numPermits()]).toEqual([3, 1]);
    expect(s.availablePermits()).toBe(0);
    p1.value.drop();
    p2.value.drop();
    expect(s.availablePermits()).toBe(4);
    expect([a.refs, b.refs]).toEqual([0, 0]);
    big.drop();
    small.drop();
  });

  it('a dropped waiter returns the permits it had been assigned', () => {
    const s = new Semaphore(2);
    const t = detachedTask();
    const f = s.acquireMany(5);
    expect(f.poll(t.cx)).toBe(PENDING);
    expect(s.availablePermits()).toBe(0);
    f.drop();
    expect(s.availablePermits()).toBe(2);
    expect(t.refs).toBe(0);
  });

  it('close wakes waiters with AcquireError and fails try_acquire', () => {
    const s = new Semaphore(0);
    const t = detachedTask();
    const f = s.acquire();
    f.poll(t.cx);
    s.close();
    expect(t.wakes).toBe(1);
    expect(f.poll(t.cx)).toEqual({ ok: false, error: ACQUIRE_ERROR });
    expect(ACQUIRE_ERROR.display()).toBe('semaphore closed');
    expect(s.tryAcquire()).toEqual({ ok: false, error: TryAcquireError.Closed });
    f.drop();
  });

  it('try_acquire reports no permits; forget keeps them out', () => {
    const s = new Semaphore(1);
    const p = s.tryAcquire();
    expect(p.ok).toBe(true);
    expect(s.tryAcquire()).toEqual({ ok: false, error: TryAcquireError.NoPermits });
    expect(TryAcquireError.NoPermits.display()).toBe('no permits available');
    if (p.ok) p.value.forget();
    expect(s.availablePermits()).toBe(0);
    s.addPermits(3);
    expect(s.forgetPermits(5)).toBe(3);
  });

  it('wakes more than 32 satisfied waiters in queue order', () => {
    const s = new Semaphore(0);
    const log: number[] = [];
    const fs = Array.from({ length: 40 }, (_, i) => {
      const t = detachedTask(i, log);
      const f = s.acquire();
      f.poll(t.cx);
      return f;
    });
    s.addPermits(40);
    expect(log).toEqual([...Array(40).keys()]);
    for (const f of fs) f.drop();
  });
});

describe('Mutex', () => {
  it('hands the lock over in FIFO order', () => {
    const rt = new TestRuntime();
    const m = new Mutex(0);
    const order: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      rt.spawn(
        seq([
          () => m.lock(),
          (g) => {
            const guard = g as MutexGuard<number>;
            order.push(`${name}:${guard.get()}`);
            guard.set(guard.get() + 1);
            return seq([() => yieldOnce(), () => (guard.drop(), done())]);
          },
          () => done(),
        ]),
      );
    }
    rt.run();
    expect(order).toEqual(['A:0', 'B:1', 'C:2']);
    expect(m.isLocked()).toBe(false);
    expect(m.tryLock().ok).toBe(true);
  });

  it('try_lock fails with "operation would block" while locked', () => {
    const m = new Mutex('x');
    const g = m.tryLock();
    expect(m.tryLock()).toEqual({ ok: false, error: TRY_LOCK_ERROR });
    expect(TRY_LOCK_ERROR.display()).toBe('operation would block');
    if (g.ok) g.value.drop();
    expect(m.isLocked()).toBe(false);
  });

  it('lock takes one unit of coop budget', () => {
    const rt = new TestRuntime();
    const m = new Mutex(1);
    const t = detachedTask();
    rt.within(() => {
      rt.coop.enter(1);
      const l = m.lock();
      const g = l.poll(t.cx);
      expect(g).not.toBe(PENDING);
      expect(rt.coop.value).toBe(0);
      const l2 = m.lock();
      expect(l2.poll(t.cx)).toBe(PENDING);
      expect(m.sem.waiterCount()).toBe(0); // refused by coop before queueing
      rt.coop.exit();
      l.drop();
      l2.drop();
    });
  });
});

/** A future that is Pending once (waking itself) and then Ready. */
function yieldOnce(): Future<void> {
  let yielded = false;
  return fn<void>((cx) => {
    if (yielded) return undefined;
    yielded = true;
    cx.waker.wakeByRef();
    return PENDING;
  });
}
