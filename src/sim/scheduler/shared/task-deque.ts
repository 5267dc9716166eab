/**
 * A growable ring buffer of tasks (Tokio's `VecDeque<Notified>`; tokio-facts.md §6.2 local queue).
 * Each slot holds one Notified reference. Power-of-two capacity so indexing is a mask.
 */
import type { Task } from '../../task/cell.ts';

export class TaskDeque {
  private buf: (Task | null)[];
  private head = 0;
  private len = 0;

  constructor(capacity = 64) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.buf = new Array<Task | null>(cap).fill(null);
  }

  get length(): number {
    return this.len;
  }

  pushBack(t: Task): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) & (this.buf.length - 1)] = t;
    this.len++;
  }

  popFront(): Task | null {
    if (this.len === 0) return null;
    const i = this.head;
    const t = this.buf[i] ?? null;
    this.buf[i] = null;
    this.head = (i + 1) & (this.buf.length - 1);
    this.len--;
    return t;
  }

  /** The i-th task from the front (for the UI and invariant checks). */
  at(i: number): Task | null {
    if (i < 0 || i >= this.len) return null;
    return this.buf[(this.head + i) & (this.buf.length - 1)] ?? null;
  }

  toArray(): Task[] {
    const out: Task[] = [];
    for (let i = 0; i < this.len; i++) {
      const t = this.at(i);
      if (t !== null) out.push(t);
    }
    return out;
  }

  private grow(): void {
    const old = this.buf;
    const next = new Array<Task | null>(old.length * 2).fill(null);
    for (let i = 0; i < this.len; i++) next[i] = old[(this.head + i) & (old.length - 1)] ?? null;
    this.buf = next;
    this.head = 0;
  }
}
