/**
 * Test doubles for the task core (tokio-facts.md §13.A builds tasks by hand): a minimal FIFO
 * scheduler implementing `Schedule`, hand-made owned / unowned tasks, and a future that records
 * its polls and its drop.
 */
import { PENDING } from '../future.ts';
import type { Context, Future, Poll, Waker } from '../future.ts';
import { SimWorld } from '../runtime/world.ts';
import { Holder, Task, flushRefs, holderAdd, holderRemove, initHolders } from './cell.ts';
import type { Schedule } from './cell.ts';
import { dealloc, dropNotified, dropReference, pollTask, shutdownTask, traceState } from './harness.ts';
import { JoinHandle } from './join-handle.ts';
import { Transition, refDec, refDecTwice } from './state.ts';

export class TestScheduler implements Schedule {
  readonly queue: Task[] = [];
  readonly owned = new Set<Task>();
  scheduled = 0;

  release(task: Task): boolean {
    return this.owned.delete(task);
  }

  schedule(task: Task): void {
    this.scheduled++;
    this.queue.push(task);
  }

  yieldNow(task: Task): void {
    this.schedule(task);
  }

  unhandledPanic(): void {}

  /** Polls queued tasks until the queue is empty or `max` polls ran; returns the polls done. */
  runUntilIdle(max = 1000): number {
    let n = 0;
    while (n < max) {
      const t = this.queue.shift();
      if (t === undefined) break;
      pollTask(t);
      n++;
    }
    return n;
  }

  /** Owned-list shutdown (owned handles) then drop queued Notifieds. */
  shutdown(): void {
    for (const t of [...this.owned]) {
      this.owned.delete(t);
      shutdownTask(t);
    }
    for (let t = this.queue.shift(); t !== undefined; t = this.queue.shift()) dropNotified(t);
  }
}

export function testWorld(): SimWorld {
  return new SimWorld({ checkRefs: true });
}

/** A task as `OwnedTasks::bind` + spawn make it: owned, one Notified queued, a JoinHandle. */
export function spawnOwned<T>(
  world: SimWorld,
  sched: TestScheduler,
  fut: Future<T>,
): { task: Task; jh: JoinHandle<T> } {
  const task = new Task(world, world.taskIds.allocate(), fut, sched, {}, false);
  initHolders(task, false);
  sched.owned.add(task);
  sched.schedule(task);
  return { task, jh: new JoinHandle<T>(task) };
}

/** An unowned task (two refs) and its JoinHandle, as `task::unowned` makes for blocking jobs. */
export function newUnowned<T>(world: SimWorld, sched: Schedule, fut: Future<T>): { task: Task; jh: JoinHandle<T> } {
  const task = new Task(world, world.taskIds.allocate(), fut, sched, {}, true);
  initHolders(task, true);
  return { task, jh: new JoinHandle<T>(task) };
}

/** A future that records polls and drops; Ready with `value` after `pendings` Pending polls. */
export class Probe<T> implements Future<T> {
  polls = 0;
  dropped = 0;
  private readonly value: T;
  private readonly pendings: number;
  private readonly onPoll: ((cx: Context, n: number) => void) | undefined;

  constructor(value: T, pendings = 0, onPoll?: (cx: Context, n: number) => void) {
    this.value = value;
    this.pendings = pendings;
    this.onPoll = onPoll;
  }

  poll(cx: Context): Poll<T> {
    this.polls++;
    this.onPoll?.(cx, this.polls);
    return this.polls > this.pendings ? this.value : PENDING;
  }

  drop(): void {
    this.dropped++;
  }
}

/** Drops an `UnownedTask` that never ran (`ref_dec_twice`, free at zero). */
export function dropUnowned(task: Task): void {
  const before = task.state;
  const last = refDecTwice(task);
  holderRemove(task, Holder.Unowned);
  traceState(task, before, Transition.RefDecTwice, last ? 1 : 0);
  if (last) dealloc(task);
}

/** `UnownedTask::shutdown`: one of its two refs dropped, then the task shut down. */
export function shutdownUnowned(task: Task): void {
  const before = task.state;
  refDec(task);
  holderRemove(task, Holder.Unowned, false);
  holderAdd(task, Holder.Owned);
  traceState(task, before, Transition.RefDec, 0);
  shutdownTask(task, Holder.Owned);
}

/** `UnownedTask::run`: poll with one ref, drop the other afterwards. */
export function runUnowned(task: Task): void {
  holderRemove(task, Holder.Unowned, false);
  holderAdd(task, Holder.Owned, false);
  holderAdd(task, Holder.Notified);
  flushRefs(task);
  pollTask(task);
  dropReference(task, Holder.Owned);
}

/** A waker that counts wakes (target -1: not a task). */
export class CountingWaker implements Waker {
  readonly target = -1;
  wakes = 0;
  clones = 0;
  drops = 0;

  clone(): Waker {
    this.clones++;
    return this;
  }

  wake(): void {
    this.wakes++;
    this.drops++;
  }

  wakeByRef(): void {
    this.wakes++;
  }

  drop(): void {
    this.drops++;
  }

  willWake(other: Waker): boolean {
    return other === this;
  }
}
