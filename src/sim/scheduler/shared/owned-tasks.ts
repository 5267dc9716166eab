/**
 * A successful bind is not traced (the shard is `id & (shards - 1)`); binding to a closed list is.
 *
 * `OwnedTasks` with 1.48's sharding (tokio-facts.md §4(f), §6.1 release): tasks live in
 * `shards` intrusive lists chosen by `id & (shards - 1)`; bind pushes to the front, shutdown pops
 * from the back, so within a shard the oldest task goes first. A closed list refuses new tasks
 * (the caller shuts them down at once).
 */
import { EventKind } from '../../events.ts';
import type { SimWorld } from '../../runtime/world.ts';
import type { Task } from '../../task/cell.ts';

export class OwnedTasks {
  readonly id: number;
  readonly shards: number;
  private readonly heads: (Task | null)[];
  private readonly tails: (Task | null)[];
  private closedFlag = false;
  private count = 0;

  constructor(world: SimWorld, shards: number) {
    if (shards <= 0 || (shards & (shards - 1)) !== 0)
      throw new Error(`shard count must be a power of two, got ${shards}`);
    this.id = world.ownedListIds.allocate();
    this.shards = shards;
    this.heads = new Array<Task | null>(shards).fill(null);
    this.tails = new Array<Task | null>(shards).fill(null);
  }

  get length(): number {
    return this.count;
  }

  get isClosed(): boolean {
    return this.closedFlag;
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  /** Sets the owner id and links the task in; false when the list is closed (not linked). */
  bind(t: Task): boolean {
    t.ownerId = this.id;
    if (this.closedFlag) {
      t.trace.emit(EventKind.TaskBindClosed, t.id, this.id);
      return false;
    }
    const shard = t.id & (this.shards - 1);
    const head = this.heads[shard] ?? null;
    t.ownedPrev = null;
    t.ownedNext = head;
    if (head !== null) head.ownedPrev = t;
    else this.tails[shard] = t;
    this.heads[shard] = t;
    t.ownedShard = shard;
    this.count++;
    return true;
  }

  /** `remove`: unlinks the task if it is still in this list; true when it was. */
  remove(t: Task): boolean {
    if (t.ownerId !== this.id || t.ownedShard < 0) return false;
    const shard = t.ownedShard;
    const prev = t.ownedPrev;
    const next = t.ownedNext;
    if (prev !== null) prev.ownedNext = next;
    else this.heads[shard] = next;
    if (next !== null) next.ownedPrev = prev;
    else this.tails[shard] = prev;
    t.ownedPrev = null;
    t.ownedNext = null;
    t.ownedShard = -1;
    this.count--;
    return true;
  }

  /** Marks the list closed (no task is bound afterwards). */
  close(): void {
    this.closedFlag = true;
  }

  /** Unlinks and returns the oldest task of `shard` (masked), or null. */
  popBack(shard: number): Task | null {
    const t = this.tails[shard & (this.shards - 1)] ?? null;
    if (t !== null) this.remove(t);
    return t;
  }

  /** Every task, shard by shard, oldest first (for the UI and diagnostics). */
  toArray(): Task[] {
    const out: Task[] = [];
    for (let s = 0; s < this.shards; s++) {
      for (let t = this.tails[s] ?? null; t !== null; t = t.ownedPrev) out.push(t);
    }
    return out;
  }
}
