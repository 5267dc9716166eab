/**
 * The global inject queue (tokio-facts.md §6.2, §6.3): a FIFO of Notified tasks with a closed
 * flag. Pushing onto a closed queue drops the Notified (Tokio's `Inject::push` does the same).
 */
import { EventKind, QueueId } from '../../events.ts';
import type { Task } from '../../task/cell.ts';
import { dropNotified } from '../../task/harness.ts';
import { TaskDeque } from './task-deque.ts';

export class InjectQueue {
  private readonly q = new TaskDeque(16);
  private closedFlag = false;

  get length(): number {
    return this.q.length;
  }

  get isClosed(): boolean {
    return this.closedFlag;
  }

  /** Takes over the Notified reference; false (and the reference dropped) when closed. */
  push(t: Task): boolean {
    if (this.closedFlag) {
      t.trace.emit(EventKind.QueueDrop, t.id, QueueId.Inject);
      dropNotified(t);
      return false;
    }
    this.q.pushBack(t);
    t.trace.emit(EventKind.QueuePush, t.id, QueueId.Inject, this.q.length);
    return true;
  }

  pop(): Task | null {
    const t = this.q.popFront();
    if (t !== null) t.trace.emit(EventKind.QueuePop, t.id, QueueId.Inject, this.q.length);
    return t;
  }

  /** Closes the queue; true if it was open. */
  close(): boolean {
    const was = !this.closedFlag;
    this.closedFlag = true;
    return was;
  }

  toArray(): Task[] {
    return this.q.toArray();
  }
}
