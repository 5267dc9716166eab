/**
 * Grading predict-then-run quizzes against a run: the stdout for output quizzes, the trace for
 * "which task runs next?" and "what is the state word?" (the trace is the truth, design.md §2).
 * Pure functions shared by the validator (checking the author's answer) and the UI (the learner's).
 */
import type { SimEvent } from '../sim/events.ts';
import { findEvent } from './matcher.ts';
import { choiceTask, formatWord, parseWord } from './quiz.ts';
import type { EventMatcher, LineRange, Quiz } from './types.ts';

/** The learner's answer: a choice index, or typed text. */
export type QuizResponse = { readonly choice: number } | { readonly text: string };

export interface Grade {
  readonly correct: boolean;
  /** The right answer in words, shown after grading. */
  readonly expected: string;
}

/** What a quiz is graded against: the scenario's stdout and, when run, its trace. */
export interface QuizRun {
  readonly stdout: string;
  readonly events?: readonly SimEvent[];
}

/** The stdout lines a quiz asks about (all of them without a range), joined with "\n". */
export function stdoutLines(stdout: string, range: LineRange | undefined): string {
  const lines = stdout.replace(/\n$/, '').split('\n');
  return range ? lines.slice(range.from - 1, range.to).join('\n') : lines.join('\n');
}

/** Compares typed output leniently: trailing spaces, blank lines and surrounding backticks aside. */
export function sameOutput(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .split('\n')
      .map((l) => l.trim().replace(/^`(.*)`$/, '$1'))
      .filter((l) => l !== '')
      .join('\n');
  return norm(a) === norm(b);
}

/** The task polled first after the matched event: its id, 0 for main, undefined if none is. */
export function nextTaskAfter(events: readonly SimEvent[], after: EventMatcher): number | undefined {
  const at = findEvent(events, after);
  if (at < 0) return undefined;
  for (let i = at + 1; i < events.length; i++) {
    const e = events[i];
    if (e?.type === 'poll.start') return e.task;
  }
  return undefined;
}

/**
 * The task's state word right after the matched event: the event's own `after` word when it is a
 * `task.state` event, otherwise the first `task.state` of that task that follows it.
 */
export function stateWordAfter(events: readonly SimEvent[], after: EventMatcher, task: number): number | undefined {
  const at = findEvent(events, after);
  if (at < 0) return undefined;
  for (let i = at; i < events.length; i++) {
    const e = events[i];
    if (e?.type === 'task.state' && e.task === task) return e.after;
  }
  return undefined;
}

const taskName = (t: number): string => (t === 0 ? 'main' : `task ${t}`);

export function gradeQuiz(quiz: Quiz, response: QuizResponse, run: QuizRun): Grade {
  if (quiz.kind === 'state-word') {
    const truth = run.events ? stateWordAfter(run.events, quiz.after, quiz.task) : undefined;
    const answer = truth ?? quiz.answer;
    const given = 'text' in response ? parseWord(response.text) : undefined;
    return { correct: given === answer, expected: `${formatWord(answer)} (${answer})` };
  }
  if (quiz.kind === 'next-task') {
    const truth = run.events ? nextTaskAfter(run.events, quiz.after) : undefined;
    const marked = quiz.choices.findIndex((c) => c.correct);
    const right = truth === undefined ? marked : quiz.choices.findIndex((c) => choiceTask(c.text) === truth);
    const correct = 'choice' in response && response.choice === right;
    return { correct, expected: quiz.choices[right]?.text ?? (truth !== undefined ? taskName(truth) : '') };
  }
  if (quiz.choices.length > 0) {
    const right = quiz.choices.findIndex((c) => c.correct);
    return { correct: 'choice' in response && response.choice === right, expected: quiz.choices[right]?.text ?? '' };
  }
  const expected = stdoutLines(run.stdout, quiz.lines);
  return { correct: 'text' in response && sameOutput(response.text, expected), expected };
}
