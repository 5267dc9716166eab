/**
 * Benchmark scenario for the multi_thread scheduler (tokio-facts.md §6.3 LIFO slot, local queue,
 * notify_parked, stealing, §6.4 yield_now): one root task on a worker spawns `n` trivial tasks in
 * batches of 64 with a `yield_now` after each batch. Each spawn lands in the LIFO slot and displaces
 * the previous one into the local run queue and notifies a parked worker, which wakes as a searcher
 * and steals half of that queue. The root then awaits every JoinHandle in spawn order. The lead's `npm run bench` times `fanOut(100_000)`.
 */
import { SimWorld } from '../../runtime/world.ts';
import type { TraceLevel } from '../../trace/recorder.ts';
import type { JoinHandle } from '../../task/join-handle.ts';
import type { Context, Future, Poll } from '../../future.ts';
import { MultiThreadScheduler } from './scheduler.ts';
import { blockOn, co, dropRuntime, spawn, yieldNow } from './test-support.ts';

/** Spawns per root poll: small enough that the root's worker keeps the batch local, to be stolen. */
const BATCH = 64;

export interface FanOutResult {
  readonly steps: number;
  readonly events: number;
  readonly traceBytes: number;
  readonly steals: number;
  readonly completed: number;
  /** Hash of the whole trace (computed on demand: hashing is not part of the timed run). */
  readonly traceHash: () => string;
}

/** The leaf task: counts itself and is Ready on its first poll (one monomorphic class, no closure). */
class Leaf implements Future<void> {
  constructor(private readonly counter: { n: number }) {}

  poll(_cx: Context): Poll<void> {
    this.counter.n++;
    return undefined;
  }

  drop(): void {}
}

export interface FanOutOptions {
  readonly workers?: number;
  readonly seed?: number;
  readonly traceLevel?: TraceLevel;
  /** Check the ref-count invariant on every reference change (slow; for tests). */
  readonly checkRefs?: boolean;
}

export function fanOut(n: number, options: FanOutOptions = {}): FanOutResult {
  const { workers = 4, seed = 1, traceLevel = 'full', checkRefs = false } = options;
  const world = new SimWorld({ seed, traceLevel, checkRefs });
  const s = new MultiThreadScheduler(world, { workers });
  const counter = { n: 0 };
  const root = co(function* () {
    const hs: JoinHandle<void>[] = new Array<JoinHandle<void>>(n);
    for (let i = 0; i < n; i++) {
      hs[i] = spawn(new Leaf(counter));
      if (i % BATCH === BATCH - 1) yield yieldNow();
    }
    for (let i = 0; i < n; i++) yield hs[i];
  });
  const r = blockOn(
    s,
    co(function* () {
      yield spawn(root);
    }),
  );
  if (r.outcome !== 'done') throw new Error(`fan-out did not finish: ${r.outcome}`);
  const steps = r.steps + dropRuntime(s);
  const trace = world.trace;
  let steals = 0;
  for (const w of s.workers) steals += w.stats.stealOperations;
  return {
    steps,
    events: trace.length,
    traceBytes: trace.usedBytes,
    steals,
    completed: counter.n,
    traceHash: () => trace.hash(),
  };
}
