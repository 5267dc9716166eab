import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/index.ts';
import { createFoldTimeline } from '../timeline/fold-timeline.ts';
import { breakpointLineOf, runToKindOf, stepOfEvent } from './classify.ts';
import { reduceView } from './reduce-view.ts';
import { traceArbitrary } from './trace-arbitrary.ts';
import { traceBuilder } from './trace-builder.ts';
import { consoleText, INITIAL_VIEW_STATE, NO_REFS, refCountOf, taskList } from './view-state.ts';
import type { ViewState } from './view-state.ts';

const fold = (events: readonly SimEvent[]): ViewState => events.reduce(reduceView, INITIAL_VIEW_STATE);

/** Every intermediate state, so tests can read the lifecycle after each event. */
const states = (events: readonly SimEvent[]): ViewState[] => {
  const out: ViewState[] = [];
  let s = INITIAL_VIEW_STATE;
  for (const e of events) out.push((s = reduceView(s, e)));
  return out;
};

describe('reduceView', () => {
  it('walks a task through spawn → await → complete → joined → released (tokio-facts §4 a′)', () => {
    const events = traceBuilder()
      .spawn(1, 'worker', 4)
      .push('local', 1)
      .state(1, 204, 220, 'set_join_waker', 'Ok')
      .nextStep()
      .pop('local', 1)
      .state(1, 220, 217, 'transition_to_running', 'Success')
      .pollStart(1, 4)
      .line(1, 6)
      .print('hello\n', 1)
      .output(1, 'ok')
      .pollEnd(1, 'ready')
      .state(1, 217, 218, 'transition_to_complete', '')
      .state(1, 218, 202, 'unset_waker_after_complete', '')
      .state(1, 202, 74, 'transition_to_terminal', 'false', [
        { holder: 'owned', delta: -1 },
        { holder: 'notified', delta: -1 },
      ])
      .nextStep()
      .joined(1)
      .state(1, 74, 66, 'transition_to_join_handle_dropped', '')
      .state(1, 66, 2, 'ref_dec', 'true', [{ holder: 'join_handle', delta: -1 }])
      .build();
    const seen = states(events).map((s) => s.tasks.get(1)?.lifecycle);
    expect(seen).toEqual([
      'spawned',
      ...Array<string>(3).fill('notified'),
      ...Array<string>(6).fill('running'),
      ...Array<string>(3).fill('complete'),
      'joined',
      'joined',
      'released',
    ]);
    const end = fold(events);
    const t = end.tasks.get(1);
    expect(t).toMatchObject({ name: 'worker', spawnLine: 4, polls: 1, line: 6, word: 2, polling: false, worker: 0 });
    expect(t?.refs).toEqual(NO_REFS);
    expect(refCountOf(t?.word ?? 0)).toBe(0);
    expect(end.queues['local:0'].length).toBe(0);
    expect(end.workers).toEqual([{ running: undefined, polls: 1 }]);
    expect(consoleText(end)).toEqual(['hello']);
    expect(end.step).toBe(2);
    expect(end.events).toBe(events.length);
  });

  it('starts blocking tasks with the unowned handle and frees a task on a dealloc event too', () => {
    const all = states(traceBuilder().spawn(1, 'blocking', 3, true).spawn(2).push('inject', 2).released(2).build());
    expect(all[0].tasks.get(1)?.refs).toEqual({ ...NO_REFS, unowned: 1, join_handle: 1 });
    expect(all[0].tasks.get(1)?.blocking).toBe(true);
    expect(all[1].tasks.get(2)?.refs).toEqual({ ...NO_REFS, owned: 1, notified: 1, join_handle: 1 });
    const end = all[all.length - 1];
    expect(end.tasks.get(2)?.lifecycle).toBe('released');
    expect(end.queues.inject.length).toBe(0);
  });

  it('shows the running task on the worker that popped it', () => {
    const mid = fold(
      traceBuilder().spawn(1).push('inject', 1).pop('inject', 1, 2).state(1, 204, 201).pollStart(1).build(),
    );
    expect(mid.workers[2]).toEqual({ running: 1, polls: 1 });
    expect(mid.workers[0]).toEqual({ running: undefined, polls: 0 });
    expect(mid.tasks.get(1)).toMatchObject({ lifecycle: 'running', worker: 2, polling: true, queue: undefined });
  });

  it('keeps a task in one queue when the simulator moves it without a pop', () => {
    const end = fold(
      traceBuilder().spawn(1).spawn(2).push('local', 1, 1).push('local', 2, 1).push('inject', 1).build(),
    );
    expect(end.queues['local:1'].toArray()).toEqual([2]);
    expect(end.queues.inject.toArray()).toEqual([1]);
    expect(end.tasks.get(1)?.queue).toBe('inject');
    const dropped = fold(traceBuilder().spawn(1).push('lifo', 1, 0).drop('lifo', 1, 0).build());
    expect(dropped.queues['lifo:0'].length).toBe(0);
    expect(dropped.tasks.get(1)?.queue).toBeUndefined();
  });

  it('shows cancelled and panicked outcomes once the word is complete', () => {
    const events = traceBuilder()
      .spawn(1)
      .spawn(2)
      .abort(1)
      .state(1, 204, 236)
      .state(1, 236, 233)
      .output(1, 'cancelled')
      .state(1, 233, 234)
      .state(2, 204, 201)
      .output(2, 'panicked')
      .state(2, 201, 202)
      .build();
    const all = states(events);
    expect(all[5].tasks.get(1)?.lifecycle).toBe('running');
    const end = all[all.length - 1];
    expect(end.tasks.get(1)?.lifecycle).toBe('cancelled');
    expect(end.tasks.get(1)?.abortRequested).toBe(true);
    expect(end.tasks.get(2)?.lifecycle).toBe('panicked');
    expect(end.taskCount).toBe(2);
    expect(taskList(end).map((t) => t.id)).toEqual([1, 2]);
  });

  it('tracks idle tasks, wakes, ref holders and timers', () => {
    const events = traceBuilder()
      .spawn(1)
      .state(1, 204, 201)
      .ref(1, 'notified', -1)
      .ref(1, 'waker', 1)
      .timer(0, 1, 10)
      .state(1, 265, 200, 'transition_to_idle', 'Ok')
      .at(10_000_000)
      .fire(0)
      .wake(1)
      .state(1, 200, 204, 'transition_to_notified_by_val', 'Submit', [
        { holder: 'notified', delta: 1 },
        { holder: 'waker', delta: -1 },
        { holder: '#7', delta: 1 },
      ])
      .build();
    const all = states(events);
    const registered = all[events.findIndex((e) => e.type === 'timer.register')];
    expect(registered.activeTimers).toBe(1);
    expect(registered.timers.get(0)).toEqual({ id: 0, task: 1, deadlineTick: 10 });
    const idle = all[events.findIndex((e) => e.type === 'task.state' && e.transition === 'transition_to_idle')];
    expect(idle.tasks.get(1)?.lifecycle).toBe('idle');
    expect(idle.tasks.get(1)?.refs.waker).toBe(1);
    const end = all[all.length - 1];
    expect(end.activeTimers).toBe(0);
    expect(end.timers.get(0)).toBeUndefined();
    expect(end.tasks.get(1)?.wakes).toBe(1);
    expect(end.tasks.get(1)?.refs).toEqual({
      owned: 1,
      notified: 1,
      join_handle: 1,
      waker: 0,
      abort_handle: 0,
      unowned: 0,
    });
    expect(end.time).toBe(10_000_000);
  });

  it('follows block_on’s main future (task 0)', () => {
    const all = states(traceBuilder().pollStart(0).line(0, 7).wake(0).pollEnd(0, 'pending').build());
    expect(all[1].main).toEqual({ polls: 1, polling: true, line: 7, wakes: 0 });
    expect(all[3].main).toEqual({ polls: 1, polling: false, line: 7, wakes: 1 });
    expect(all[3].taskCount).toBe(0);
  });

  it('splits console output into lines per stream, keeping unfinished tails', () => {
    const end = fold(
      traceBuilder().print('a').eprint('E').print('b\nc').print('\n').eprint('rr\n').print('d\n\ne').build(),
    );
    expect(consoleText(end, 'stdout')).toEqual(['ab', 'c', 'd', '', 'e']);
    expect(consoleText(end, 'stderr')).toEqual(['Err']);
    expect(consoleText(end)).toEqual(['ab', 'c', 'Err', 'd', '', 'e']);
    expect(end.stdoutTail?.text).toBe('e');
    expect(end.stderrTail).toBeUndefined();
  });

  it('ignores events about unknown tasks and timers, and kinds it does not show', () => {
    const events = traceBuilder().state(9, 0, 1).joined(9).fire(3).pop('inject', 9).tokenCancel(1).build();
    const end = fold(events);
    expect(end.taskCount).toBe(0);
    expect(end.activeTimers).toBe(0);
    expect(end.tasks).toBe(INITIAL_VIEW_STATE.tasks);
    expect(end.events).toBe(5);
  });

  it('never mutates its input state (property)', () => {
    fc.assert(
      fc.property(traceArbitrary(), (events) => {
        let s = INITIAL_VIEW_STATE;
        for (const e of events) {
          const before = JSON.stringify(s);
          const next = reduceView(s, e);
          expect(JSON.stringify(s)).toBe(before);
          s = next;
        }
        expect(s.events).toBe(events.length);
      }),
      { seed: 5, numRuns: 60 },
    );
  });

  it('timeline seek over the view fold equals a fresh fold (property)', () => {
    fc.assert(
      fc.property(
        traceArbitrary(300),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.nat(320), { maxLength: 10 }),
        (events, k, seeks) => {
          const tl = createFoldTimeline({
            initial: INITIAL_VIEW_STATE,
            reduce: reduceView,
            checkpointEvery: k,
            stepOf: stepOfEvent,
          });
          tl.append(events);
          for (const p of seeks) {
            const i = Math.min(p, events.length);
            expect(JSON.stringify(tl.seek(p))).toBe(JSON.stringify(fold(events.slice(0, i))));
          }
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });

  // How fast a seek is belongs to `npm run bench` (ui: seek); here, that every seek lands exactly.
  it('seeks anywhere in a 100,000-event view trace', () => {
    const b = traceBuilder();
    for (let t = 1; t <= 20_000; t++) {
      b.spawn(t).push('inject', t).nextStep().pop('inject', t).pollStart(t, 3).pollEnd(t, 'ready');
    }
    const events = b.build();
    expect(events.length).toBe(100_000);
    const tl = createFoldTimeline({ initial: INITIAL_VIEW_STATE, reduce: reduceView, stepOf: stepOfEvent });
    tl.append(events);
    for (let p = 99_999; p > 0; p -= 4_999) expect(tl.seek(p).events).toBe(p);
  });
});

describe('classify', () => {
  it('maps events to run-to kinds and breakpoint lines', () => {
    const e = traceBuilder()
      .spawn(1)
      .wake(1)
      .abort(1)
      .output(1, 'ok')
      .output(1, 'panicked')
      .output(1, 'cancelled')
      .tokenCancel(1)
      .joined(1)
      .pollStart(1, 7)
      .pollStart(1)
      .line(1, 8)
      .print('x')
      .build();
    expect(e.map(runToKindOf)).toEqual([
      'spawn',
      'wake',
      'abort',
      'complete',
      'panic',
      'cancel',
      'cancel',
      ...Array<undefined>(5).fill(undefined),
    ]);
    expect(e.map(breakpointLineOf)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 8, 0]);
    expect(e.map(stepOfEvent)).toEqual(Array<number>(12).fill(0));
  });
});
