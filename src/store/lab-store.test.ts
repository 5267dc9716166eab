import { describe, expect, it } from 'vitest';
import { createLabStore } from './lab-store.ts';
import {
  selectAtEnd,
  selectBreakpoints,
  selectConsole,
  selectIsBreakpoint,
  selectSelectedTask,
  selectStepPosition,
  selectTask,
} from './selectors.ts';
import { traceBuilder } from './view/trace-builder.ts';

const trace = () =>
  traceBuilder()
    .spawn(1)
    .push('local', 1)
    .nextStep()
    .pop('local', 1)
    .state(1, 204, 201, 'transition_to_running', 'Success')
    .pollStart(1, 3)
    .print('one\n', 1)
    .pollEnd(1, 'pending')
    .nextStep()
    .print('two\n')
    .build();

describe('createLabStore', () => {
  it('builds independent stores with defaults and overrides', () => {
    const a = createLabStore();
    const b = createLabStore({ config: { seed: 9 }, speed: 4, openViews: ['console'] });
    expect(a.getState().config).toEqual({ flavor: 'current_thread', workers: 1, seed: 1 });
    expect(b.getState().config.seed).toBe(9);
    expect(b.getState().speed).toBe(4);
    expect(b.getState().openViews).toEqual(['console']);
    a.getState().actions.setConfig({ seed: 3 });
    expect(b.getState().config.seed).toBe(9);
    expect(a.getState().config).toEqual({ flavor: 'current_thread', workers: 1, seed: 3 });
  });

  it('streams a run into the timeline and seeks', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    const run = actions.beginRun();
    const events = trace();
    actions.appendEvents(run, events.slice(0, 3));
    actions.appendEvents(run, events.slice(3));
    expect(store.getState().eventCount).toBe(events.length);
    expect(store.getState().stepCount).toBe(3);
    expect(selectAtEnd(store.getState())).toBe(false);

    actions.seek(7);
    expect(store.getState().position).toBe(7);
    expect(selectStepPosition(store.getState())).toBe(2);
    expect(selectConsole(store.getState()).size).toBe(1);
    expect(selectTask(1)(store.getState())?.lifecycle).toBe('running');

    actions.seek(1_000);
    expect(selectAtEnd(store.getState())).toBe(true);
    expect(store.getState().view.console.size).toBe(2);
    actions.finishRun(run);
    expect(store.getState().run).toEqual({ kind: 'done', runId: run });
  });

  it('drops batches and status from a superseded run', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    const old = actions.beginRun();
    const current = actions.beginRun();
    actions.appendEvents(old, trace());
    actions.finishRun(old);
    actions.failRun(old, 'late');
    expect(store.getState().eventCount).toBe(0);
    expect(store.getState().run).toEqual({ kind: 'running', runId: current });
    actions.failRun(current, 'boom');
    expect(store.getState().run).toEqual({ kind: 'error', runId: current, message: 'boom' });
  });

  it('keeps the saved locals a batch carries, for its own run only', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    const old = actions.beginRun();
    const snapshot = { task: 1, at: 2, frames: [{ state: 'fetch::Suspend0', line: 6, locals: [] }] };
    actions.appendEvents(old, trace(), [snapshot]);
    expect(store.getState().savedLocals.at(1, 3)).toBe(snapshot);
    const current = actions.beginRun();
    actions.appendEvents(old, trace(), [snapshot]);
    expect(store.getState().savedLocals.at(1, 3)).toBeUndefined();
    actions.appendEvents(current, trace());
    expect(store.getState().savedLocals.at(1, 3)).toBeUndefined();
  });

  it('a new run resets the view to the start', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    const run = actions.beginRun();
    actions.appendEvents(run, trace());
    actions.seek(5);
    actions.beginRun();
    expect(store.getState().position).toBe(0);
    expect(store.getState().view.taskCount).toBe(0);
  });

  it('keeps breakpoints sorted and unique; toggles views and selection', () => {
    const store = createLabStore({ openViews: ['board'] });
    const { actions } = store.getState();
    actions.toggleBreakpoint(12);
    actions.toggleBreakpoint(3);
    actions.toggleBreakpoint(7);
    actions.toggleBreakpoint(12);
    expect(selectBreakpoints(store.getState())).toEqual([3, 7]);
    expect(selectIsBreakpoint(7)(store.getState())).toBe(true);
    actions.setBreakpoints([5, 5, -1, 2.5, 1]);
    expect(selectBreakpoints(store.getState())).toEqual([1, 5]);

    actions.toggleView('console');
    actions.toggleView('board');
    expect(store.getState().openViews).toEqual(['console']);
    actions.setOpenViews(['timeline', 'timeline', 'board']);
    expect(store.getState().openViews).toEqual(['timeline', 'board']);

    const run = actions.beginRun();
    actions.appendEvents(run, trace());
    actions.seek(2);
    actions.selectTask(1);
    expect(selectSelectedTask(store.getState())?.id).toBe(1);
    actions.selectTask(undefined);
    expect(selectSelectedTask(store.getState())).toBeUndefined();
  });

  it('accepts only known speeds', () => {
    const store = createLabStore();
    store.getState().actions.setSpeed('max');
    expect(store.getState().speed).toBe('max');
    store.getState().actions.setSpeed(3 as unknown as 'max');
    expect(store.getState().speed).toBe('max');
  });

  it('notifies subscribers with stable selector values', () => {
    const store = createLabStore();
    const seen: number[] = [];
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.position !== prev.position) seen.push(s.position);
    });
    const { actions } = store.getState();
    const run = actions.beginRun();
    actions.appendEvents(run, trace());
    const tasksBefore = store.getState().view.tasks;
    actions.toggleBreakpoint(4);
    expect(store.getState().view.tasks).toBe(tasksBefore);
    actions.seek(3);
    actions.seek(3);
    actions.seek(100);
    unsubscribe();
    expect(seen).toEqual([3, 8]);
  });
});
