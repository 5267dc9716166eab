/**
 * The simulated threads of a multi_thread runtime as the rest of the simulator sees them
 * (tokio-facts.md §6.3 "Where a wake-up goes", "block_on on mt", §6.4, §6.5, §7): each worker
 * thread and the thread calling `block_on` get a `ThreadContext` (context.ts) with their own coop
 * budget, their own FastRand (select!'s start branch) and their own defer behaviour — a worker
 * holding its core queues deferred wakers; any other thread wakes them at once (`context::defer`
 * without a scheduler context falls back to `wake_by_ref`).
 */
import type { TimerDriver } from '../../time/driver.ts';
import type { RuntimeHandle, ThreadContext } from '../../context.ts';
import { currentTaskIdRaw } from '../../context.ts';
import type { CoopState } from '../../coop.ts';
import type { TraceSink } from '../../contracts.ts';
import type { Waker } from '../../future.ts';
import type { ChoicePoint } from '../../choice.ts';
import type { FastRand } from '../../rng.ts';

/** Where a thread's `context::defer` goes. */
export interface DeferTarget {
  deferWaker(waker: Waker): void;
}

/** Threads without a scheduler context (block_on's caller): deferred wake-ups happen at once. */
export const WAKE_AT_ONCE: DeferTarget = {
  deferWaker(waker: Waker): void {
    waker.wakeByRef();
  },
};

export class MtThreadContext implements ThreadContext {
  /** Runtime threads (workers, block_on's caller): a nested block_on here panics. */
  readonly schedulerThread = true;

  constructor(
    readonly handle: RuntimeHandle,
    readonly threadName: string,
    readonly time: TimerDriver,
    readonly coop: CoopState,
    readonly trace: TraceSink,
    private readonly rng: FastRand,
    private readonly deferTarget: DeferTarget,
  ) {}

  currentTaskId(): number | undefined {
    const id = currentTaskIdRaw();
    return id === 0 ? undefined : id;
  }

  defer(waker: Waker): void {
    this.deferTarget.deferWaker(waker);
  }

  choose(point: ChoicePoint, n: number): number {
    return this.handle.world.choose(point, n, this.rng.fastrandN(n));
  }
}
