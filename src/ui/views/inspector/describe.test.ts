import { describe, expect, it } from 'vitest';
import { TraceHistory } from '../../../store/view/derive-history.ts';
import { deriveInspector } from '../../../store/view/derive-inspector.ts';
import { reduceView } from '../../../store/view/reduce-view.ts';
import { traceBuilder } from '../../../store/view/trace-builder.ts';
import { INITIAL_VIEW_STATE, SavedLocalsLog } from '../../../store/index.ts';
import type { TaskView } from '../../../store/index.ts';
import { coopText, handlesText, joinWakerText, localsView, originOf, titleOf, transitionText } from './describe.ts';

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

describe('saved locals row', () => {
  const snapshot = {
    task: 2,
    at: 5,
    frames: [
      { state: 'fetch::Suspend0', line: 6, locals: [{ name: 'label', value: '"page-1"' }] },
      { state: 'async block@14::Suspend0', line: 14, locals: [] },
    ],
  };
  const task = (lifecycle: TaskView['lifecycle'], polls: number): TaskView => ({ ...m.task, lifecycle, polls });

  it('shows the frames of a suspended task, innermost first, as name = value', () => {
    expect(localsView(task('idle', 1), snapshot)).toEqual({
      kind: 'frames',
      frames: [
        { title: 'fetch::Suspend0 at line 6', locals: [{ name: 'label', text: 'label = "page-1"' }] },
        { title: 'async block@14::Suspend0 at line 14', locals: [] },
      ],
    });
    expect(localsView(task('notified', 2), snapshot).kind).toBe('frames');
  });

  it('says why there are none while running, before the first poll, and after the end', () => {
    expect(localsView(task('running', 1), snapshot)).toMatchObject({ kind: 'note', text: /^running/ });
    expect(localsView(task('notified', 0), undefined)).toMatchObject({ kind: 'note', text: /Unresumed/ });
    expect(localsView(task('complete', 3), snapshot)).toMatchObject({ kind: 'note', text: /finished/ });
  });
});

describe('SavedLocalsLog', () => {
  it('finds the snapshot a task held at a position, seeking back included', () => {
    const log = new SavedLocalsLog();
    const snap = (task: number, at: number) => ({ task, at, frames: [] });
    log.add([snap(1, 10), snap(2, 12)]);
    log.add([snap(1, 30)]);
    expect(log.at(1, 10)).toBeUndefined();
    expect(log.at(1, 11)?.at).toBe(10);
    expect(log.at(1, 30)?.at).toBe(10);
    expect(log.at(1, 31)?.at).toBe(30);
    expect(log.at(2, 100)?.at).toBe(12);
    expect(log.at(3, 100)).toBeUndefined();
  });
});
