/**
 * (tokio-facts.md §4(a′): spawn → poll → complete → JoinHandle read, a million times.)
 * Benchmark scenarios (run by the lead's `npm run bench`, not by the unit tests): written with
 * hand-made TS futures so the simulator, not a generator runtime, is what gets timed.
 */
import { PENDING } from '../future.ts';
import type { Context, Future, Poll } from '../future.ts';
import { createRuntime } from '../runtime/create.ts';
import type { TraceLevel } from '../trace/recorder.ts';
import type { JoinHandle } from '../task/join-handle.ts';
import { spawn } from '../runtime/free-functions.ts';

class Trivial implements Future<number> {
  private readonly v: number;

  constructor(v: number) {
    this.v = v;
  }

  poll(): Poll<number> {
    return this.v;
  }

  drop(): void {}
}

/** Main: spawn one task, await it, repeat n times (the `spawn(...).await` pattern). */
class SpawnAwaitLoop implements Future<number> {
  private i = 0;
  private sum = 0;
  private current: JoinHandle<number> | null = null;
  private readonly n: number;

  constructor(n: number) {
    this.n = n;
  }

  poll(cx: Context): Poll<number> {
    for (;;) {
      let h = this.current;
      if (h === null) {
        if (this.i === this.n) return this.sum;
        h = spawn(new Trivial(this.i++));
        this.current = h;
      }
      const r = h.poll(cx);
      if (r === PENDING) return PENDING;
      h.drop();
      this.current = null;
      if (r.ok) this.sum += r.value;
    }
  }

  drop(): void {
    this.current?.drop();
  }
}

/** Main: spawn all n tasks first, then await them in order. */
class SpawnAllThenAwait implements Future<number> {
  private handles: JoinHandle<number>[] | null = null;
  private next = 0;
  private sum = 0;
  private readonly n: number;

  constructor(n: number) {
    this.n = n;
  }

  poll(cx: Context): Poll<number> {
    let hs = this.handles;
    if (hs === null) {
      hs = new Array<JoinHandle<number>>(this.n);
      for (let i = 0; i < this.n; i++) hs[i] = spawn(new Trivial(i));
      this.handles = hs;
    }
    while (this.next < hs.length) {
      const h = hs[this.next];
      if (h === undefined) break;
      const r = h.poll(cx);
      if (r === PENDING) return PENDING;
      h.drop();
      this.next++;
      if (r.ok) this.sum += r.value;
    }
    return this.sum;
  }

  drop(): void {
    const hs = this.handles;
    if (hs !== null) for (let i = this.next; i < hs.length; i++) hs[i]?.drop();
  }
}

export interface BenchResult {
  readonly tasks: number;
  readonly sum: number;
  readonly events: number;
  readonly steps: number;
  /** Bytes the trace's records use (`TraceRecorder.usedBytes`), for bytes per event. */
  readonly traceBytes: number;
  /** Bytes the trace has allocated (`TraceRecorder.byteSize`: whole chunks). */
  readonly traceAllocatedBytes: number;
}

/**
 * `n` trivial tasks spawned and awaited on current_thread, tracing at `level`. 'one-by-one' is the
 * `spawn(..).await` loop (the 1M-task target); 'all-then-await' keeps all n tasks alive at once.
 */
export function spawnAndAwait(
  n: number,
  mode: 'one-by-one' | 'all-then-await' = 'one-by-one',
  level: TraceLevel = 'full',
): BenchResult {
  const rt = createRuntime({ flavor: 'current_thread', traceLevel: level });
  const main = mode === 'one-by-one' ? new SpawnAwaitLoop(n) : new SpawnAllThenAwait(n);
  const sum = rt.blockOn(main);
  rt.shutdownNow();
  const trace = rt.trace;
  return {
    tasks: n,
    sum,
    events: trace.length,
    steps: rt.world.step,
    traceBytes: trace.usedBytes,
    traceAllocatedBytes: trace.byteSize,
  };
}
