/**
 * current_thread `block_on` as a steppable machine (tokio-facts.md §6.2 "block_on loop"): the main
 * future is polled when its `woken` flag is set (set on entry, so it goes first); then up to
 * `event_interval` ticks each poll one task (inject first every `global_queue_interval` ticks);
 * no task → park (or park_yield when wakers are deferred) and back to the main future; 61 polls
 * without parking → park_yield. Each `step()` performs exactly one action.
 */
import { enterContext, leaveContext } from '../../context.ts';
import { INITIAL_BUDGET } from '../../coop.ts';
import { EventKind, PollOutcome } from '../../events.ts';
import { PENDING } from '../../future.ts';
import type { Context, Future } from '../../future.ts';
import type { StepResult, TaskStep } from '../../runtime/step.ts';
import { pollTask } from '../../task/harness.ts';
import { isRustPanic } from '../../task/panic.ts';
import type { RustPanic } from '../../task/panic.ts';
import { BlockOnWaker } from './context.ts';
import type { CtCore } from './core.ts';
import type { CtPark } from './park.ts';

export type BlockOnStatus<T> =
  | { readonly kind: 'running' }
  | { readonly kind: 'ready'; readonly value: T }
  | { readonly kind: 'panicked'; readonly panic: RustPanic };

// The step results that carry no data: one object each, not one per step (main is polled per step).
const IDLE: StepResult = { kind: 'idle' };
const MAIN_PENDING: StepResult = { kind: 'main', outcome: 'pending' };
const MAIN_READY: StepResult = { kind: 'main', outcome: 'ready' };
const MAIN_PANICKED: StepResult = { kind: 'main', outcome: 'panicked' };

export class BlockOn<T> {
  private readonly core: CtCore;
  private readonly park: CtPark;
  private future: Future<T> | null;
  private readonly cx: Context;
  private inner = -1; // -1: at the top of the outer loop; else polls done in this round
  status: BlockOnStatus<T> = { kind: 'running' };
  /** What a task poll returns: one object, rewritten each poll (step.ts `StepResult`). */
  private readonly taskStep: TaskStep = { kind: 'task', task: 0 };

  constructor(core: CtCore, park: CtPark, future: Future<T>) {
    this.core = core;
    this.park = park;
    this.future = future;
    this.cx = { waker: new BlockOnWaker(core, core.world.trace) };
    core.woken = true;
    core.world.trace.emit(EventKind.BlockOnStart, 0);
  }

  get done(): boolean {
    return this.status.kind !== 'running';
  }

  step(): StepResult {
    const core = this.core;
    for (;;) {
      if (this.status.kind !== 'running') return IDLE;
      if (this.park.active) {
        const r = this.park.step();
        // A finished park sends the loop back to the main future (`continue 'outer`).
        if (!this.park.active) this.inner = -1;
        if (r !== null) return r;
        continue;
      }
      if (this.inner < 0) {
        this.inner = 0;
        if (core.woken) {
          core.woken = false;
          return this.pollMain();
        }
        continue;
      }
      if (this.inner >= core.config.eventInterval) {
        this.park.begin(true);
        continue;
      }
      core.tick++;
      const t = core.nextTask();
      if (t === null) {
        this.park.begin(!core.ctx.deferred.isEmpty());
        continue;
      }
      this.inner++;
      // `run_task`: the core in the context, a fresh budget (no closure: this is the hot path).
      const coop = core.ctx.coop;
      const prev = enterContext(core.ctx);
      const held = core.coreHeld;
      core.coreHeld = true;
      coop.enter(INITIAL_BUDGET);
      try {
        pollTask(t);
      } finally {
        coop.exit();
        core.coreHeld = held;
        leaveContext(prev);
      }
      const r = this.taskStep;
      r.task = t.id;
      return r;
    }
  }

  private pollMain(): StepResult {
    const core = this.core;
    const fut = this.future;
    if (fut === null) throw new Error('block_on future polled after completion');
    const trace = core.world.trace;
    const coop = core.ctx.coop;
    trace.emit(EventKind.PollStart, 0);
    let res: T | typeof PENDING = PENDING;
    let panic: RustPanic | null = null;
    // The core in the context and a fresh budget, inline: this runs once per main-future poll.
    const prev = enterContext(core.ctx);
    const held = core.coreHeld;
    core.coreHeld = true;
    coop.enter(INITIAL_BUDGET);
    try {
      res = fut.poll(this.cx);
    } catch (e) {
      if (!isRustPanic(e)) throw e;
      panic = e;
    } finally {
      coop.exit();
      core.coreHeld = held;
      leaveContext(prev);
    }
    if (panic !== null) {
      trace.emit(EventKind.PollEnd, 0, PollOutcome.Panicked);
      this.finish({ kind: 'panicked', panic });
      return MAIN_PANICKED;
    }
    if (res === PENDING) {
      trace.emit(EventKind.PollEnd, 0, PollOutcome.Pending);
      return MAIN_PENDING;
    }
    trace.emit(EventKind.PollEnd, 0, PollOutcome.Ready);
    this.finish({ kind: 'ready', value: res });
    return MAIN_READY;
  }

  /** The pinned main future is dropped when block_on returns (or unwinds), outside the core. */
  private finish(status: BlockOnStatus<T>): void {
    const fut = this.future;
    this.future = null;
    this.status = status;
    try {
      if (fut !== null) this.core.withoutCore(() => fut.drop());
    } finally {
      this.core.world.trace.emit(EventKind.BlockOnEnd, 0);
    }
  }
}
