import { describe, expect, it } from 'vitest';
import { createFoldTimeline } from '../timeline/fold-timeline.ts';
import { traceBuilder } from '../view/trace-builder.ts';
import type { SimEvent } from '../../sim/index.ts';
import { futureEngine } from '../../worker/testing/future-engine.ts';
import { BatchPacker, BatchUnpacker } from '../../worker/wire.ts';
import { BEFORE_FIRST_STEP, listOf, narrateStep } from './narrate.ts';
import { eventsOfStep, flavorOfTrace, narrationAt } from './narration-at.ts';

const CT = { flavor: 'current_thread' } as const;
const MT = { flavor: 'multi_thread' } as const;
const MS = 1_000_000;

describe('narrateStep', () => {
  it('names the worker, the task, the line and the timer a pending poll waits on', () => {
    const events = traceBuilder()
      .pop('local', 3, 0)
      .state(3, 284, 281, 'transition_to_running', 'Success')
      .pollStart(3, 10)
      .line(3, 12)
      .timer(1, 3, 100)
      .pollEnd(3, 'pending')
      .state(3, 345, 280, 'transition_to_idle', 'Ok')
      .build();
    expect(narrateStep(events, MT)).toBe(
      'Worker 0 polls task 3; it returns Pending at line 12, waiting on a timer due at 100 ms.',
    );
    expect(narrateStep(events, CT)).toBe(
      'The scheduler polls task 3; it returns Pending at line 12, waiting on a timer due at 100 ms.',
    );
  });

  it('calls a named task by its name and id, and lists named tasks one by one', () => {
    const names = new Map([
      [3, 'fetch'],
      [4, 'worker_a'],
    ]);
    const ctx = { ...CT, taskName: (id: number) => names.get(id) };
    const poll = traceBuilder().pop('local', 3, 0).pollStart(3, 10).pollEnd(3, 'ready').build();
    expect(narrateStep(poll, ctx)).toBe(
      'The scheduler polls fetch (task 3) (its code starts at line 10); it returns Ready: fetch (task 3) is complete.',
    );
    const spawns = traceBuilder().pollStart(0, 3).spawn(3).spawn(4).spawn(5).pollEnd(0, 'pending').build();
    expect(narrateStep(spawns, ctx)).toBe(
      'block_on polls the main future (its code starts at line 3); it spawns fetch (task 3), worker_a (task 4) and task 5 and returns Pending, waiting to be woken.',
    );
  });

  it('tells the worker that took the task in a multi_thread step', () => {
    const events = traceBuilder().pop('local', 5, 2).pollStart(5, 4).pollEnd(5, 'pending').build();
    expect(narrateStep(events, MT)).toBe(
      'Worker 2 polls task 5 (its code starts at line 4); it returns Pending, waiting to be woken.',
    );
  });

  it('lists what the main future did in its poll', () => {
    const events = traceBuilder()
      .pollStart(0, 3)
      .spawn(1)
      .spawn(2)
      .spawn(3)
      .line(0, 9)
      .print('spawned\n')
      .pollEnd(0, 'pending')
      .build();
    expect(narrateStep(events, CT)).toBe(
      'block_on polls the main future; it spawns tasks 1, 2 and 3, prints 1 line and returns Pending at line 9, waiting to be woken.',
    );
  });

  it('says a completing task wakes whoever waits on it', () => {
    const events = traceBuilder()
      .pop('local', 2)
      .pollStart(2, 5)
      .pollEnd(2, 'ready')
      .state(2, 281, 282, 'transition_to_complete', 'snapshot')
      .wake(0)
      .build();
    expect(narrateStep(events, CT)).toBe(
      'The scheduler polls task 2 (its code starts at line 5); it returns Ready: task 2 is complete and wakes the main future.',
    );
  });

  it('tells a park that moves the paused clock and fires timers', () => {
    const events = traceBuilder()
      .at(10 * MS)
      .event({ type: 'time.advance', task: 0, toMs: 10, reason: 'auto_advance' })
      .fire(2, 2)
      .wake(2)
      .event({ type: 'runtime.park', task: 0, yield: false, advanced: true })
      .build();
    expect(narrateStep(events, CT)).toBe(
      'Nothing is ready to run, so the scheduler parks; the paused clock jumps to 10 ms and a timer fires, waking task 2.',
    );
    const idle = traceBuilder().event({ type: 'runtime.park', task: 0, yield: false, advanced: false }).build();
    expect(narrateStep(idle, CT)).toBe(
      'Nothing is ready to run, so the scheduler parks; no time passes, nothing fires, and block_on looks at the main future again.',
    );
  });

  it('tells a task cancelled before its poll', () => {
    const events = traceBuilder().pop('local', 4).state(4, 292, 293, 'transition_to_running', 'Cancelled').build();
    expect(narrateStep(events, CT)).toBe(
      'The scheduler takes task 4 from the queue, finds it CANCELLED and drops its future instead of polling it.',
    );
  });

  it('tells shutdown phases and the futures they drop', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.shutdown', task: 0, phase: 'owned_tasks' })
      .event({ type: 'task.stage', task: 7, change: 'future_dropped' })
      .build();
    expect(narrateStep(events, CT)).toBe(
      'Shutdown: every task still owned by the runtime is cancelled; the future of task 7 is dropped.',
    );
  });

  it('has a sentence before the first step', () => {
    expect(narrateStep([], CT)).toBe(BEFORE_FIRST_STEP);
  });
});

describe('listOf', () => {
  it('joins with commas and "and", and shortens long lists', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b'])).toBe('a and b');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listOf(['1', '2', '3', '4', '5', '6'])).toBe('1, 2, 3 and 3 more');
  });
});

/** The real trace of a JoinSet program on the simulator (through the worker's wire format). */
function joinSetTrace(): SimEvent[] {
  const compiled = futureEngine().compile('joinset', 'main.rs');
  if (!compiled.ok) throw new Error('the test program did not compile');
  const run = compiled.start({ flavor: 'current_thread', workers: 1, seed: 1 });
  while (run.advance(100).kind === 'running');
  const packer = new BatchPacker(run.trace);
  return new BatchUnpacker().unpack(packer.next());
}

describe('narrationAt over a real run', () => {
  const events = joinSetTrace();
  const timeline = createFoldTimeline<number, SimEvent>({ initial: 0, reduce: (n) => n + 1, stepOf: (e) => e.step });
  timeline.append(events);

  it('gives every step its own sentence, never the bookkeeping fallback', () => {
    for (let s = 0; s < timeline.stepCount; s++) {
      const sentence = narrationAt(timeline, timeline.positionOfStep(s + 1), CT);
      expect(sentence, `step ${s}`).toMatch(/^[A-Za-z].*\.$/);
      expect(sentence, `step ${s}`).not.toMatch(/bookkeeping/);
    }
  });

  it('narrates the park that fires the 10 ms timer, and the partly shown step from its part', () => {
    const sentences = Array.from({ length: timeline.stepCount }, (_x, s) =>
      narrationAt(timeline, timeline.positionOfStep(s + 1), CT),
    );
    expect(sentences).toContain(
      'Nothing is ready to run, so the scheduler parks; the paused clock jumps to 10 ms and a timer fires, waking task 2.',
    );
    const ordinal = sentences.findIndex((s) => s.startsWith('The scheduler polls task 1'));
    expect(ordinal).toBeGreaterThan(0);
    const start = timeline.positionOfStep(ordinal);
    expect(eventsOfStep(timeline, ordinal, start + 1)).toHaveLength(1);
    expect(narrationAt(timeline, 0, CT)).toBe(BEFORE_FIRST_STEP);
  });

  it('reads the flavor from the trace', () => {
    expect(flavorOfTrace(timeline)).toBe('current_thread');
    const empty = createFoldTimeline<number, SimEvent>({ initial: 0, reduce: (n) => n + 1 });
    expect(flavorOfTrace(empty)).toBeUndefined();
  });
});
