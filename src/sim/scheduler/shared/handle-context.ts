/**
 * A thread that entered a runtime's handle but runs no scheduler (tokio-facts.md §8, §7): a
 * blocking-pool thread, or sync code inside `Runtime::enter`. `spawn` works (through the inject
 * queue), the budget is unconstrained and `defer` wakes at once.
 */
import type { TimeDriver, TraceSink } from '../../contracts.ts';
import { currentTaskIdRaw } from '../../context.ts';
import type { RuntimeHandle, ThreadContext } from '../../context.ts';
import { CoopState } from '../../coop.ts';
import type { Waker } from '../../future.ts';
import type { ChoicePoint } from '../../choice.ts';
import { FastRand } from '../../rng.ts';
import type { RngSeed } from '../../rng.ts';

export class HandleContext implements ThreadContext {
  readonly handle: RuntimeHandle;
  readonly time: TimeDriver;
  readonly trace: TraceSink;
  readonly coop: CoopState;
  readonly threadName: string;
  private readonly rng: FastRand;

  constructor(handle: RuntimeHandle, time: TimeDriver, threadName: string, seed: RngSeed) {
    this.handle = handle;
    this.time = time;
    this.trace = handle.world.trace;
    this.threadName = threadName;
    this.rng = new FastRand(seed);
    this.coop = new CoopState({ defer: (w) => this.defer(w), onCoopEvent: () => undefined });
  }

  currentTaskId(): number | undefined {
    const id = currentTaskIdRaw();
    return id === 0 ? undefined : id;
  }

  defer(waker: Waker): void {
    waker.wakeByRef();
  }

  choose(point: ChoicePoint, n: number): number {
    return this.handle.world.choose(point, n, this.rng.fastrandN(n));
  }
}
