import { describe, expect, it } from 'vitest';
import { Task, initHolders } from '../../task/cell.ts';
import { Probe, TestScheduler, testWorld } from '../../task/test-support.ts';
import { InjectQueue } from './inject.ts';
import { OwnedTasks } from './owned-tasks.ts';

function tasks(n: number): Task[] {
  const world = testWorld();
  const sched = new TestScheduler();
  return Array.from({ length: n }, () => {
    const t = new Task(world, world.taskIds.allocate(), new Probe(0), sched, {}, false);
    initHolders(t, false);
    return t;
  });
}

describe('InjectQueue (§6.2, 13.C.24)', () => {
  it('13.C.24 push_and_pop: FIFO with length bookkeeping', () => {
    const q = new InjectQueue();
    const ts = tasks(10);
    for (const t of ts) q.push(t);
    expect(q.length).toBe(10);
    const popped = Array.from({ length: 5 }, () => q.pop()?.id);
    expect(popped).toEqual([1, 2, 3, 4, 5]);
    expect(q.length).toBe(5);
  });

  it('a closed queue drops what is pushed (the Notified reference is released)', () => {
    const q = new InjectQueue();
    const [t] = tasks(1);
    if (t === undefined) throw new Error('no task');
    q.close();
    expect(q.push(t)).toBe(false);
    expect(t.hNotified).toBe(0);
    expect(t.state >>> 6).toBe(2);
  });
});

describe('OwnedTasks (§4(f) sharding)', () => {
  it('pops the oldest task of each shard first: ids 1..8 over 4 shards → 4 8 1 5 2 6 3 7', () => {
    const list = new OwnedTasks(testWorld(), 4);
    for (const t of tasks(8)) list.bind(t);
    const order: number[] = [];
    for (let s = 0; s < 4; s++) for (let t = list.popBack(s); t !== null; t = list.popBack(s)) order.push(t.id);
    expect(order).toEqual([4, 8, 1, 5, 2, 6, 3, 7]);
    expect(list.isEmpty()).toBe(true);
  });

  it('remove unlinks from the middle; a closed list refuses to bind', () => {
    const list = new OwnedTasks(testWorld(), 4);
    const ts = tasks(9);
    for (const t of ts.slice(0, 8)) list.bind(t);
    const t5 = ts[4];
    if (t5 === undefined) throw new Error('no task');
    expect(list.remove(t5)).toBe(true);
    expect(list.remove(t5)).toBe(false);
    expect(list.toArray().map((t) => t.id)).toEqual([4, 8, 1, 2, 6, 3, 7]);
    list.close();
    const t9 = ts[8];
    if (t9 === undefined) throw new Error('no task');
    expect(list.bind(t9)).toBe(false);
    expect(t9.ownerId).toBe(list.id);
  });
});
