/**
 * Simulator benchmark scenarios that need more than one module (the JoinSet-of-sleepers case):
 * written with plain TypeScript futures so the simulator, not an interpreter, is what gets timed.
 */
import { JoinSet, PENDING, createRuntime, sleep } from '../sim/index.ts';
import type { Context, Future, Option, JoinResult, Poll, Sleep } from '../sim/index.ts';

const MS = 1_000_000;

/** A task that sleeps `ms` and returns it. */
class Sleeper implements Future<number> {
  private timer: Sleep | null = null;
  constructor(private readonly ms: number) {}

  poll(cx: Context): Poll<number> {
    if (this.timer === null) this.timer = sleep(this.ms * MS);
    return this.timer.poll(cx) === PENDING ? PENDING : this.ms;
  }

  drop(): void {
    this.timer?.drop();
    this.timer = null;
  }
}

/** Main: spawn n sleepers into a JoinSet, then join_next until None. */
class JoinAllSleepers implements Future<number> {
  private set: JoinSet<number> | null = null;
  private next: Future<Option<JoinResult<number>>> | null = null;
  private sum = 0;
  constructor(private readonly n: number) {}

  poll(cx: Context): Poll<number> {
    let set = this.set;
    if (set === null) {
      set = new JoinSet<number>();
      // Deterministic 1–100 ms spread without randomness: a stride that visits every residue.
      for (let i = 0; i < this.n; i++) set.spawn(new Sleeper(1 + ((i * 37) % 100)));
      this.set = set;
    }
    for (;;) {
      const next = (this.next ??= set.joinNext());
      const r = next.poll(cx);
      if (r === PENDING) return PENDING;
      next.drop();
      this.next = null;
      if (!r.some) return this.sum;
      if (r.value.ok) this.sum += r.value.value;
    }
  }

  drop(): void {
    this.next?.drop();
    this.set?.drop();
  }
}

export function joinSetSleepers(n: number): { tasks: number; sum: number; events: number; traceBytes: number } {
  const rt = createRuntime({ flavor: 'current_thread', startPaused: true });
  const sum = rt.blockOn(new JoinAllSleepers(n));
  rt.shutdownNow();
  return { tasks: n, sum, events: rt.trace.length, traceBytes: rt.trace.usedBytes };
}
