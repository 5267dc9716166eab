/**
 * The current_thread scheduler's thread context (tokio-facts.md §6.2, §6.4, §7): the defer list,
 * the coop budget and the thread's FastRand, as `SimContext` exposes them to built-in futures.
 * Also the waker of `block_on`'s main future, which sets the `woken` flag and unparks the driver.
 */
import type { TimeDriver, TraceSink } from '../../contracts.ts';
import { currentTaskIdRaw } from '../../context.ts';
import type { RuntimeHandle, ThreadContext } from '../../context.ts';
import { CoopState } from '../../coop.ts';
import type { CoopEvent } from '../../coop.ts';
import { EventKind } from '../../events.ts';
import type { Waker } from '../../future.ts';
import type { ChoicePoint } from '../../choice.ts';
import { FastRand } from '../../rng.ts';
import type { RngSeed } from '../../rng.ts';
import { DeferList } from '../shared/defer.ts';

export class CtContext implements ThreadContext {
  readonly handle: RuntimeHandle;
  readonly time: TimeDriver;
  readonly trace: TraceSink;
  readonly coop: CoopState;
  readonly deferred: DeferList;
  readonly threadName = 'main';
  readonly schedulerThread = true;
  private readonly rng: FastRand;

  constructor(handle: RuntimeHandle, time: TimeDriver, seed: RngSeed) {
    this.handle = handle;
    this.time = time;
    this.trace = handle.world.trace;
    this.rng = new FastRand(seed);
    this.deferred = new DeferList(this.trace);
    this.coop = new CoopState({
      defer: (w: Waker) => this.deferred.defer(w),
      onCoopEvent: (e: CoopEvent, remaining: number) =>
        this.trace.emit(EventKind.CoopBudget, currentTaskIdRaw(), e, remaining),
    });
  }

  currentTaskId(): number | undefined {
    const id = currentTaskIdRaw();
    return id === 0 ? undefined : id;
  }

  defer(waker: Waker): void {
    this.deferred.defer(waker);
  }

  choose(point: ChoicePoint, n: number): number {
    return this.handle.world.choose(point, n, this.rng.fastrandN(n));
  }
}

/** What the main-future waker needs from its scheduler. */
export interface Wakeable {
  /** `woken = true; driver.unpark()`. */
  wakeMain(): void;
}

/** `Handle::waker_ref` of current_thread: wakes block_on's main future (target 0). */
export class BlockOnWaker implements Waker {
  readonly target = 0;
  private readonly sched: Wakeable;
  private readonly trace: TraceSink;

  constructor(
    sched: Wakeable,
    trace: TraceSink,
    /** True for clones; false for the `waker_ref` block_on polls with. */
    private readonly cloned = false,
  ) {
    this.sched = sched;
    this.trace = trace;
  }

  /** The clone (clones hold nothing and drop as a no-op, so one serves every `clone`). */
  private copy: BlockOnWaker | null = null;

  clone(): Waker {
    if (this.cloned) return this;
    if (this.copy === null) this.copy = new BlockOnWaker(this.sched, this.trace, true);
    return this.copy;
  }

  wake(): void {
    this.trace.emit(EventKind.WakerWake, 0, 1, currentTaskIdRaw());
    this.sched.wakeMain();
  }

  wakeByRef(): void {
    this.trace.emit(EventKind.WakerWake, 0, 0, currentTaskIdRaw());
    this.sched.wakeMain();
  }

  drop(): void {}

  /**
   * Real Tokio 1.48 builds the poll's `waker_ref` and its clones with different vtable pointers,
   * so a stored clone never `will_wake` the waker of the next poll (recorded: tests/fixtures/surface
   * s40_will_wake); clones compare equal to each other.
   */
  willWake(other: Waker): boolean {
    return other instanceof BlockOnWaker && other.sched === this.sched && other.cloned === this.cloned;
  }
}
