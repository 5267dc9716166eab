/**
 * The JoinHandle side of the task harness (tokio-facts.md §2.5 join-waker protocol, §4(a′)/(d),
 * Tokio's `can_read_output`, `take_output`, `drop_join_handle_slow`): storing and swapping the
 * join waker, taking the output once, and the fast / slow JoinHandle drop.
 */
import { DiagnosticCode, EventKind, StageChange } from '../events.ts';
import type { Waker } from '../future.ts';
import { Holder, Stage, holderRemove } from './cell.ts';
import type { Task } from './cell.ts';
import { clearJoinWaker, diag, dropFutureOrOutput, dropReference, traceState } from './harness.ts';
import type { JoinError } from './join-error.ts';
import { RustPanic, isRustPanic } from './panic.ts';
import * as S from './state.ts';

const { Transition } = S;

/** `can_read_output` (§2.5): true when the output can be taken; else the waker is stored. */
export function canReadOutput(t: Task, waker: Waker): boolean {
  const w = t.state;
  if (S.isComplete(w)) return true;
  let stored: boolean;
  if (S.isJoinWakerSet(w)) {
    const cur = t.joinWaker;
    if (cur !== null && cur.willWake(waker)) return false;
    const b = t.state;
    const ok = S.unsetWaker(t);
    traceState(t, b, Transition.UnsetWaker, ok ? 0 : 1);
    stored = ok && setJoinWakerSlot(t, waker.clone());
  } else {
    stored = setJoinWakerSlot(t, waker.clone());
  }
  if (stored) return false;
  if (!S.isComplete(t.state)) throw new S.StateAssertion('can_read_output: COMPLETE after a failed set', t.state);
  return true;
}

function setJoinWakerSlot(t: Task, waker: Waker): boolean {
  const old = t.joinWaker;
  t.joinWaker = waker;
  if (old !== null) old.drop();
  const b = t.state;
  const ok = S.setJoinWaker(t);
  traceState(t, b, Transition.SetJoinWaker, ok ? 0 : 1);
  if (!ok) clearJoinWaker(t);
  return ok;
}

export type JoinResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: JoinError };

/**
 * `take_output` (Finished → Consumed; panics when already taken), handing the output to `ok` or the error to `err`: a caller that converts the
 * result at once (the interpreter's `Result`) makes no `JoinResult` per join.
 */
export function takeOutputWith<T, R>(t: Task, ok: (value: T) => R, err: (error: JoinError) => R): R {
  if (t.stage !== Stage.Finished) throw new RustPanic('JoinHandle polled after completion');
  const value = t.output as T;
  const error = t.error;
  t.output = undefined;
  t.error = null;
  t.stage = Stage.Consumed;
  t.trace.emit(EventKind.TaskStage, t.id, StageChange.OutputTaken);
  return error === null ? ok(value) : err(error);
}

/** JoinHandle drop: the fast path on exactly INITIAL_STATE, else the slow path (§4d). */
export function dropJoinHandle(t: Task): void {
  const before = t.state;
  if (S.dropJoinHandleFast(t)) {
    holderRemove(t, Holder.JoinHandle);
    traceState(t, before, Transition.DropJoinHandleFast, 0);
    return;
  }
  const bits = S.transitionToJoinHandleDropped(t);
  traceState(t, before, Transition.ToJoinHandleDropped, bits);
  if ((bits & S.DROP_OUTPUT) !== 0) {
    try {
      dropFutureOrOutput(t);
    } catch (e) {
      if (!isRustPanic(e)) throw e;
      diag(t, DiagnosticCode.SwallowedPanic, `panic while dropping the output of task ${t.id} was swallowed`);
    }
  }
  if ((bits & S.DROP_WAKER) !== 0) clearJoinWaker(t);
  dropReference(t, Holder.JoinHandle);
}
