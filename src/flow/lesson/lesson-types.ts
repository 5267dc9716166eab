/**
 * The lesson machine's vocabulary: which slide, overview and blank modes, the current slide's run
 * (for cues and quiz grading), and the learner's quiz answers.
 */
import type { Grade, QuizResponse } from '../../lessons/grade.ts';
import type { Slide } from '../../lessons/types.ts';
import type { SimEvent } from '../../store/index.ts';
import type { CueState } from './cues.ts';

/** What the machine needs of a slide. */
export type LessonSlide = Pick<Slide, 'id' | 'cues' | 'quizzes'>;

/** `${slideId}#${quizIndex}`: stable across edits of other slides. */
export type QuizKey = string;

export interface QuizRecord {
  readonly response: QuizResponse;
  /** Undefined while waiting for the run to grade against. */
  readonly grade?: Grade;
}

export type SlideRun =
  | { readonly status: 'waiting' }
  | { readonly status: 'ready'; readonly stdout: string; readonly events: readonly SimEvent[] }
  | { readonly status: 'failed'; readonly message: string };

export interface LessonContext {
  readonly slides: readonly LessonSlide[];
  /** 0-based index of the slide shown (its scenario is the one in the lab). */
  readonly index: number;
  /** The slide selected in the overview (equal to `index` elsewhere). */
  readonly selection: number;
  readonly run: SlideRun;
  readonly cues: readonly CueState[];
  /** Event position of the lab's playback, as last reported. */
  readonly position: number;
  /** The sentence of the last cue that fired, for the narration. */
  readonly say: string | undefined;
  /** Task the cues ask to highlight / open in the inspector. */
  readonly highlight: number | undefined;
  readonly inspect: number | undefined;
  readonly answers: Readonly<Record<QuizKey, QuizRecord>>;
}

export interface LessonInput {
  readonly slides: readonly LessonSlide[];
  readonly index?: number;
  readonly answers?: Readonly<Record<QuizKey, QuizRecord>>;
}

export type LessonEvent =
  | { readonly type: 'NEXT' }
  | { readonly type: 'PREV' }
  | { readonly type: 'FIRST' }
  | { readonly type: 'LAST' }
  /** 0-based. */
  | { readonly type: 'GOTO'; readonly index: number }
  | { readonly type: 'TOGGLE_OVERVIEW' }
  | { readonly type: 'TOGGLE_BLANK' }
  /** Leaves overview (on the selected slide) or blank. */
  | { readonly type: 'ESCAPE' }
  /** The lab started running the slide's scenario again (new seed, edited code). */
  | { readonly type: 'RUN.STARTED' }
  | { readonly type: 'RUN.DONE'; readonly stdout: string; readonly events: readonly SimEvent[] }
  | { readonly type: 'RUN.FAILED'; readonly message: string }
  | { readonly type: 'POSITION'; readonly position: number }
  | { readonly type: 'QUIZ.ANSWER'; readonly quiz: number; readonly response: QuizResponse }
  | { readonly type: 'QUIZ.RETRY'; readonly quiz: number };

/** What the shell acts on (xstate `emit`): the lab follows the cues, progress is saved. */
export type LessonEmitted =
  | { readonly type: 'slide.changed'; readonly index: number }
  /** Stop playback with `position` events applied (the cue's event just done). */
  | { readonly type: 'cue.pause'; readonly position: number; readonly say: string | undefined }
  | { readonly type: 'cue.highlight'; readonly task: number }
  | { readonly type: 'cue.inspect'; readonly task: number }
  | { readonly type: 'quiz.graded'; readonly key: QuizKey; readonly record: QuizRecord };

export function quizKey(slide: LessonSlide, quiz: number): QuizKey {
  return `${slide.id}#${quiz}`;
}
