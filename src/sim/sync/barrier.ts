/**
 * `tokio::sync::Barrier` (Tokio `sync/barrier.rs`): `n` tasks call `wait()`; the last to arrive is
 * the leader, sends the generation number on a watch channel and returns at once; the others wait
 * on clones of the barrier's watch receiver until the generation they arrived in is announced.
 * Since they wait through watch, their wake order follows the watch's random Notify slots.
 */
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { watchChannel, type WatchReceiver, type WatchRecvError, type WatchSender } from './watch.ts';
import type { Result } from './result.ts';

export class Barrier {
  readonly n: number;
  arrived = 0;
  generation = 1;
  private readonly tx: WatchSender<number>;
  private readonly rx: WatchReceiver<number>;

  constructor(n: number) {
    this.n = n === 0 ? 1 : n;
    [this.tx, this.rx] = watchChannel(0);
  }

  /** `wait()`: resolves to `is_leader`. */
  wait(): Future<boolean> {
    return new BarrierWait(this);
  }

  /** Called by the first poll of `wait()`: the generation to wait for, or null for the leader. */
  arrive(): number | null {
    const generation = this.generation;
    this.arrived += 1;
    if (this.arrived === this.n) {
      this.tx.send(this.generation);
      this.arrived = 0;
      this.generation += 1;
      return null;
    }
    return generation;
  }

  subscribe(): WatchReceiver<number> {
    return this.rx.clone();
  }
}

class BarrierWait implements Future<boolean> {
  private generation = -1;
  private rx: WatchReceiver<number> | null = null;
  private changed: Future<Result<void, WatchRecvError>> | null = null;

  constructor(private readonly barrier: Barrier) {}

  poll(cx: Context): Poll<boolean> {
    if (this.rx === null) {
      const g = this.barrier.arrive();
      if (g === null) return true;
      this.generation = g;
      this.rx = this.barrier.subscribe();
    }
    for (;;) {
      if (this.changed === null) this.changed = this.rx.changed();
      if (this.changed.poll(cx) === PENDING) return PENDING;
      this.changed.drop();
      this.changed = null;
      if (this.rx.borrow().value >= this.generation) {
        this.drop();
        return false;
      }
    }
  }

  drop(): void {
    this.changed?.drop();
    this.changed = null;
    this.rx?.drop();
  }
}
