/**
 * The task state word (tokio-facts.md §2, Tokio's `runtime/task/state.rs`): 6 flag bits and a
 * reference count in one number. Each transition of §2.4 is one function that takes the cell
 * holding the word (`{ state }`, like Tokio's `State` atomic), writes the new word, and returns the
 * variant Tokio returns. Being single-threaded, every CAS loop is a plain read-compute-write.
 */

export const RUNNING = 0b000001;
export const COMPLETE = 0b000010;
export const LIFECYCLE_MASK = 0b000011;
export const NOTIFIED = 0b000100;
export const JOIN_INTEREST = 0b001000;
export const JOIN_WAKER = 0b010000;
export const CANCELLED = 0b100000;
export const STATE_MASK = 0b111111;
export const REF_COUNT_SHIFT = 6;
export const REF_ONE = 1 << REF_COUNT_SHIFT;
export const INITIAL_STATE = REF_ONE * 3 + JOIN_INTEREST + NOTIFIED; // 204

/** Anything holding a state word (the task header). */
export interface StateCell {
  state: number;
}

/** Thrown when a transition's precondition (a Tokio `assert!`) fails: a simulator bug. */
export class StateAssertion extends Error {
  constructor(what: string, word: number) {
    super(`task state assertion failed: ${what} (state ${word} = ${formatState(word)})`);
    this.name = 'StateAssertion';
  }
}

export const refCount = (w: number): number => w >>> REF_COUNT_SHIFT;
export const isIdle = (w: number): boolean => (w & LIFECYCLE_MASK) === 0;
export const isRunning = (w: number): boolean => (w & RUNNING) !== 0;
export const isComplete = (w: number): boolean => (w & COMPLETE) !== 0;
export const isNotified = (w: number): boolean => (w & NOTIFIED) !== 0;
export const isJoinInterested = (w: number): boolean => (w & JOIN_INTEREST) !== 0;
export const isJoinWakerSet = (w: number): boolean => (w & JOIN_WAKER) !== 0;
export const isCancelled = (w: number): boolean => (w & CANCELLED) !== 0;

/** `0b<refcount>_<XWJNCR>`, the notation of tokio-facts.md. */
export function formatState(w: number): string {
  return `0b${refCount(w).toString(2)}_${(w & STATE_MASK).toString(2).padStart(6, '0')}`;
}

// Result variants as small numbers: cheap to return and to store in the trace; *_NAMES decode them.
export const TransitionToRunning = { Success: 0, Cancelled: 1, Failed: 2, Dealloc: 3 } as const;
export type TransitionToRunning = (typeof TransitionToRunning)[keyof typeof TransitionToRunning];
export const TransitionToIdle = { Ok: 0, OkNotified: 1, OkDealloc: 2, Cancelled: 3 } as const;
export type TransitionToIdle = (typeof TransitionToIdle)[keyof typeof TransitionToIdle];
export const TransitionToNotifiedByVal = { DoNothing: 0, Submit: 1, Dealloc: 2 } as const;
export type TransitionToNotifiedByVal = (typeof TransitionToNotifiedByVal)[keyof typeof TransitionToNotifiedByVal];
export const TransitionToNotifiedByRef = { DoNothing: 0, Submit: 1 } as const;
export type TransitionToNotifiedByRef = (typeof TransitionToNotifiedByRef)[keyof typeof TransitionToNotifiedByRef];

/** `TransitionToJoinHandleDrop` packed as bits: 1 = drop_waker, 2 = drop_output. */
export const DROP_WAKER = 1;
export const DROP_OUTPUT = 2;
export type JoinHandleDropBits = number;

/** Which transition a `task.state` event records. */
export const Transition = {
  ToRunning: 0,
  ToIdle: 1,
  ToComplete: 2,
  ToTerminal: 3,
  ToNotifiedByVal: 4,
  ToNotifiedByRef: 5,
  ToNotifiedAndCancel: 6,
  ToShutdown: 7,
  DropJoinHandleFast: 8,
  ToJoinHandleDropped: 9,
  SetJoinWaker: 10,
  UnsetWaker: 11,
  UnsetWakerAfterComplete: 12,
  RefInc: 13,
  RefDec: 14,
  RefDecTwice: 15,
} as const;
export type Transition = (typeof Transition)[keyof typeof Transition];

export const TRANSITION_NAMES: readonly string[] = [
  'transition_to_running',
  'transition_to_idle',
  'transition_to_complete',
  'transition_to_terminal',
  'transition_to_notified_by_val',
  'transition_to_notified_by_ref',
  'transition_to_notified_and_cancel',
  'transition_to_shutdown',
  'drop_join_handle_fast',
  'transition_to_join_handle_dropped',
  'set_join_waker',
  'unset_waker',
  'unset_waker_after_complete',
  'ref_inc',
  'ref_dec',
  'ref_dec_twice',
];

const OK_ERR = ['Ok', 'Err'];
const BOOL = ['false', 'true'];
/** Result names per transition, indexed by the numeric result stored in the trace. */
export const RESULT_NAMES: readonly (readonly string[])[] = [
  ['Success', 'Cancelled', 'Failed', 'Dealloc'],
  ['Ok', 'OkNotified', 'OkDealloc', 'Cancelled'],
  ['snapshot'],
  BOOL,
  ['DoNothing', 'Submit', 'Dealloc'],
  ['DoNothing', 'Submit'],
  BOOL,
  BOOL,
  OK_ERR,
  ['{}', '{drop_waker}', '{drop_output}', '{drop_waker, drop_output}'],
  OK_ERR,
  OK_ERR,
  ['snapshot'],
  ['()'],
  BOOL,
  BOOL,
];

function refDecWord(w: number, what: string): number {
  if (w < REF_ONE) throw new StateAssertion(`${what}: ref_count >= 1`, w);
  return w - REF_ONE;
}

export function transitionToRunning(c: StateCell): TransitionToRunning {
  const w = c.state;
  if (!isNotified(w)) throw new StateAssertion('transition_to_running: NOTIFIED', w);
  if (!isIdle(w)) {
    const next = refDecWord(w, 'transition_to_running');
    c.state = next;
    return refCount(next) === 0 ? TransitionToRunning.Dealloc : TransitionToRunning.Failed;
  }
  const next = (w | RUNNING) & ~NOTIFIED;
  c.state = next;
  return isCancelled(next) ? TransitionToRunning.Cancelled : TransitionToRunning.Success;
}

export function transitionToIdle(c: StateCell): TransitionToIdle {
  const w = c.state;
  if (!isRunning(w)) throw new StateAssertion('transition_to_idle: RUNNING', w);
  if (isCancelled(w)) return TransitionToIdle.Cancelled;
  const cleared = w & ~RUNNING;
  if (!isNotified(cleared)) {
    const next = refDecWord(cleared, 'transition_to_idle');
    c.state = next;
    return refCount(next) === 0 ? TransitionToIdle.OkDealloc : TransitionToIdle.Ok;
  }
  c.state = cleared + REF_ONE;
  return TransitionToIdle.OkNotified;
}

/** XOR with RUNNING|COMPLETE; returns the new snapshot. */
export function transitionToComplete(c: StateCell): number {
  const w = c.state;
  if (!isRunning(w)) throw new StateAssertion('transition_to_complete: RUNNING', w);
  if (isComplete(w)) throw new StateAssertion('transition_to_complete: !COMPLETE', w);
  const next = w ^ (RUNNING | COMPLETE);
  c.state = next;
  return next;
}

/** Drops `count` references; true when the task must be deallocated. */
export function transitionToTerminal(c: StateCell, count: number): boolean {
  const w = c.state;
  if (refCount(w) < count) throw new StateAssertion(`transition_to_terminal: ref_count >= ${count}`, w);
  c.state = w - count * REF_ONE;
  return refCount(w) === count;
}

export function transitionToNotifiedByVal(c: StateCell): TransitionToNotifiedByVal {
  const w = c.state;
  if (isRunning(w)) {
    const next = refDecWord(w | NOTIFIED, 'transition_to_notified_by_val');
    if (refCount(next) === 0) throw new StateAssertion('transition_to_notified_by_val: ref_count > 0', w);
    c.state = next;
    return TransitionToNotifiedByVal.DoNothing;
  }
  if (isComplete(w) || isNotified(w)) {
    const next = refDecWord(w, 'transition_to_notified_by_val');
    c.state = next;
    return refCount(next) === 0 ? TransitionToNotifiedByVal.Dealloc : TransitionToNotifiedByVal.DoNothing;
  }
  c.state = (w | NOTIFIED) + REF_ONE;
  return TransitionToNotifiedByVal.Submit;
}

export function transitionToNotifiedByRef(c: StateCell): TransitionToNotifiedByRef {
  const w = c.state;
  // Complete, or already notified (1.48 does a same-value CAS there, for ordering only).
  if (isComplete(w) || isNotified(w)) return TransitionToNotifiedByRef.DoNothing;
  if (isRunning(w)) {
    c.state = w | NOTIFIED;
    return TransitionToNotifiedByRef.DoNothing;
  }
  c.state = (w | NOTIFIED) + REF_ONE;
  return TransitionToNotifiedByRef.Submit;
}

/** abort(): true when the caller must schedule a new Notified. */
export function transitionToNotifiedAndCancel(c: StateCell): boolean {
  const w = c.state;
  if (isCancelled(w) || isComplete(w)) return false;
  if (isRunning(w)) {
    c.state = w | NOTIFIED | CANCELLED;
    return false;
  }
  if (!isNotified(w)) {
    c.state = (w | CANCELLED | NOTIFIED) + REF_ONE;
    return true;
  }
  c.state = w | CANCELLED;
  return false;
}

/** Sets CANCELLED, and RUNNING if idle (takes the lock); true iff it was idle. */
export function transitionToShutdown(c: StateCell): boolean {
  const w = c.state;
  const idle = isIdle(w);
  c.state = (idle ? w | RUNNING : w) | CANCELLED;
  return idle;
}

/** The JoinHandle drop fast path: succeeds only on exactly INITIAL_STATE (the sim's CAS never fails spuriously). */
export function dropJoinHandleFast(c: StateCell): boolean {
  if (c.state !== INITIAL_STATE) return false;
  c.state = (INITIAL_STATE - REF_ONE) & ~JOIN_INTEREST;
  return true;
}

/** Clears J (and W when not complete); returns DROP_WAKER | DROP_OUTPUT bits. */
export function transitionToJoinHandleDropped(c: StateCell): JoinHandleDropBits {
  const w = c.state;
  if (!isJoinInterested(w)) throw new StateAssertion('transition_to_join_handle_dropped: JOIN_INTEREST', w);
  let next = w & ~JOIN_INTEREST;
  let bits = 0;
  if (!isComplete(next)) next &= ~JOIN_WAKER;
  else bits |= DROP_OUTPUT;
  if (!isJoinWakerSet(next)) bits |= DROP_WAKER;
  c.state = next;
  return bits;
}

/** Ok(true) / Err(false): fails when the task already completed. */
export function setJoinWaker(c: StateCell): boolean {
  const w = c.state;
  if (!isJoinInterested(w)) throw new StateAssertion('set_join_waker: JOIN_INTEREST', w);
  if (isJoinWakerSet(w)) throw new StateAssertion('set_join_waker: !JOIN_WAKER', w);
  if (isComplete(w)) return false;
  c.state = w | JOIN_WAKER;
  return true;
}

export function unsetWaker(c: StateCell): boolean {
  const w = c.state;
  if (!isJoinInterested(w)) throw new StateAssertion('unset_waker: JOIN_INTEREST', w);
  if (isComplete(w)) return false;
  if (!isJoinWakerSet(w)) throw new StateAssertion('unset_waker: JOIN_WAKER', w);
  c.state = w & ~JOIN_WAKER;
  return true;
}

export function unsetWakerAfterComplete(c: StateCell): number {
  const w = c.state;
  if (!isComplete(w)) throw new StateAssertion('unset_waker_after_complete: COMPLETE', w);
  if (!isJoinWakerSet(w)) throw new StateAssertion('unset_waker_after_complete: JOIN_WAKER', w);
  const next = w & ~JOIN_WAKER;
  c.state = next;
  return next;
}

export function refInc(c: StateCell): void {
  c.state += REF_ONE;
}

/** True when this was the last reference. */
export function refDec(c: StateCell): boolean {
  const w = c.state;
  c.state = refDecWord(w, 'ref_dec');
  return refCount(w) === 1;
}

export function refDecTwice(c: StateCell): boolean {
  const w = c.state;
  if (refCount(w) < 2) throw new StateAssertion('ref_dec_twice: ref_count >= 2', w);
  c.state = w - 2 * REF_ONE;
  return refCount(w) === 2;
}
