import { describe, expect, it } from 'vitest';
import * as S from './state.ts';

const { RUNNING: R, COMPLETE: C, NOTIFIED: N, JOIN_INTEREST: J, JOIN_WAKER: W, CANCELLED: X, REF_ONE } = S;
const w = (refs: number, bits: number): number => refs * REF_ONE + bits;
function run<T>(word: number, f: (c: S.StateCell) => T): [T, number] {
  const c = { state: word };
  const r = f(c);
  return [r, c.state];
}

describe('§2.1 constants', () => {
  it('has the real values', () => {
    expect([R, C, S.LIFECYCLE_MASK, N, J, W, X, S.STATE_MASK, REF_ONE, S.REF_COUNT_SHIFT]).toEqual([
      1, 2, 3, 4, 8, 16, 32, 63, 64, 6,
    ]);
    expect(S.INITIAL_STATE).toBe(204);
    expect(S.formatState(204)).toBe('0b11_001100');
    expect(S.refCount(204)).toBe(3);
  });
});

describe('§2.4 transition table', () => {
  const T = S.TransitionToRunning;
  it.each([
    ['idle+notified → Success', w(3, J | N), T.Success, w(3, J | R)],
    ['idle+notified+cancelled → Cancelled', w(3, J | N | X), T.Cancelled, w(3, J | R | X)],
    ['running → Failed (ref −1)', w(3, J | N | R), T.Failed, w(2, J | N | R)],
    ['complete, last ref → Dealloc', w(1, N | C), T.Dealloc, w(0, N | C)],
  ])('transition_to_running: %s', (_n, before, result, after) => {
    expect(run(before, S.transitionToRunning)).toEqual([result, after]);
  });
  it('transition_to_running asserts NOTIFIED', () => {
    expect(() => run(w(3, J), S.transitionToRunning)).toThrow(S.StateAssertion);
  });

  const I = S.TransitionToIdle;
  it.each([
    ['cancelled → no change', w(3, J | R | X), I.Cancelled, w(3, J | R | X)],
    ['not notified → ref −1, Ok', w(3, J | R), I.Ok, w(2, J)],
    ['not notified, last ref → OkDealloc', w(1, R), I.OkDealloc, w(0, 0)],
    ['notified → ref +1, OkNotified', w(4, J | R | N), I.OkNotified, w(5, J | N)],
  ])('transition_to_idle: %s', (_n, before, result, after) => {
    expect(run(before, S.transitionToIdle)).toEqual([result, after]);
  });
  it('transition_to_idle asserts RUNNING', () => expect(() => run(204, S.transitionToIdle)).toThrow(S.StateAssertion));

  it('transition_to_complete XORs R|C and keeps stale N/X', () => {
    expect(run(w(3, J | R | N | X), S.transitionToComplete)).toEqual([w(3, J | C | N | X), w(3, J | C | N | X)]);
    expect(() => run(w(3, J), S.transitionToComplete)).toThrow(S.StateAssertion);
  });

  it.each([
    [w(3, C), 2, false, w(1, C)],
    [w(2, C), 2, true, w(0, C)],
    [w(1, C), 1, true, w(0, C)],
  ])('transition_to_terminal(%i, %i)', (before, count, dealloc, after) => {
    expect(run(before, (c) => S.transitionToTerminal(c, count))).toEqual([dealloc, after]);
  });
  it('transition_to_terminal asserts ref ≥ count', () =>
    expect(() => run(w(1, C), (c) => S.transitionToTerminal(c, 2))).toThrow());

  const V = S.TransitionToNotifiedByVal;
  it.each([
    ['running → set N, ref −1', w(4, J | R), V.DoNothing, w(3, J | R | N)],
    ['complete → ref −1', w(2, C), V.DoNothing, w(1, C)],
    ['complete, last → Dealloc', w(1, C), V.Dealloc, w(0, C)],
    ['notified → ref −1', w(4, J | N), V.DoNothing, w(3, J | N)],
    ['idle → set N, ref +1, Submit', w(3, J), V.Submit, w(4, J | N)],
  ])('transition_to_notified_by_val: %s', (_n, before, result, after) => {
    expect(run(before, S.transitionToNotifiedByVal)).toEqual([result, after]);
  });

  const F = S.TransitionToNotifiedByRef;
  it.each([
    ['complete → nothing', w(2, C), F.DoNothing, w(2, C)],
    ['notified → no change', w(3, J | N), F.DoNothing, w(3, J | N)],
    ['running → set N', w(3, J | R), F.DoNothing, w(3, J | R | N)],
    ['idle → set N, ref +1, Submit', w(3, J), F.Submit, w(4, J | N)],
  ])('transition_to_notified_by_ref: %s', (_n, before, result, after) => {
    expect(run(before, S.transitionToNotifiedByRef)).toEqual([result, after]);
  });

  it.each([
    ['cancelled → nothing', w(3, J | X), false, w(3, J | X)],
    ['complete → nothing', w(1, J | C), false, w(1, J | C)],
    ['running → set N and X', w(3, J | R), false, w(3, J | R | N | X)],
    ['idle, N clear → X, N, ref +1', w(3, J), true, w(4, J | N | X)],
    ['idle, N set → X only', 204, false, 236],
  ])('transition_to_notified_and_cancel: %s', (_n, before, result, after) => {
    expect(run(before, S.transitionToNotifiedAndCancel)).toEqual([result, after]);
  });

  it.each([
    ['idle → R and X, true', 200, true, 233],
    ['running → X only, false', w(3, J | R), false, w(3, J | R | X)],
    ['complete → X, false', w(1, J | C), false, w(1, J | C | X)],
  ])('transition_to_shutdown: %s', (_n, before, result, after) => {
    expect(run(before, S.transitionToShutdown)).toEqual([result, after]);
  });

  it('drop_join_handle_fast succeeds only on exactly 204', () => {
    expect(run(204, S.dropJoinHandleFast)).toEqual([true, 132]);
    expect(run(220, S.dropJoinHandleFast)).toEqual([false, 220]);
    expect(run(200, S.dropJoinHandleFast)).toEqual([false, 200]);
  });

  it.each([
    ['not complete, W set → clear J and W; drop_waker', 216, S.DROP_WAKER, 192],
    ['complete → drop_output and drop_waker', 74, S.DROP_WAKER | S.DROP_OUTPUT, 66],
    ['complete with W still set → drop_output only', w(1, J | W | C), S.DROP_OUTPUT, w(1, W | C)],
  ])('transition_to_join_handle_dropped: %s', (_n, before, bits, after) => {
    expect(run(before, S.transitionToJoinHandleDropped)).toEqual([bits, after]);
  });
  it('transition_to_join_handle_dropped asserts J', () =>
    expect(() => run(132, S.transitionToJoinHandleDropped)).toThrow());

  it('set_join_waker / unset_waker / unset_waker_after_complete', () => {
    expect(run(204, S.setJoinWaker)).toEqual([true, 220]);
    expect(run(w(1, J | C), S.setJoinWaker)).toEqual([false, w(1, J | C)]);
    expect(() => run(220, S.setJoinWaker)).toThrow();
    expect(run(220, S.unsetWaker)).toEqual([true, 204]);
    expect(run(w(1, J | W | C), S.unsetWaker)).toEqual([false, w(1, J | W | C)]);
    expect(() => run(204, S.unsetWaker)).toThrow();
    expect(run(218, S.unsetWakerAfterComplete)).toEqual([202, 202]);
    expect(() => run(202, S.unsetWakerAfterComplete)).toThrow();
  });

  it('ref_inc / ref_dec / ref_dec_twice', () => {
    expect(run(204, S.refInc)).toEqual([undefined, 268]);
    expect(run(204, S.refDec)).toEqual([false, 140]);
    expect(run(w(1, C), S.refDec)).toEqual([true, w(0, C)]);
    expect(run(w(2, 0), S.refDecTwice)).toEqual([true, 0]);
    expect(run(w(3, 0), S.refDecTwice)).toEqual([false, w(1, 0)]);
    expect(() => run(0, S.refDec)).toThrow();
    expect(() => run(w(1, 0), S.refDecTwice)).toThrow();
  });
});

/** Applies steps to one cell and records the word after each. */
function walk(start: number, steps: ((c: S.StateCell) => unknown)[]): number[] {
  const c = { state: start };
  return steps.map((f) => {
    f(c);
    return c.state;
  });
}

describe('§4 walk-throughs (exact words)', () => {
  it('(a) spawn → Ready → JoinHandle awaited', () => {
    expect(
      walk(204, [
        S.transitionToRunning,
        S.transitionToComplete,
        (c) => S.transitionToTerminal(c, 2),
        S.transitionToJoinHandleDropped,
        S.refDec,
      ]),
    ).toEqual([201, 202, 74, 66, 2]);
  });
  it("(a') JoinHandle awaited before the task runs", () => {
    expect(
      walk(204, [
        S.setJoinWaker,
        S.transitionToRunning,
        S.transitionToComplete,
        S.unsetWakerAfterComplete,
        (c) => S.transitionToTerminal(c, 2),
        S.transitionToJoinHandleDropped,
      ]),
    ).toEqual([220, 217, 218, 202, 74, 66]);
  });
  it('(b) woken by_ref while running, by_val while idle', () => {
    expect(walk(201, [S.refInc, S.transitionToNotifiedByRef, S.transitionToIdle, S.refDec])).toEqual([
      265, 269, 332, 268,
    ]);
    expect(walk(265, [S.transitionToIdle, S.transitionToNotifiedByVal, S.refDec])).toEqual([200, 268, 204]);
    expect(walk(w(4, J | R), [S.transitionToNotifiedByVal])).toEqual([205]);
  });
  it('(c) abort while idle', () => {
    expect(
      walk(200, [
        S.transitionToNotifiedAndCancel,
        S.transitionToRunning,
        S.refDec,
        S.transitionToComplete,
        (c) => S.transitionToTerminal(c, 2),
        S.transitionToJoinHandleDropped,
      ]),
    ).toEqual([300, 297, 233, 234, 106, 98]);
  });
  it('(c) abort before the first poll, and while running', () => {
    expect(walk(204, [S.transitionToNotifiedAndCancel, S.transitionToRunning])).toEqual([236, 233]);
    expect(
      walk(201, [
        S.transitionToNotifiedAndCancel,
        S.transitionToIdle,
        S.transitionToComplete,
        (c) => S.transitionToTerminal(c, 2),
      ]),
    ).toEqual([237, 237, 238, 110]);
  });
  it('(d) JoinHandle dropped: fast path and slow paths', () => {
    expect(walk(204, [S.dropJoinHandleFast])).toEqual([132]);
    expect(
      walk(216, [
        S.transitionToJoinHandleDropped,
        S.refDec,
        S.transitionToNotifiedByVal,
        S.refDec,
        S.transitionToRunning,
        S.transitionToComplete,
        (c) => S.transitionToTerminal(c, 2),
      ]),
    ).toEqual([192, 128, 196, 132, 129, 130, 2]);
  });
  it('(f) shutdown of an idle task and of a queued never-polled task', () => {
    expect(
      walk(200, [S.transitionToShutdown, S.refDec, S.transitionToComplete, (c) => S.transitionToTerminal(c, 1)]),
    ).toEqual([233, 169, 170, 106]);
    expect(
      walk(204, [S.transitionToShutdown, S.transitionToComplete, (c) => S.transitionToTerminal(c, 1), S.refDec]),
    ).toEqual([237, 238, 174, 110]);
  });
});
