import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceView } from './reduce-view.ts';
import { LIVE, LIVE_LIFECYCLES, liveOnLine, newestOf } from './task-index.ts';
import { traceArbitrary } from './trace-arbitrary.ts';
import { INITIAL_VIEW_STATE, taskList } from './view-state.ts';
import type { Lifecycle } from './view-state.ts';

const LIFECYCLES: readonly Lifecycle[] = [
  'spawned',
  'notified',
  'running',
  'idle',
  'complete',
  'cancelled',
  'panicked',
  'joined',
  'released',
];

describe('the task index kept by the fold', () => {
  it('equals the index rebuilt from every task, at every position (property)', () => {
    fc.assert(
      fc.property(traceArbitrary(), (events) => {
        let view = INITIAL_VIEW_STATE;
        for (const e of events) {
          view = reduceView(view, e);
          const tasks = taskList(view);
          for (const l of LIFECYCLES) {
            const ids = tasks.filter((t) => t.lifecycle === l).map((t) => t.id);
            expect(view.index.byLifecycle[l].lowest(Infinity)).toEqual(ids);
            expect(newestOf(view.index, [l], 2)).toEqual(ids.slice(Math.max(0, ids.length - 2)));
          }
          const live = tasks.filter((t) => t.line > 0 && LIVE[t.lifecycle] !== undefined);
          const lines = [...new Set(live.map((t) => t.line))].sort((a, b) => a - b);
          const indexed: number[] = [];
          view.index.byLine.forEach((_, line) => indexed.push(line));
          expect(indexed).toEqual(lines);
          for (const line of lines) {
            const on = live.filter((t) => t.line === line);
            expect(view.index.byLine.get(line)?.lowest(Infinity)).toEqual(on.map((t) => t.id));
            for (const l of LIVE_LIFECYCLES)
              expect(liveOnLine(view.index, line, l)).toBe(on.filter((t) => t.lifecycle === l).length);
          }
          expect(view.index.named).toBe(tasks.filter((t) => t.name !== undefined).length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('merges lanes of several lifecycles, newest last', () => {
    let view = INITIAL_VIEW_STATE;
    for (const [task, name] of [
      [1, 'a'],
      [2, undefined],
      [3, undefined],
    ] as const)
      view = reduceView(view, {
        type: 'task.spawned',
        task,
        name,
        line: 4,
        blocking: false,
        index: task,
        step: 0,
        time: 0,
      });
    expect(newestOf(view.index, ['spawned', 'idle'], 2)).toEqual([2, 3]);
    expect(view.index.named).toBe(1);
  });
});
