/**
 * `JoinHandle<T>` and `AbortHandle` (tokio-facts.md §5, §2.5, §4a/a′/d): awaiting a task's output
 * under the coop budget, abort, is_finished, detach on drop (fast path on exactly 204, else the
 * slow path), and the hook JoinSet uses to install its own join waker.
 */
import { UseAfterDrop } from '../use-after-drop.ts';
import { currentContext } from '../context.ts';
import { EventKind } from '../events.ts';
import { PENDING } from '../future.ts';
import type { Context, Future, Poll, Waker } from '../future.ts';
import { Holder } from './cell.ts';
import type { Task } from './cell.ts';
import { addReference, dropReference, remoteAbort } from './harness.ts';
import { canReadOutput, dropJoinHandle, takeOutputWith } from './join-protocol.ts';
import type { JoinError } from './join-error.ts';
import type { JoinResult } from './join-protocol.ts';
import { isComplete } from './state.ts';

export type { JoinResult } from './join-protocol.ts';

const okResult = <T>(value: T): JoinResult<T> => ({ ok: true, value });
const errResult = <T>(error: JoinError): JoinResult<T> => ({ ok: false, error });

export class JoinHandle<T> implements Future<JoinResult<T>> {
  // Assigned in the constructor: a class-field initialiser ran as a function of its own per handle
  // (one per spawn), as round 4 found for `Owned` (docs/perf.md).
  declare private readonly task: Task;
  declare private dropped: boolean;

  constructor(task: Task) {
    this.task = task;
    this.dropped = false;
  }

  /** `JoinHandle::id`. */
  get id(): number {
    return this.task.id;
  }

  /** For the UI and diagnostics: the task cell behind this handle (read-only use). */
  get taskCell(): Task {
    return this.task;
  }

  poll(cx: Context): Poll<JoinResult<T>> {
    return this.pollWith<JoinResult<T>>(cx, okResult, errResult);
  }

  /** `poll`, handing a ready output to `ok` or the JoinError to `err` (no `JoinResult` made). */
  pollWith<R>(cx: Context, ok: (value: T) => R, err: (error: JoinError) => R): Poll<R> {
    this.assertLive('poll');
    const coop = currentContext()?.coop;
    if (coop !== undefined && !coop.pollProceed(cx)) return PENDING;
    let ready = false;
    try {
      if (canReadOutput(this.task, cx.waker)) {
        const out = takeOutputWith<T, R>(this.task, ok, err);
        ready = true;
        return out;
      }
      return PENDING;
    } finally {
      if (coop !== undefined) {
        if (ready) coop.madeProgress();
        else coop.restore();
      }
    }
  }

  /** Drop = detach: the task keeps running. */
  drop(): void {
    this.assertLive('drop');
    this.dropped = true;
    dropJoinHandle(this.task);
  }

  abort(): void {
    this.task.trace.emit(EventKind.TaskAbort, this.task.id, 0);
    remoteAbort(this.task);
  }

  isFinished(): boolean {
    return isComplete(this.task.state);
  }

  abortHandle(): AbortHandle {
    addReference(this.task, Holder.AbortHandle);
    return new AbortHandle(this.task);
  }

  /**
   * `try_set_join_waker` (JoinSet's entry waker): stores `waker` as the join waker, following the
   * §2.5 protocol; true when the task already completed (then nothing is stored: read the output).
   */
  setJoinWaker(waker: Waker): boolean {
    this.assertLive('set_join_waker');
    return canReadOutput(this.task, waker);
  }

  /** Dropped (awaited to completion, or dropped): any further use is a host bug or a moved value. */
  get isDropped(): boolean {
    return this.dropped;
  }

  private assertLive(op: string): void {
    if (this.dropped) throw new UseAfterDrop(`JoinHandle of task ${this.task.id}: ${op} after drop`);
  }
}

export class AbortHandle {
  // Assigned in the constructor (see JoinHandle): one per JoinSet spawn.
  declare private readonly task: Task;
  declare private dropped: boolean;

  constructor(task: Task) {
    this.task = task;
    this.dropped = false;
  }

  get id(): number {
    return this.task.id;
  }

  abort(): void {
    this.assertLive('abort');
    this.task.trace.emit(EventKind.TaskAbort, this.task.id, 1);
    remoteAbort(this.task);
  }

  isFinished(): boolean {
    return isComplete(this.task.state);
  }

  clone(): AbortHandle {
    this.assertLive('clone');
    addReference(this.task, Holder.AbortHandle);
    return new AbortHandle(this.task);
  }

  drop(): void {
    this.assertLive('drop');
    this.dropped = true;
    dropReference(this.task, Holder.AbortHandle);
  }

  private assertLive(op: string): void {
    if (this.dropped) throw new UseAfterDrop(`AbortHandle of task ${this.task.id}: ${op} after drop`);
  }
}
