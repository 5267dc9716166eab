import { describe, expect, it } from 'vitest';
import { TraceHistory } from '../../../store/view/derive-history.ts';
import { deriveInspector } from '../../../store/view/derive-inspector.ts';
import { reduceView } from '../../../store/view/reduce-view.ts';
import { traceBuilder } from '../../../store/view/trace-builder.ts';
import { INITIAL_VIEW_STATE } from '../../../store/index.ts';
import { coopText, handlesText, joinWakerText, originOf, titleOf, transitionText } from './describe.ts';

const events = traceBuilder()
  .pollStart(0)
  .spawn(2, 'worker', 7)
  .state(2, 204, 220, 'set_join_waker', 'Ok')
  .event({ type: 'coop.budget', task: 2, event: 'hit_zero', remaining: 0 })
  .abort(2)
  .build();
const h = new TraceHistory();
h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
const view = events.reduce(reduceView, INITIAL_VIEW_STATE);
const m = deriveInspector(view, h, events.length, 2);
if (m === undefined) throw new Error('no model');

describe('inspector words', () => {
  it('names the task, its state and where it came from', () => {
    expect(titleOf(m)).toBe('Task 2 “worker” · ◇ spawned');
    expect(originOf(m)).toBe('spawned by main at line 7');
  });
  it('names the last transition with its result and the words before and after', () => {
    expect(transitionText(m)).toBe('set_join_waker → Ok  (204 → 220, by main)');
  });
  it('says whose waker is in the join waker slot, the handles and the budget', () => {
    expect(joinWakerText(m)).toBe('set: wakes main');
    expect(handlesText(m)).toBe('JoinHandle held · 0 AbortHandles · abort() called');
    expect(coopText(m)).toBe('128 units per poll; hit zero (1×, last with 0 left)');
  });
});
