import { describe, expect, it } from 'vitest';
import { PENDING, type Waker } from '../future.ts';
import { yieldNow } from './yield-now.ts';
import { assertRefs } from './cell.ts';
import { refCount } from './state.ts';
import { RustPanic } from './panic.ts';
import {
  CountingWaker,
  Probe,
  TestScheduler,
  dropUnowned,
  newUnowned,
  runUnowned,
  shutdownUnowned,
  spawnOwned,
  testWorld,
} from './test-support.ts';

describe('13.A task-module cases (runtime/tests/task.rs)', () => {
  it('13.A.1 create_drop1: unowned dropped first, then the JoinHandle frees the future', () => {
    const world = testWorld();
    const fut = new Probe(1);
    const { task, jh } = newUnowned(world, new TestScheduler(), fut);
    dropUnowned(task);
    expect(fut.dropped).toBe(0);
    jh.drop();
    expect(fut.dropped).toBe(1);
    expect(task.deallocated).toBe(true);
  });

  it('13.A.2 create_drop2: JoinHandle dropped first, then the unowned handle', () => {
    const fut = new Probe(1);
    const { task, jh } = newUnowned(testWorld(), new TestScheduler(), fut);
    jh.drop();
    expect(fut.dropped).toBe(0);
    dropUnowned(task);
    expect(fut.dropped).toBe(1);
  });

  it('13.A.3 drop_abort_handle1: an AbortHandle alone keeps the never-run future alive', () => {
    const fut = new Probe(1);
    const { task, jh } = newUnowned(testWorld(), new TestScheduler(), fut);
    const ah = jh.abortHandle();
    jh.drop();
    dropUnowned(task);
    expect(fut.dropped).toBe(0);
    ah.drop();
    expect(fut.dropped).toBe(1);
  });

  it('13.A.4 drop_abort_handle2: unowned and AbortHandle gone, the JoinHandle frees it', () => {
    const fut = new Probe(1);
    const { task, jh } = newUnowned(testWorld(), new TestScheduler(), fut);
    const ah = jh.abortHandle();
    dropUnowned(task);
    ah.drop();
    expect(fut.dropped).toBe(0);
    jh.drop();
    expect(fut.dropped).toBe(1);
  });

  it('13.A.5 drop_abort_handle_clone: freed only when the last of four holders is gone', () => {
    const fut = new Probe(1);
    const { task, jh } = newUnowned(testWorld(), new TestScheduler(), fut);
    const ah1 = jh.abortHandle();
    const ah2 = ah1.clone();
    expect(task.state >>> 6).toBe(5);
    jh.drop();
    dropUnowned(task);
    ah1.drop();
    expect(fut.dropped).toBe(0);
    ah2.drop();
    expect(fut.dropped).toBe(1);
  });

  it('13.A.6 create_shutdown1: JoinHandle dropped, shutdown drops the never-polled future at once', () => {
    const fut = new Probe(1);
    const { task, jh } = newUnowned(testWorld(), new TestScheduler(), fut);
    jh.drop();
    shutdownUnowned(task);
    expect(fut.polls).toBe(0);
    expect(fut.dropped).toBe(1);
    expect(task.deallocated).toBe(true);
  });

  it('13.A.7 create_shutdown2: shutdown with the JoinHandle kept, which then reads Cancelled', () => {
    const fut = new Probe(1);
    const { task, jh } = newUnowned(testWorld(), new TestScheduler(), fut);
    shutdownUnowned(task);
    expect(fut.dropped).toBe(1);
    const r = jh.poll({ waker: new CountingWaker() });
    expect(r !== PENDING && !r.ok && r.error.isCancelled()).toBe(true);
    jh.drop();
    expect(task.deallocated).toBe(true);
  });

  it('13.A.8 unowned_poll: an unowned task whose future is ready at once completes', () => {
    const fut = new Probe('v');
    const { task, jh } = newUnowned(testWorld(), new TestScheduler(), fut);
    runUnowned(task);
    expect(task.state).toBe(74);
    const r = jh.poll({ waker: new CountingWaker() });
    expect(r).toEqual({ ok: true, value: 'v' });
    jh.drop();
    expect(task.deallocated).toBe(true);
  });

  it('13.A.9 schedule: one yield_now outside a runtime wakes at once → polled exactly twice', () => {
    const sched = new TestScheduler();
    const y = yieldNow();
    const fut = new Probe(0, 1, (cx, n) => {
      if (n === 1) expect(y.poll(cx)).toBe(PENDING);
    });
    const { jh } = spawnOwned(testWorld(), sched, fut);
    jh.drop();
    sched.runUntilIdle();
    expect(fut.polls).toBe(2);
  });

  it('13.A.10 shutdown: a task yielding forever, polled once, then the scheduler shuts down', () => {
    const sched = new TestScheduler();
    const fut = new Probe(0, Infinity, (cx) => cx.waker.wakeByRef());
    const { task, jh } = spawnOwned(testWorld(), sched, fut);
    jh.drop();
    sched.runUntilIdle(1);
    expect(fut.polls).toBe(1);
    sched.shutdown();
    expect(sched.owned.size).toBe(0);
    expect(fut.dropped).toBe(1);
    expect(task.deallocated).toBe(true);
  });

  it('13.A.11 shutdown_immediately: shut down before any poll', () => {
    const sched = new TestScheduler();
    const fut = new Probe(0, Infinity);
    const { task, jh } = spawnOwned(testWorld(), sched, fut);
    jh.drop();
    sched.shutdown();
    expect(fut.polls).toBe(0);
    expect(fut.dropped).toBe(1);
    expect(task.deallocated).toBe(true);
  });
});

describe('harness details', () => {
  it('a panic during poll drops the future and stores JoinError::Panic', () => {
    const sched = new TestScheduler();
    let dropped = 0;
    const { task, jh } = spawnOwned(testWorld(), sched, {
      poll: () => {
        throw new RustPanic('boom');
      },
      drop: () => void dropped++,
    });
    sched.runUntilIdle();
    expect(dropped).toBe(1);
    const r = jh.poll({ waker: new CountingWaker() });
    if (r === PENDING || r.ok) throw new Error('expected an error');
    expect(r.error.isPanic()).toBe(true);
    expect(r.error.display()).toBe(`task ${task.id} panicked with message "boom"`);
    jh.drop();
    assertRefs(task);
  });

  it('a non-RustPanic exception is a simulator bug and propagates', () => {
    const sched = new TestScheduler();
    spawnOwned(testWorld(), sched, {
      poll: () => {
        throw new TypeError('bug');
      },
      drop: () => undefined,
    });
    expect(() => sched.runUntilIdle()).toThrow(TypeError);
  });

  it('a future panicking in its destructor after Ready turns the result into a panic', () => {
    const sched = new TestScheduler();
    const { jh } = spawnOwned(testWorld(), sched, {
      poll: () => 5,
      drop: () => {
        throw new RustPanic('drop bomb');
      },
    });
    sched.runUntilIdle();
    const r = jh.poll({ waker: new CountingWaker() });
    expect(r !== PENDING && !r.ok && r.error.isPanic()).toBe(true);
    jh.drop();
  });

  it('re-polling a JoinHandle with a different waker swaps the join waker (unset_waker, set_join_waker)', () => {
    const sched = new TestScheduler();
    const { task, jh } = spawnOwned(testWorld(), sched, new Probe(1, 1, (cx, n) => n === 1 && cx.waker.wakeByRef()));
    const w1 = new CountingWaker();
    const w2 = new CountingWaker();
    expect(jh.poll({ waker: w1 })).toBe(PENDING);
    expect(jh.poll({ waker: w1 })).toBe(PENDING);
    expect(w1.clones).toBe(1);
    expect(jh.poll({ waker: w2 })).toBe(PENDING);
    expect(w1.drops).toBe(1);
    expect(task.state).toBe(220);
    sched.runUntilIdle();
    expect(w1.wakes).toBe(0);
    expect(w2.wakes).toBe(1);
    expect(jh.poll({ waker: w2 })).toEqual({ ok: true, value: 1 });
    jh.drop();
    expect(w2.drops).toBe(1);
    expect(task.deallocated).toBe(true);
  });

  it('polling a JoinHandle after its output was taken panics', () => {
    const sched = new TestScheduler();
    const { jh } = spawnOwned(testWorld(), sched, new Probe(1));
    sched.runUntilIdle();
    const w = new CountingWaker();
    expect(jh.poll({ waker: w })).toEqual({ ok: true, value: 1 });
    expect(() => jh.poll({ waker: w })).toThrow('JoinHandle polled after completion');
  });
});

describe("the poll's borrowed waker (waker_ref) is the task cell itself", () => {
  it('holds no reference: cloning it counts one, dropping it changes nothing, will_wake matches its clones', () => {
    let borrowed: Waker | null = null;
    let clone: Waker | null = null;
    const fut = new Probe(1, 1, (cx, n) => {
      if (n !== 1) return;
      borrowed = cx.waker;
      const before = refCount(task.state);
      cx.waker.drop();
      expect(refCount(task.state)).toBe(before);
      clone = cx.waker.clone();
      expect(refCount(task.state)).toBe(before + 1);
      expect(task.holders().waker).toBe(1);
    });
    const { task } = newUnowned(testWorld(), new TestScheduler(), fut);
    runUnowned(task);
    expect(borrowed).toBe(task);
    expect(clone).not.toBe(task);
    expect(clone!.willWake(task)).toBe(true);
    expect(task.willWake(clone!)).toBe(true);
    expect(clone!.target).toBe(task.id);
    clone!.drop();
    expect(task.holders().waker).toBe(0);
  });
});
