/**
 * The lesson (issue 6, design.md §2 src/flow): slides and their order, overview and blank screen,
 * the cues of the slide on show (pause the lab at an event, highlight a task, open the inspector),
 * and predict-then-run quizzes: an answer is locked first, then graded against the slide's run by
 * src/lessons' grading helpers. Effects leave as emitted events (LessonEmitted); the shell applies
 * them to the playback machine and the progress store, so the machine runs headless in tests.
 */
import { assign, enqueueActions, setup } from 'xstate';
import { gradeQuiz } from '../../lessons/grade.ts';
import { crossCues, initialCues, resolveCues } from './cues.ts';
import type { CueState } from './cues.ts';
import { quizKey } from './lesson-types.ts';
import type { LessonContext, LessonEmitted, LessonEvent, LessonInput, QuizRecord, SlideRun } from './lesson-types.ts';

type Ctx = LessonContext;

const clampIndex = (c: Ctx, i: number): number => Math.max(0, Math.min(c.slides.length - 1, Math.trunc(i)));

function targetOf(c: Ctx, e: LessonEvent, from = c.index): number {
  switch (e.type) {
    case 'NEXT':
      return clampIndex(c, from + 1);
    case 'PREV':
      return clampIndex(c, from - 1);
    case 'FIRST':
      return 0;
    case 'LAST':
      return c.slides.length - 1;
    case 'GOTO':
      return Number.isFinite(e.index) ? clampIndex(c, e.index) : from;
    default:
      return from;
  }
}

/** Fresh per-slide state: no run yet, the slide's cues armed. */
function enterSlide(c: Ctx, index: number): Partial<Ctx> {
  const slide = c.slides[index];
  const cues = initialCues(slide?.cues ?? []);
  return {
    index,
    selection: index,
    run: { status: 'waiting' },
    cues,
    position: 0,
    say: undefined,
    highlight: startTask(cues, 'highlight'),
    inspect: startTask(cues, 'inspect'),
  };
}

function startTask(cues: readonly CueState[], action: 'highlight' | 'inspect'): number | undefined {
  return cues.find((c) => c.cue.action === action && c.cue.when === undefined)?.cue.task;
}

function grade(c: Ctx, quiz: number, record: QuizRecord, run: SlideRun): QuizRecord {
  const q = c.slides[c.index]?.quizzes[quiz];
  if (q === undefined || run.status !== 'ready') return record;
  return {
    response: record.response,
    grade: gradeQuiz(q, record.response, { stdout: run.stdout, events: run.events }),
  };
}

export const lessonMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as LessonEvent,
    input: {} as LessonInput,
    emitted: {} as LessonEmitted,
  },
  guards: {
    movesSlide: ({ context, event }) => targetOf(context, event) !== context.index,
  },
  actions: {
    goto: enqueueActions(({ context, event, enqueue }) => {
      // Leaving the overview opens its selection; elsewhere the event names the slide.
      const index =
        event.type === 'GOTO' || context.selection === context.index ? targetOf(context, event) : context.selection;
      if (index === context.index) {
        enqueue.assign({ selection: index });
        return;
      }
      const next = enterSlide(context, index);
      enqueue.assign(next);
      enqueue.emit({ type: 'slide.changed', index });
      if (next.highlight !== undefined) enqueue.emit({ type: 'cue.highlight', task: next.highlight });
      if (next.inspect !== undefined) enqueue.emit({ type: 'cue.inspect', task: next.inspect });
    }),
    select: assign(({ context, event }) => ({ selection: targetOf(context, event, context.selection) })),
    runStarted: assign(({ context }) => ({
      run: { status: 'waiting' },
      cues: initialCues(context.slides[context.index]?.cues ?? []),
      position: 0,
      say: undefined,
    })),
    runFailed: assign(({ event }) =>
      event.type === 'RUN.FAILED' ? { run: { status: 'failed', message: event.message } } : {},
    ),
    runDone: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'RUN.DONE') return;
      const run: SlideRun = { status: 'ready', stdout: event.stdout, events: event.events };
      const slide = context.slides[context.index];
      const answers = { ...context.answers };
      slide?.quizzes.forEach((_, i) => {
        const key = quizKey(slide, i);
        const record = answers[key];
        if (record === undefined || record.grade !== undefined) return;
        const graded = grade(context, i, record, run);
        answers[key] = graded;
        enqueue.emit({ type: 'quiz.graded', key, record: graded });
      });
      const cues = crossCues(resolveCues(context.cues, event.events), 0, context.position).cues;
      enqueue.assign({ run, answers, cues });
    }),
    position: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'POSITION') return;
      const { cues, fired } = crossCues(context.cues, context.position, event.position);
      let say = context.say;
      let position = event.position;
      for (const f of fired) {
        if (f.cue.say !== undefined) say = f.cue.say;
        const task = f.cue.task;
        if (f.cue.action === 'highlight' && task !== undefined) enqueue.emit({ type: 'cue.highlight', task });
        if (f.cue.action === 'inspect' && task !== undefined) enqueue.emit({ type: 'cue.inspect', task });
      }
      const pause = fired.find((f) => f.cue.action === 'pause');
      if (pause !== undefined && pause.at !== undefined) {
        // Stop where the cue's state is on screen (its event and that event's effects), even if
        // the frame carried playback further.
        position = pause.stop ?? pause.at + 1;
        const after = crossCues(context.cues, context.position, position);
        enqueue.assign({ cues: after.cues, position, say: pause.cue.say ?? say });
        enqueue.emit({ type: 'cue.pause', position, say: pause.cue.say });
        return;
      }
      enqueue.assign({ cues, position, say });
    }),
    answer: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'QUIZ.ANSWER') return;
      const slide = context.slides[context.index];
      if (slide?.quizzes[event.quiz] === undefined) return;
      const key = quizKey(slide, event.quiz);
      if (context.answers[key]?.grade !== undefined) return;
      const record = grade(context, event.quiz, { response: event.response }, context.run);
      enqueue.assign({ answers: { ...context.answers, [key]: record } });
      if (record.grade !== undefined) enqueue.emit({ type: 'quiz.graded', key, record });
    }),
    retry: assign(({ context, event }) => {
      if (event.type !== 'QUIZ.RETRY') return {};
      const slide = context.slides[context.index];
      if (slide === undefined) return {};
      const answers = { ...context.answers };
      delete answers[quizKey(slide, event.quiz)];
      return { answers };
    }),
  },
}).createMachine({
  id: 'lesson',
  context: ({ input }) => {
    const base: Ctx = {
      slides: input.slides,
      index: 0,
      selection: 0,
      run: { status: 'waiting' },
      cues: [],
      position: 0,
      say: undefined,
      highlight: undefined,
      inspect: undefined,
      answers: input.answers ?? {},
    };
    return { ...base, ...enterSlide(base, clampIndex(base, input.index ?? 0)) };
  },
  on: {
    'RUN.STARTED': { actions: 'runStarted' },
    'RUN.DONE': { actions: 'runDone' },
    'RUN.FAILED': { actions: 'runFailed' },
    POSITION: { actions: 'position' },
    'QUIZ.ANSWER': { actions: 'answer' },
    'QUIZ.RETRY': { actions: 'retry' },
  },
  initial: 'slide',
  states: {
    slide: {
      on: {
        NEXT: { guard: 'movesSlide', actions: 'goto' },
        PREV: { guard: 'movesSlide', actions: 'goto' },
        FIRST: { guard: 'movesSlide', actions: 'goto' },
        LAST: { guard: 'movesSlide', actions: 'goto' },
        GOTO: { guard: 'movesSlide', actions: 'goto' },
        TOGGLE_OVERVIEW: 'overview',
        TOGGLE_BLANK: 'blank',
      },
    },
    /** The grid of all slides: arrows move the selection; Enter/Escape/o open it. */
    overview: {
      on: {
        NEXT: { actions: 'select' },
        PREV: { actions: 'select' },
        FIRST: { actions: 'select' },
        LAST: { actions: 'select' },
        GOTO: { target: 'slide', actions: 'goto' },
        TOGGLE_OVERVIEW: { target: 'slide', actions: 'goto' },
        ESCAPE: { target: 'slide', actions: 'goto' },
        TOGGLE_BLANK: { target: 'blank', actions: 'goto' },
      },
    },
    /** The projector shows nothing; the room looks at the teacher. */
    blank: {
      on: { TOGGLE_BLANK: 'slide', ESCAPE: 'slide', TOGGLE_OVERVIEW: 'overview' },
    },
  },
});

export type LessonMachine = typeof lessonMachine;
