/**
 * The runtime-wide inject (global) queue (tokio-facts.md §6.3 "Where a wake-up goes", `next_task`;
 * Tokio `scheduler/inject/{shared,synced,rt_multi_thread}.rs`): a FIFO with a closed flag. Pushes
 * to a closed queue are refused so the caller drops the Notified; a batch is appended under one
 * lock. Stored as a growable ring so pushes and pops allocate nothing in the steady state.
 */
import type { LocalQueue } from './local-queue.ts';

export class InjectQueue<T> {
  private buf: (T | undefined)[] = new Array<T | undefined>(64).fill(undefined);
  private head = 0;
  private size = 0;
  private closed = false;

  get length(): number {
    return this.size;
  }

  isEmpty(): boolean {
    return this.size === 0;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** `close`: true only for the call that closed it. */
  close(): boolean {
    if (this.closed) return false;
    this.closed = true;
    return true;
  }

  /** `push`: false when the queue is closed (the caller then drops the task). */
  push(task: T): boolean {
    if (this.closed) return false;
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = task;
    this.size++;
    return true;
  }

  /** `push_batch`: `tasks[0 .. n)` in order; false when closed (the caller drops them all). */
  pushBatch(tasks: readonly T[], n: number): boolean {
    if (this.closed) return false;
    while (this.size + n > this.buf.length) this.grow();
    const cap = this.buf.length;
    for (let i = 0; i < n; i++) this.buf[(this.head + this.size + i) & (cap - 1)] = tasks[i];
    this.size += n;
    return true;
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const i = this.head;
    const t = this.buf[i];
    this.buf[i] = undefined;
    this.head = (i + 1) & (this.buf.length - 1);
    this.size--;
    return t;
  }

  /**
   * `pop_n` for the multi_thread batch pull: takes `min(n, len)` tasks; the first is returned and
   * the rest are appended to `dst` in order (the caller sized `n` to fit).
   */
  popNInto(n: number, dst: LocalQueue<T>, scratch: T[]): T | undefined {
    const k = n < this.size ? n : this.size;
    if (k === 0) return undefined;
    const first = this.pop();
    scratch.length = 0;
    for (let i = 1; i < k; i++) scratch.push(this.pop() as T);
    dst.pushBack(scratch, 0, scratch.length);
    scratch.length = 0;
    return first;
  }

  /** The task at `i` from the head (0 = next to pop); for the UI and tests. */
  peek(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }

  private grow(): void {
    const old = this.buf;
    const cap = old.length;
    const next = new Array<T | undefined>(cap * 2).fill(undefined);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & (cap - 1)];
    this.buf = next;
    this.head = 0;
  }
}

/**
 * The batch size of a pull from the inject queue when the local queue is empty (§6.3 `next_task`):
 * `min(inject_len / num_workers + 1, min(free local slots, capacity / 2))`, at least 1.
 */
export function injectBatchSize(injectLen: number, numWorkers: number, freeSlots: number, capacity: number): number {
  const cap = Math.min(freeSlots, capacity / 2);
  const n = Math.min(Math.floor(injectLen / numWorkers) + 1, cap);
  return Math.max(1, n);
}
