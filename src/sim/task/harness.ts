/**
 * The task harness (tokio-facts.md §2.4 "what the caller does", §3.3 stage, §4 walk-throughs,
 * Tokio's `runtime/task/harness.rs`): poll, complete, cancel, shutdown, dealloc, wakes, abort and
 * the JoinHandle side of the join-waker protocol (§2.5). Every state change is traced with the
 * word before and after.
 */
import { setCurrentTaskId, currentTaskIdRaw } from '../context.ts';
import { DiagnosticCode, EventKind, PollOutcome, StageChange } from '../events.ts';
import { PENDING } from '../future.ts';
import { Holder, Stage, holderAdd, holderRemove } from './cell.ts';
import type { Task } from './cell.ts';
import { JoinError } from './join-error.ts';
import { isRustPanic } from './panic.ts';
import * as S from './state.ts';

const { Transition } = S;

/**
 * Emits the `task.state` event for a transition that moved `t` from `before`, carrying the holder
 * changes recorded since the last event (so call holderAdd/holderRemove first).
 */
export function traceState(t: Task, before: number, transition: number, result: number): void {
  t.trace.emit(EventKind.TaskState, t.id, before, t.state, transition | (result << 5) | (t.refNote << 8));
  t.refNote = 0;
}

export function diag(t: Task, code: number, message: string): void {
  t.trace.emit(EventKind.Diagnostic, t.id, code, t.trace.intern(message));
}

/** Drops one reference held by `holder`; frees the task at zero. */
export function dropReference(t: Task, holder: Holder): void {
  const before = t.state;
  const last = S.refDec(t);
  holderRemove(t, holder);
  traceState(t, before, Transition.RefDec, last ? 1 : 0);
  if (last) dealloc(t);
}

/** Adds one reference for a new holder (waker clone, AbortHandle). */
export function addReference(t: Task, holder: Holder): void {
  const before = t.state;
  S.refInc(t);
  holderAdd(t, holder);
  traceState(t, before, Transition.RefInc, 0);
}

// ---- poll -------------------------------------------------------------------------------

const PollFuture = { Complete: 0, Notified: 1, Done: 2, Dealloc: 3, Suspended: 4 } as const;
type PollFuture = (typeof PollFuture)[keyof typeof PollFuture];

/**
 * `Harness::poll`: runs the task for the Notified reference the caller hands over. `worker` is
 * the multi_thread worker polling it (-1: none), recorded on `poll.start`.
 */
export function pollTask(t: Task, worker = -1): void {
  finishPoll(t, pollInner(t, worker));
}

/** True while a blocking job's poll is suspended in `blockingSleep` (the pool resumes it). */
export function isPollSuspended(t: Task): boolean {
  return t.blockingWakeAt >= 0;
}

/** Continues a blocking job's poll after its real-time sleep ended. */
export function resumePoll(t: Task): void {
  t.blockingWakeAt = -1;
  finishPoll(t, afterFuturePoll(t, pollFuture(t, -1)));
}

function finishPoll(t: Task, r: PollFuture): void {
  switch (r) {
    case PollFuture.Notified:
      t.scheduler.yieldNow(t);
      dropReference(t, Holder.Notified);
      break;
    case PollFuture.Complete:
      complete(t, Holder.Notified);
      break;
    case PollFuture.Dealloc:
      dealloc(t);
      break;
    default:
      break;
  }
}

function pollInner(t: Task, worker: number): PollFuture {
  const before = t.state;
  const r = S.transitionToRunning(t);
  if (r === S.TransitionToRunning.Failed || r === S.TransitionToRunning.Dealloc) holderRemove(t, Holder.Notified);
  traceState(t, before, Transition.ToRunning, r);
  switch (r) {
    case S.TransitionToRunning.Success:
      return afterFuturePoll(t, pollFuture(t, worker));
    case S.TransitionToRunning.Cancelled:
      cancelTask(t);
      return PollFuture.Complete;
    case S.TransitionToRunning.Failed:
      return PollFuture.Done;
    default:
      return PollFuture.Dealloc;
  }
}

function afterFuturePoll(t: Task, ready: boolean): PollFuture {
  if (ready) return PollFuture.Complete;
  if (t.blockingWakeAt >= 0) return PollFuture.Suspended;
  const before = t.state;
  const r = S.transitionToIdle(t);
  if (r === S.TransitionToIdle.OkNotified) holderAdd(t, Holder.Notified);
  else if (r !== S.TransitionToIdle.Cancelled) holderRemove(t, Holder.Notified);
  traceState(t, before, Transition.ToIdle, r);
  switch (r) {
    case S.TransitionToIdle.Ok:
      return PollFuture.Done;
    case S.TransitionToIdle.OkNotified:
      return PollFuture.Notified;
    case S.TransitionToIdle.OkDealloc:
      return PollFuture.Dealloc;
    default:
      cancelTask(t);
      return PollFuture.Complete;
  }
}

/** `poll_future`: polls under the task-id guard; Ready or a panic stores the output. True = done. */
function pollFuture(t: Task, worker: number): boolean {
  // the task is its own poll context (cell.ts): Tokio's borrowed `waker_ref`
  const cx = t;
  const fut = t.future;
  if (fut === null) throw new Error(`task ${t.id} polled without a future`);
  const trace = t.trace;
  const span = t.meta.span;
  trace.emit(
    EventKind.PollStart,
    t.id,
    span === undefined ? 0 : span.line,
    span === undefined ? 0 : span.col,
    worker + 1,
  );
  const prevId = setCurrentTaskId(t.id);
  let res: unknown;
  try {
    res = fut.poll(cx);
  } catch (e) {
    if (!isRustPanic(e)) {
      setCurrentTaskId(prevId);
      throw e;
    }
    // The guard drops the future while unwinding; a second panic there would abort the process.
    try {
      dropFutureOrOutput(t, false);
    } catch (e2) {
      if (!isRustPanic(e2)) throw e2;
      diag(t, DiagnosticCode.DoublePanic, 'panic while dropping a future that panicked (Rust would abort)');
    }
    setCurrentTaskId(prevId);
    trace.emit(EventKind.PollEnd, t.id, PollOutcome.Panicked);
    t.scheduler.unhandledPanic(t);
    storeOutput(t, undefined, JoinError.panic(t.id, e));
    return true;
  }
  if (res === PENDING) {
    setCurrentTaskId(prevId);
    trace.emit(EventKind.PollEnd, t.id, PollOutcome.Pending);
    return false;
  }
  // Ready: the future is dropped inside the poll; a panic there turns the result into a panic.
  let error: JoinError | null = null;
  try {
    dropFutureOrOutput(t, false);
  } catch (e) {
    if (!isRustPanic(e)) throw e;
    t.world.dropValue(res);
    error = JoinError.panic(t.id, e);
  }
  setCurrentTaskId(prevId);
  trace.emit(EventKind.PollEnd, t.id, PollOutcome.Ready);
  // poll.end Ready already says Finished(Ok); only a destructor panic needs its own stage event.
  storeOutput(t, error === null ? res : undefined, error, error !== null);
  return true;
}

function storeOutput(t: Task, value: unknown, error: JoinError | null, traced = true): void {
  t.stage = Stage.Finished;
  t.output = value;
  t.error = error;
  if (!traced) return;
  const change =
    error === null
      ? StageChange.FinishedOk
      : error.isCancelled()
        ? StageChange.FinishedCancelled
        : StageChange.FinishedPanic;
  t.trace.emit(EventKind.TaskStage, t.id, change);
}

/**
 * `drop_future_or_output` under the task-id guard: the stage becomes Consumed. May throw RustPanic.
 * `traced` false when the next event (the stored output) already says the future is gone.
 */
export function dropFutureOrOutput(t: Task, traced = true): void {
  const prevId = setCurrentTaskId(t.id);
  try {
    dropStage(t, traced);
  } finally {
    setCurrentTaskId(prevId);
  }
}

function dropStage(t: Task, traced: boolean): void {
  const stage = t.stage;
  if (stage === Stage.Running) {
    const fut = t.future;
    t.future = null;
    t.stage = Stage.Consumed;
    if (traced) t.trace.emit(EventKind.TaskStage, t.id, StageChange.FutureDropped);
    if (fut !== null) fut.drop();
  } else if (stage === Stage.Finished) {
    const value = t.output;
    const error = t.error;
    t.output = undefined;
    t.error = null;
    t.stage = Stage.Consumed;
    t.trace.emit(EventKind.TaskStage, t.id, StageChange.OutputDropped);
    if (error === null) t.world.dropValue(value);
    else {
      const p = error.tryIntoPanic();
      if (p !== undefined) t.world.dropValue(p.payload);
    }
  }
}

/** `cancel_task`: drop the future (a panic there becomes the result), store Cancelled. */
function cancelTask(t: Task): void {
  let error: JoinError;
  try {
    dropFutureOrOutput(t, false);
    error = JoinError.cancelled(t.id);
  } catch (e) {
    if (!isRustPanic(e)) throw e;
    error = JoinError.panic(t.id, e);
  }
  storeOutput(t, undefined, error);
}

/** `complete`: wake or drop per J/W, release from the owner, drop the caller's (and owned) refs. */
function complete(t: Task, callerHolder: Holder): void {
  const before = t.state;
  const snapshot = S.transitionToComplete(t);
  traceState(t, before, Transition.ToComplete, 0);
  try {
    if (!S.isJoinInterested(snapshot)) {
      dropFutureOrOutput(t);
    } else if (S.isJoinWakerSet(snapshot)) {
      const w = t.joinWaker;
      if (w === null) throw new Error(`task ${t.id}: waker missing`);
      w.wakeByRef();
      const b2 = t.state;
      const after = S.unsetWakerAfterComplete(t);
      traceState(t, b2, Transition.UnsetWakerAfterComplete, 0);
      if (!S.isJoinInterested(after)) clearJoinWaker(t);
    }
  } catch (e) {
    if (!isRustPanic(e)) throw e;
    diag(t, DiagnosticCode.SwallowedPanic, `panic while completing task ${t.id} was caught: ${e.message}`);
  }
  // The released count shows in the word: terminal(2) when the owned handle came back.
  const removed = t.scheduler.release(t);
  const b3 = t.state;
  const last = S.transitionToTerminal(t, removed ? 2 : 1);
  if (removed) holderRemove(t, Holder.Owned, false);
  holderRemove(t, callerHolder);
  traceState(t, b3, Transition.ToTerminal, last ? 1 : 0);
  if (last) dealloc(t);
}

export function clearJoinWaker(t: Task): void {
  const w = t.joinWaker;
  t.joinWaker = null;
  if (w !== null) w.drop();
}

/** `Harness::shutdown` for the holder of the owned reference (owned-list drain, closed list). */
export function shutdownTask(t: Task, holder: Holder = Holder.Owned): void {
  const before = t.state;
  const idle = S.transitionToShutdown(t);
  traceState(t, before, Transition.ToShutdown, idle ? 1 : 0);
  if (!idle) {
    dropReference(t, holder);
    return;
  }
  cancelTask(t);
  complete(t, holder);
}

/** Frees the cell: the join waker and whatever stage is left are dropped. */
export function dealloc(t: Task): void {
  if (t.deallocated) throw new Error(`task ${t.id} deallocated twice`);
  // No event: the transition that freed it shows ref count 0 in its `after` word.
  t.deallocated = true;
  t.world.liveTasks--;
  clearJoinWaker(t);
  dropStage(t, true);
}

// ---- wakes and abort ----------------------------------------------------------------------

/** `wake_by_val`: consumes one reference held by `holder` (a waker). */
export function wakeByVal(t: Task, holder: Holder = Holder.Waker): void {
  t.trace.emit(EventKind.WakerWake, t.id, 1, currentTaskIdRaw());
  const before = t.state;
  const r = S.transitionToNotifiedByVal(t);
  if (r === S.TransitionToNotifiedByVal.Submit) {
    holderAdd(t, Holder.Notified);
    traceState(t, before, Transition.ToNotifiedByVal, r);
    t.scheduler.schedule(t);
    dropReference(t, holder);
    return;
  }
  holderRemove(t, holder);
  traceState(t, before, Transition.ToNotifiedByVal, r);
  if (r === S.TransitionToNotifiedByVal.Dealloc) dealloc(t);
}

export function wakeByRef(t: Task): void {
  t.trace.emit(EventKind.WakerWake, t.id, 0, currentTaskIdRaw());
  const before = t.state;
  const r = S.transitionToNotifiedByRef(t);
  if (r === S.TransitionToNotifiedByRef.Submit) holderAdd(t, Holder.Notified);
  if (t.state !== before) traceState(t, before, Transition.ToNotifiedByRef, r);
  if (r === S.TransitionToNotifiedByRef.Submit) t.scheduler.schedule(t);
}

/** `remote_abort` (JoinHandle::abort / AbortHandle::abort). */
export function remoteAbort(t: Task): void {
  const before = t.state;
  const submit = S.transitionToNotifiedAndCancel(t);
  if (submit) holderAdd(t, Holder.Notified);
  traceState(t, before, Transition.ToNotifiedAndCancel, submit ? 1 : 0);
  if (submit) t.scheduler.schedule(t);
}

/** A Notified dropped without running (queue drained at shutdown, closed queue). */
export function dropNotified(t: Task): void {
  dropReference(t, Holder.Notified);
}
