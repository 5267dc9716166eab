import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Cue, Quiz } from '../../lessons/types.ts';
import { traceBuilder } from '../../store/index.ts';
import { lessonMachine } from './lesson-machine.ts';
import type { LessonEmitted, LessonInput, LessonSlide } from './lesson-types.ts';

const pauseAtAbort: Cue = {
  action: 'pause',
  when: { at: 'task.abort', task: 1, nth: 1 },
  task: 1,
  say: 'abort() marks the task.',
  line: 3,
};
const outputQuiz: Quiz = {
  kind: 'output',
  prompt: 'Which line comes second?',
  explain: '',
  choices: [
    { text: 'b', correct: true },
    { text: 'a', correct: false },
  ],
  lines: { from: 2, to: 2 },
  line: 9,
};
const nextTaskQuiz: Quiz = {
  kind: 'next-task',
  prompt: 'Which task runs next?',
  explain: '',
  after: { at: 'poll.end', task: 0, nth: 1 },
  // The author marked task 1; the trace below says task 2 — the run wins.
  choices: [
    { text: 'task 1', correct: true },
    { text: 'task 2', correct: false },
  ],
  line: 12,
};

const slides: LessonSlide[] = [
  { id: 'intro', cues: [{ action: 'highlight', task: 2, line: 1 }], quizzes: [] },
  { id: 'abort', cues: [pauseAtAbort, { action: 'inspect', task: 1, line: 4 }], quizzes: [outputQuiz, nextTaskQuiz] },
  { id: 'end', cues: [], quizzes: [] },
];

const trace = traceBuilder()
  .spawn(1)
  .spawn(2)
  .nextStep()
  .pollStart(0)
  .abort(1)
  .print('a\n')
  .pollEnd(0, 'pending')
  .nextStep()
  .pollStart(2)
  .print('b\n')
  .pollEnd(2, 'ready')
  .build();
const ABORT_AT = trace.findIndex((e) => e.type === 'task.abort');

function start(input: Partial<LessonInput> = {}) {
  const emitted: LessonEmitted[] = [];
  const actor = createActor(lessonMachine, { input: { slides, ...input }, clock: new SimulatedClock() });
  for (const type of ['slide.changed', 'cue.pause', 'cue.highlight', 'cue.inspect', 'quiz.graded'] as const) {
    actor.on(type, (e) => emitted.push(e));
  }
  actor.start();
  return { actor, emitted, ctx: () => actor.getSnapshot().context, state: () => actor.getSnapshot().value };
}

describe('lesson machine: navigation', () => {
  it('moves between slides and stays inside the deck', () => {
    const { actor, ctx, emitted } = start();
    actor.send({ type: 'PREV' });
    expect(ctx().index).toBe(0);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    expect(ctx().index).toBe(2);
    actor.send({ type: 'FIRST' });
    actor.send({ type: 'LAST' });
    actor.send({ type: 'GOTO', index: 1 });
    expect(emitted.filter((e) => e.type === 'slide.changed').map((e) => e.type === 'slide.changed' && e.index)).toEqual(
      [1, 2, 0, 2, 1],
    );
  });

  it('starts on the slide it is given, clamped, with its start cues applied', () => {
    expect(start({ index: 99 }).ctx().index).toBe(2);
    expect(start({ index: 0 }).ctx().highlight).toBe(2);
    expect(start({ index: 1 }).ctx().inspect).toBe(1);
  });

  it('overview: arrows move the selection only; leaving opens the selected slide', () => {
    const { actor, ctx, state, emitted } = start();
    actor.send({ type: 'TOGGLE_OVERVIEW' });
    expect(state()).toBe('overview');
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    expect(ctx()).toMatchObject({ index: 0, selection: 2 });
    expect(emitted).toEqual([]);
    actor.send({ type: 'ESCAPE' });
    expect(state()).toBe('slide');
    expect(ctx()).toMatchObject({ index: 2, selection: 2 });
    actor.send({ type: 'TOGGLE_OVERVIEW' });
    actor.send({ type: 'GOTO', index: 1 });
    expect(ctx().index).toBe(1);
  });

  it('blank: hides the deck and ignores navigation until toggled back', () => {
    const { actor, ctx, state } = start();
    actor.send({ type: 'TOGGLE_BLANK' });
    actor.send({ type: 'NEXT' });
    expect(state()).toBe('blank');
    expect(ctx().index).toBe(0);
    actor.send({ type: 'TOGGLE_BLANK' });
    actor.send({ type: 'NEXT' });
    expect(ctx().index).toBe(1);
  });
});

describe('lesson machine: cues', () => {
  it('pauses playback just after the cue event, once, and re-arms when playback goes back', () => {
    const { actor, ctx, emitted } = start({ index: 1 });
    actor.send({ type: 'RUN.DONE', stdout: 'a\nb\n', events: trace });
    expect(ctx().cues[0]?.at).toBe(ABORT_AT);
    actor.send({ type: 'POSITION', position: ABORT_AT });
    expect(emitted.some((e) => e.type === 'cue.pause')).toBe(false);
    actor.send({ type: 'POSITION', position: trace.length });
    expect(emitted.filter((e) => e.type === 'cue.pause')).toEqual([
      { type: 'cue.pause', position: ABORT_AT + 1, say: 'abort() marks the task.' },
    ]);
    expect(ctx()).toMatchObject({ position: ABORT_AT + 1, say: 'abort() marks the task.' });
    actor.send({ type: 'POSITION', position: trace.length });
    expect(emitted.filter((e) => e.type === 'cue.pause')).toHaveLength(1);
    actor.send({ type: 'POSITION', position: 0 });
    actor.send({ type: 'POSITION', position: ABORT_AT + 3 });
    expect(emitted.filter((e) => e.type === 'cue.pause')).toHaveLength(2);
  });

  it('a pause at abort stops after the abort’s transition and queue push, where the screen shows them', () => {
    // Tokio's abort of an idle task: transition_to_notified_and_cancel, then the push (state.rs).
    const withEffects = traceBuilder()
      .spawn(1)
      .nextStep()
      .pollStart(0)
      .abort(1)
      .state(1, 200, 300, 'transition_to_notified_and_cancel', 'true', [{ holder: 'notified', delta: 1 }])
      .push('local', 1)
      .print('a\n')
      .pollEnd(0, 'pending')
      .build();
    const at = withEffects.findIndex((e) => e.type === 'task.abort');
    const { actor, emitted } = start({ index: 1 });
    actor.send({ type: 'RUN.DONE', stdout: 'a\n', events: withEffects });
    actor.send({ type: 'POSITION', position: withEffects.length });
    expect(emitted.filter((e) => e.type === 'cue.pause')).toEqual([
      { type: 'cue.pause', position: at + 3, say: 'abort() marks the task.' },
    ]);
  });

  it('a new run (another seed) re-arms the cues and forgets the last sentence', () => {
    const { actor, ctx } = start({ index: 1 });
    actor.send({ type: 'RUN.DONE', stdout: '', events: trace });
    actor.send({ type: 'POSITION', position: trace.length });
    actor.send({ type: 'RUN.STARTED' });
    expect(ctx()).toMatchObject({ say: undefined, position: 0, run: { status: 'waiting' } });
    expect(ctx().cues[0]).toMatchObject({ at: undefined, fired: false });
  });

  it('a cue whose event never happens never fires', () => {
    const { actor, emitted } = start({ index: 1 });
    actor.send({ type: 'RUN.DONE', stdout: '', events: trace.filter((e) => e.type !== 'task.abort') });
    actor.send({ type: 'POSITION', position: trace.length });
    expect(emitted.filter((e) => e.type === 'cue.pause')).toEqual([]);
  });
});

describe('lesson machine: predict, then run', () => {
  it('locks an answer given before the run and grades it when the run arrives', () => {
    const { actor, ctx, emitted } = start({ index: 1 });
    actor.send({ type: 'QUIZ.ANSWER', quiz: 0, response: { choice: 1 } });
    expect(ctx().answers['abort#0']).toEqual({ response: { choice: 1 } });
    actor.send({ type: 'QUIZ.ANSWER', quiz: 0, response: { choice: 0 } });
    expect(ctx().answers['abort#0']?.response).toEqual({ choice: 0 });
    actor.send({ type: 'RUN.DONE', stdout: 'a\nb\n', events: trace });
    expect(ctx().answers['abort#0']?.grade).toEqual({ correct: true, expected: 'b' });
    expect(emitted.filter((e) => e.type === 'quiz.graded')).toHaveLength(1);
    // Graded answers are final until the learner asks to retry.
    actor.send({ type: 'QUIZ.ANSWER', quiz: 0, response: { choice: 1 } });
    expect(ctx().answers['abort#0']?.grade?.correct).toBe(true);
    actor.send({ type: 'QUIZ.RETRY', quiz: 0 });
    expect(ctx().answers['abort#0']).toBeUndefined();
  });

  it('grades "which task runs next" by the trace, not by the mark', () => {
    const { actor, ctx } = start({ index: 1 });
    actor.send({ type: 'RUN.DONE', stdout: 'a\nb\n', events: trace });
    actor.send({ type: 'QUIZ.ANSWER', quiz: 1, response: { choice: 1 } });
    expect(ctx().answers['abort#1']?.grade).toEqual({ correct: true, expected: 'task 2' });
  });

  it('keeps answers restored from progress, and keeps a failed run from grading', () => {
    const { actor, ctx } = start({
      index: 1,
      answers: { 'abort#0': { response: { choice: 0 }, grade: { correct: true, expected: 'b' } } },
    });
    expect(ctx().answers['abort#0']?.grade?.correct).toBe(true);
    actor.send({ type: 'RUN.FAILED', message: 'the worker stopped' });
    actor.send({ type: 'QUIZ.ANSWER', quiz: 1, response: { choice: 0 } });
    expect(ctx().answers['abort#1']).toEqual({ response: { choice: 0 } });
    expect(ctx().run).toEqual({ status: 'failed', message: 'the worker stopped' });
  });

  it('ignores an answer to a quiz the slide does not have', () => {
    const { actor, ctx } = start({ index: 0 });
    actor.send({ type: 'QUIZ.ANSWER', quiz: 0, response: { choice: 0 } });
    expect(ctx().answers).toEqual({});
  });
});
