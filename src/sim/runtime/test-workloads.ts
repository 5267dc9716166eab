/**
 * (tokio-facts.md §6.2, §6.3, §6.4, §7, §8, §4(c), §4(f).) A program that walks every path a task's
 * Notified can take — LIFO slot and its cap, local-queue overflow, stealing, the budget pushing a
 * LIFO task back, yield_now's defer list, timers, the blocking pool, abort, and a shutdown with
 * tasks still queued — run on either flavor through `createRuntime` (tests only).
 */
import { asyncBlock, awaitFuture, syncBlock } from '../bench/futures.ts';
import { PENDING, type Future } from '../future.ts';
import { blockingSleep } from '../scheduler/blocking/pool.ts';
import type { JoinHandle } from '../task/join-handle.ts';
import { consumeBudget, yieldNow } from '../task/yield-now.ts';
import { sleep } from '../time/sleep.ts';
import { emitStdout, spawn, spawnBlocking } from './free-functions.ts';
import { createRuntime } from './create.ts';
import type { RuntimeConfig, SimRuntime } from './sim-runtime.ts';

const MS = 1_000_000;

/** Spawned from one poll on a worker: the 257th spawn overflows the local queue (mt). */
const FAN_OUT = 300;

function leaf(i: number): Future<number> {
  return syncBlock(() => i);
}

/** Each link spawns the next: a LIFO chain longer than MAX_LIFO_POLLS_PER_TICK. */
function chain(depth: number): Future<void> {
  return asyncBlock(function* () {
    if (depth > 0) yield* awaitFuture(spawn(chain(depth - 1)));
  });
}

function yielder(name: string, rounds: number): Future<void> {
  return asyncBlock(function* () {
    for (let r = 0; r < rounds; r++) {
      emitStdout(`${name}${r}\n`);
      yield* awaitFuture(yieldNow());
    }
  });
}

/** Spawns a child (LIFO) and then spends its whole budget, so the child goes back to the queue. */
function budgetHog(): Future<void> {
  return asyncBlock(function* () {
    const child = spawn(leaf(-1));
    for (let i = 0; i < 200; i++) yield* awaitFuture(consumeBudget());
    yield* awaitFuture(child);
  });
}

export function workloadMain(): Future<number> {
  return asyncBlock(function* () {
    const fan = spawn(
      asyncBlock(function* () {
        const hs: JoinHandle<number>[] = [];
        for (let i = 0; i < FAN_OUT; i++) hs.push(spawn(leaf(i)));
        let sum = 0;
        for (const h of hs) {
          const r = yield* awaitFuture(h);
          if (r.ok) sum += r.value;
        }
        return sum;
      }),
    );
    const others: JoinHandle<void>[] = [
      spawn(chain(6)),
      spawn(yielder('a', 3)),
      spawn(yielder('b', 3)),
      spawn(budgetHog()),
      spawn(
        asyncBlock(function* () {
          yield* awaitFuture(sleep(3 * MS));
          emitStdout('slept 3ms\n');
        }),
      ),
    ];
    const doomed = spawn(
      asyncBlock(function* () {
        yield* awaitFuture(sleep(1000 * MS));
      }),
    );
    let slept = false;
    // A blocking closure that sleeps 2 ms (the pool resumes its poll when real time gets there).
    const job = spawnBlocking<number>({
      poll: () => {
        if (slept) return 7;
        slept = true;
        blockingSleep(2 * MS);
        return PENDING;
      },
      drop: () => undefined,
    });
    yield* awaitFuture(sleep(1 * MS));
    doomed.abort();
    yield* awaitFuture(doomed);
    for (const h of others) yield* awaitFuture(h);
    const r = yield* awaitFuture(fan);
    yield* awaitFuture(job);
    // Left behind at shutdown: queued or running when the runtime is dropped.
    for (let i = 0; i < 8; i++) spawn(yielder(`late${i}-`, 50)).drop();
    return r.ok ? r.value : -1;
  });
}

/** Runs the workload to the end of the runtime's drop. */
export function runWorkload(config: RuntimeConfig): SimRuntime {
  const rt = createRuntime(config);
  const o = rt.runBlockOn(workloadMain(), 1_000_000);
  if (o.kind !== 'ready') throw new Error(`workload did not finish: ${o.kind}`);
  rt.shutdownNow(1_000_000);
  return rt;
}
