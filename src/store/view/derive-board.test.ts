import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { BOARD_LANES, compactLane, deriveBoard, laneOf } from './derive-board.ts';
import { reduceView } from './reduce-view.ts';
import { traceArbitrary } from './trace-arbitrary.ts';
import { traceBuilder } from './trace-builder.ts';
import { INITIAL_VIEW_STATE, taskList } from './view-state.ts';
import type { TaskView, ViewState } from './view-state.ts';

const fold = (events: readonly SimEvent[]): ViewState => events.reduce(reduceView, INITIAL_VIEW_STATE);
const lanesOf = (view: ViewState) =>
  Object.fromEntries(deriveBoard(view).lanes.map((l) => [l.id, l.tasks.map((t) => t.id)]));

describe('deriveBoard', () => {
  it('moves a task Spawned → Notified → Running → Idle → Complete → Joined/Released', () => {
    const b = traceBuilder().spawn(1);
    expect(lanesOf(fold(b.build())).spawned).toEqual([1]);
    b.push('local', 1);
    expect(lanesOf(fold(b.build())).notified).toEqual([1]);
    b.pop('local', 1).state(1, 204, 201, 'transition_to_running').pollStart(1);
    expect(lanesOf(fold(b.build())).running).toEqual([1]);
    b.pollEnd(1, 'pending').state(1, 201, 200, 'transition_to_idle');
    expect(lanesOf(fold(b.build())).idle).toEqual([1]);
    b.state(1, 200, 204, 'transition_to_notified_by_val').push('local', 1).pop('local', 1);
    b.state(1, 204, 201, 'transition_to_running').pollStart(1).output(1, 'cancelled').pollEnd(1, 'ready');
    b.state(1, 201, 202, 'transition_to_complete');
    const done = fold(b.build());
    expect(lanesOf(done).complete).toEqual([1]);
    expect(done.tasks.get(1)?.lifecycle).toBe('cancelled');
    b.released(1, 66);
    expect(lanesOf(fold(b.build())).finished).toEqual([1]);
  });

  it('puts every task in exactly one lane (property)', () => {
    fc.assert(
      fc.property(traceArbitrary(), (events) => {
        const view = fold(events);
        const board = deriveBoard(view);
        const seen = board.lanes.flatMap((l) => l.tasks.map((t) => t.id)).sort((a, b) => a - b);
        expect(seen).toEqual(taskList(view).map((t) => t.id));
        expect(board.total).toBe(view.taskCount);
        for (const lane of board.lanes) for (const t of lane.tasks) expect(laneOf(t.lifecycle)).toBe(lane.id);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('lists the lanes in lifecycle order', () => {
    expect(deriveBoard(INITIAL_VIEW_STATE).lanes.map((l) => l.id)).toEqual(BOARD_LANES);
  });
});

describe('compactLane', () => {
  const tasks = (n: number): TaskView[] => {
    const b = traceBuilder();
    for (let i = 1; i <= n; i++) b.spawn(i);
    return taskList(fold(b.build()));
  };

  it('shows everything when it fits', () => {
    expect(compactLane(tasks(5), 5)).toEqual({ shown: tasks(5), hidden: 0 });
  });

  it('keeps the newest capacity−1 and counts the rest', () => {
    const c = compactLane(tasks(10), 4);
    expect(c.shown.map((t) => t.id)).toEqual([8, 9, 10]);
    expect(c.hidden).toBe(7);
  });

  it('never hides the selected task', () => {
    const c = compactLane(tasks(10), 4, 2);
    expect(c.shown.map((t) => t.id)).toEqual([2, 9, 10]);
    expect(c.hidden).toBe(7);
  });
});
