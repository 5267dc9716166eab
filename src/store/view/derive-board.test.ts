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
        for (const lane of board.lanes) {
          for (const t of lane.tasks) expect(laneOf(t.lifecycle)).toBe(lane.id);
          expect(lane.count).toBe(lane.tasks.length);
        }
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it("with a limit, lists each lane's newest tasks and the selected one, as the full derivation does (property)", () => {
    fc.assert(
      fc.property(traceArbitrary(), fc.nat(4), fc.nat(7), (events, limit, selected) => {
        const view = fold(events);
        const full = deriveBoard(view);
        const part = deriveBoard(view, { limit, selected });
        part.lanes.forEach((lane, i) => {
          const all = full.lanes[i].tasks;
          expect(lane.count).toBe(all.length);
          expect(lane.tasks).toEqual(all.slice(Math.max(0, all.length - limit)));
          expect(lane.selected).toEqual(all.find((t) => t.id === selected));
        });
      }),
      { numRuns: 200 },
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
  const lane = (n: number) => ({ id: 'spawned' as const, tasks: tasks(n), count: n });

  it('shows everything when it fits', () => {
    expect(compactLane(lane(5), 5)).toEqual({ shown: tasks(5), hidden: 0 });
  });

  it('keeps the newest capacity−1 and counts the rest', () => {
    const c = compactLane(lane(10), 4);
    expect(c.shown.map((t) => t.id)).toEqual([8, 9, 10]);
    expect(c.hidden).toBe(7);
  });

  it('never hides the selected task', () => {
    const c = compactLane(lane(10), 4, 2);
    expect(c.shown.map((t) => t.id)).toEqual([2, 9, 10]);
    expect(c.hidden).toBe(7);
  });

  it('keeps the selected task from a lane that lists only its newest', () => {
    const all = tasks(10);
    const c = compactLane({ id: 'spawned', tasks: all.slice(6), count: 10, selected: all[1] }, 4, 2);
    expect(c.shown.map((t) => t.id)).toEqual([2, 9, 10]);
    expect(c.hidden).toBe(7);
  });

  it("keeps each slot's task while it stays in the lane; a freed slot takes the newest task not shown", () => {
    const b = traceBuilder();
    for (let i = 1; i <= 10; i++) b.spawn(i);
    const first = fold(b.build());
    const spawnedLane = (v: ViewState) => deriveBoard(v).lanes[0];
    const before = compactLane(spawnedLane(first), 4).shown.map((t) => t.id);
    expect(before).toEqual([8, 9, 10]);
    // Task 9 is scheduled (it leaves the lane) and task 11 is spawned.
    const next = fold(b.spawn(11).push('local', 9).build());
    const c = compactLane(spawnedLane(next), 4, undefined, { slots: before, taskOf: (id) => next.tasks.get(id) });
    expect(c.shown.map((t) => t.id)).toEqual([8, 11, 10]);
    expect(c.hidden).toBe(7);
  });

  it('shows distinct tasks of the lane, the selected one, and keeps what stayed (property)', () => {
    fc.assert(
      fc.property(traceArbitrary(), fc.nat(100), fc.integer({ min: 1, max: 4 }), fc.nat(7), (events, cut, cap, sel) => {
        const at = Math.floor((events.length * cut) / 100);
        const early = fold(events.slice(0, at));
        const late = fold(events);
        deriveBoard(late, { limit: cap, selected: sel }).lanes.forEach((lane, i) => {
          const slots = compactLane(deriveBoard(early).lanes[i], cap).shown.map((t) => t.id);
          const c = compactLane(lane, cap, sel, { slots, taskOf: (id) => late.tasks.get(id) });
          const ids = c.shown.map((t) => t.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const t of c.shown) expect(laneOf(t.lifecycle)).toBe(lane.id);
          expect(ids.length).toBe(lane.count <= cap ? lane.count : cap - 1);
          expect(c.hidden).toBe(lane.count - ids.length);
          if (lane.selected !== undefined && ids.length > 0) expect(ids).toContain(sel);
          slots.forEach((id, k) => {
            const t = late.tasks.get(id);
            const stays = t !== undefined && laneOf(t.lifecycle) === lane.id && k < ids.length;
            if (stays && (lane.selected === undefined || ids[k] !== sel)) expect(ids[k]).toBe(id);
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});
