/**
 * Task wakers (tokio-facts.md §3.6): clone = ref_inc, drop = ref_dec, wake = wake_by_val (consumes
 * the waker's reference), wake_by_ref keeps it. The waker handed to a future during its own poll is
 * Tokio's non-counted `waker_ref`: cloning it counts, dropping it does nothing.
 */
import type { Context, Waker } from '../future.ts';
import { Holder } from './cell.ts';
import type { Task } from './cell.ts';
import { addReference, dropReference, wakeByRef, wakeByVal } from './harness.ts';

/** Also the poll's `Context` (its `waker` is itself), saving an object per task. */
export class TaskWaker implements Waker, Context {
  readonly task: Task;
  /** false for the poll's borrowed `waker_ref` (holds no reference). */
  private readonly counted: boolean;
  // assigned in the constructor, not as an initialiser (V8 runs those as a function of their own)
  declare private dropped: boolean;

  constructor(task: Task, counted: boolean) {
    this.task = task;
    this.counted = counted;
    this.dropped = false;
  }

  get target(): number {
    return this.task.id;
  }

  get waker(): Waker {
    return this;
  }

  clone(): Waker {
    this.assertLive('clone');
    addReference(this.task, Holder.Waker);
    return new TaskWaker(this.task, true);
  }

  wake(): void {
    this.assertLive('wake');
    if (!this.counted) {
      wakeByRef(this.task);
      return;
    }
    this.dropped = true;
    wakeByVal(this.task, Holder.Waker);
  }

  wakeByRef(): void {
    this.assertLive('wake_by_ref');
    wakeByRef(this.task);
  }

  drop(): void {
    if (!this.counted) return;
    this.assertLive('drop');
    this.dropped = true;
    dropReference(this.task, Holder.Waker);
  }

  willWake(other: Waker): boolean {
    return other instanceof TaskWaker && other.task === this.task;
  }

  private assertLive(op: string): void {
    if (this.dropped) throw new Error(`waker of task ${this.task.id}: ${op} after it was dropped or woken by value`);
  }
}
