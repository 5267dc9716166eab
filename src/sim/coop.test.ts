import { describe, expect, it } from 'vitest';
import { CoopState, INITIAL_BUDGET, UNCONSTRAINED } from './coop.ts';
import type { Waker } from './future.ts';

const waker: Waker = {
  target: 1,
  clone: () => waker,
  wake: () => undefined,
  wakeByRef: () => undefined,
  drop: () => undefined,
  willWake: () => true,
};

function coop(): { c: CoopState; deferred: number; events: number[] } {
  const s = { deferred: 0, events: [] as number[] };
  const c = new CoopState({ defer: () => void s.deferred++, onCoopEvent: (e) => void s.events.push(e) });
  return {
    c,
    get deferred() {
      return s.deferred;
    },
    events: s.events,
  };
}

describe('CoopState (§7)', () => {
  it('128 operations proceed, the 129th defers the waker', () => {
    const h = coop();
    h.c.enter(INITIAL_BUDGET);
    for (let i = 0; i < 128; i++) {
      expect(h.c.pollProceed({ waker })).toBe(true);
      h.c.madeProgress();
    }
    expect(h.c.hasBudgetRemaining()).toBe(false);
    expect(h.c.pollProceed({ waker })).toBe(false);
    expect(h.deferred).toBe(1);
    expect(h.events).toEqual([0, 1]);
    h.c.exit();
    expect(h.c.value).toBe(UNCONSTRAINED);
  });

  it('a Pending operation restores the unit it took', () => {
    const h = coop();
    h.c.enter(INITIAL_BUDGET);
    h.c.pollProceed({ waker });
    h.c.restore();
    expect(h.c.value).toBe(128);
  });

  it('unconstrained never runs out and restores the outer budget', () => {
    const h = coop();
    h.c.enter(1);
    h.c.unconstrained(() => {
      for (let i = 0; i < 500; i++) expect(h.c.pollProceed({ waker })).toBe(true);
    });
    expect(h.c.value).toBe(1);
    expect(h.c.budgetAvailable({ waker })).toBe(true);
    h.c.pollProceed({ waker });
    h.c.madeProgress();
    expect(h.c.budgetAvailable({ waker })).toBe(false);
  });
});
