/**
 * Task wakers (tokio-facts.md §3.6): clone = ref_inc, drop = ref_dec, wake = wake_by_val (consumes
 * the waker's reference), wake_by_ref keeps it. The waker handed to a future during its own poll is
 * Tokio's non-counted `waker_ref`: the task cell itself (cell.ts `Task`); cloning it makes one of
 * these counted wakers.
 */
import type { Waker } from '../future.ts';
import { Holder } from './cell.ts';
import type { Task } from './cell.ts';
import { dropReference, wakeByRef, wakeByVal } from './harness.ts';

/** A counted task waker: holds one task reference until it is woken by value or dropped. */
export class TaskWaker implements Waker {
  readonly task: Task;
  // assigned in the constructor, not as an initialiser (V8 runs those as a function of their own)
  declare private dropped: boolean;

  /** Takes over a reference the caller already counted (`Task.clone`, `TaskWaker.clone`). */
  constructor(task: Task) {
    this.task = task;
    this.dropped = false;
  }

  get target(): number {
    return this.task.id;
  }

  clone(): Waker {
    this.assertLive('clone');
    return this.task.clone();
  }

  wake(): void {
    this.assertLive('wake');
    this.dropped = true;
    wakeByVal(this.task, Holder.Waker);
  }

  wakeByRef(): void {
    this.assertLive('wake_by_ref');
    wakeByRef(this.task);
  }

  drop(): void {
    this.assertLive('drop');
    this.dropped = true;
    dropReference(this.task, Holder.Waker);
  }

  willWake(other: Waker): boolean {
    return other === this.task || (other instanceof TaskWaker && other.task === this.task);
  }

  private assertLive(op: string): void {
    if (this.dropped) throw new Error(`waker of task ${this.task.id}: ${op} after it was dropped or woken by value`);
  }
}
