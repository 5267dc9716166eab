import { describe, expect, it } from 'vitest';
import { IdleNotifiedSet } from './idle-notified-set.ts';
import { detachedTask } from './test-harness.ts';

describe('IdleNotifiedSet', () => {
  it('pops notified entries in notification order and wakes the owner once per arming', () => {
    const set = new IdleNotifiedSet<string>();
    const owner = detachedTask();
    const [a, b, c] = ['a', 'b', 'c'].map((v) => set.insertIdle(v));
    expect(set.popNotified(owner.pollWaker)).toBeNull();
    expect(owner.refs).toBe(1);
    c.wakeByRef();
    a.wakeByRef();
    b.wakeByRef();
    expect(owner.wakes).toBe(1); // the stored waker is taken by the first wake
    const order: string[] = [];
    for (let e = set.tryPopNotified(); e !== null; e = set.tryPopNotified()) order.push(set.remove(e));
    expect(order).toEqual(['c', 'a', 'b']);
    expect(set.len()).toBe(0);
  });

  it('drains idle entries oldest first, then notified ones in notification order', () => {
    const set = new IdleNotifiedSet<number>();
    const es = [0, 1, 2, 3, 4].map((v) => set.insertIdle(v));
    es[4].wakeByRef();
    es[1].wakeByRef();
    const seen: number[] = [];
    set.forEach((v) => seen.push(v));
    expect(seen).toEqual([0, 2, 3, 4, 1]);
    const drained: number[] = [];
    set.drain((v) => drained.push(v));
    expect(drained).toEqual(seen);
    expect(set.len()).toBe(0);
    es[0].wakeByRef(); // no longer in a list: nothing happens
  });

  it('releases the stored owner waker when the set and every entry handle are gone', () => {
    const set = new IdleNotifiedSet<number>();
    const owner = detachedTask();
    const e = set.insertIdle(1);
    const joinWaker = e.clone(); // as installed in the task
    set.popNotified(owner.pollWaker);
    expect(owner.refs).toBe(1);
    set.drop(() => undefined);
    expect(owner.refs).toBe(1); // the join waker still keeps the shared lists alive
    joinWaker.drop();
    expect(owner.refs).toBe(0);
  });
});
