import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { TraceHistory } from './derive-history.ts';
import { deriveInspector, formatWord, STATE_BITS } from './derive-inspector.ts';
import { reduceView } from './reduce-view.ts';
import { traceBuilder } from './trace-builder.ts';
import { INITIAL_VIEW_STATE } from './view-state.ts';

function inspect(events: readonly SimEvent[], id: number, position = events.length) {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
  const view = events.slice(0, position).reduce(reduceView, INITIAL_VIEW_STATE);
  return deriveInspector(view, h, position, id);
}

describe('formatWord', () => {
  it('writes the ref count, then the six flag bits (tokio-facts.md §2.1)', () => {
    expect(formatWord(204)).toBe('0b11_001100');
    expect(formatWord(132)).toBe('0b10_000100');
    expect(formatWord(2)).toBe('0b0_000010');
  });
});

describe('deriveInspector', () => {
  const events = traceBuilder()
    .pollStart(0)
    .spawn(1)
    .push('local', 1)
    .state(1, 204, 220, 'set_join_waker', 'Ok')
    .pollEnd(0, 'pending')
    .nextStep()
    .pop('local', 1)
    .state(1, 220, 217, 'transition_to_running', 'Success', [{ holder: 'notified', delta: -1 }])
    .pollStart(1)
    .timer(3, 1, 50)
    .ref(1, 'waker', 1, 3)
    .build();

  it('shows every bit of the word with its name, and which the last transition flipped', () => {
    const m = inspect(events, 1);
    expect(m?.word).toBe(217);
    expect(m?.binary).toBe('0b11_011001');
    expect(m?.bits.map((b) => b.name)).toEqual(STATE_BITS.map((b) => b.name));
    const set = m?.bits.filter((b) => b.set).map((b) => b.letter);
    expect(set).toEqual(['W', 'J', 'R']);
    const flipped = m?.bits.filter((b) => b.flipped).map((b) => b.name);
    expect(flipped).toEqual(['NOTIFIED', 'RUNNING']);
    expect(m?.lastTransition?.name).toBe('transition_to_running');
    expect(m?.refCount).toBe(3);
  });

  it('names who holds the references and whose waker is in the join waker slot', () => {
    const m = inspect(events, 1);
    const holders = Object.fromEntries(m?.holders.map((h) => [h.holder, h]) ?? []);
    expect(holders.owned.count).toBe(1);
    expect(holders.join_handle.count).toBe(1);
    expect(holders.waker).toMatchObject({ count: 1, who: ['timer 3'] });
    expect(m?.joinWaker).toEqual({ set: true, owner: 0 });
    expect(m?.joinHandle).toBe(true);
    expect(m?.stage).toBe('future');
  });

  it('goes back in time with the position', () => {
    const m = inspect(events, 1, 3);
    expect(m?.word).toBe(204);
    expect(m?.lastTransition).toBeUndefined();
    expect(m?.joinWaker.set).toBe(false);
    expect(inspect(events, 1, 1)).toBeUndefined();
  });

  it('follows the stage: future → output → consumed', () => {
    const done = traceBuilder().spawn(1).output(1, 'panicked');
    expect(inspect(done.build(), 1)?.stage).toBe('output');
    expect(inspect(done.joined(1).build(), 1)?.stage).toBe('consumed');
  });
});
