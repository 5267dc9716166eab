/**
 * The lessons module's public entry: parse (text → SourceLesson), resolve (→ Lesson with scenario
 * sources and expected stdout), validate (static checks, and runs once a runner is given), grade.
 */
import { parseLesson } from './parse.ts';
import { resolveLesson } from './resolve.ts';
import type { LessonFiles, ResolveOptions } from './resolve.ts';
import type { Lesson, Parsed } from './types.ts';
import { validateLesson } from './validate.ts';
import type { ScenarioRunner } from './validate.ts';

export type * from './types.ts';
export { parseLesson, slugify } from './parse.ts';
export { printLesson, printSlide } from './print.ts';
export { resolveLesson, type LessonFiles, type ResolveOptions } from './resolve.ts';
export { checkLesson, formatDiagnostic, validateLesson, type RunResult, type ScenarioRunner } from './validate.ts';
export { gradeQuiz, nextTaskAfter, stateWordAfter, type Grade, type QuizResponse, type QuizRun } from './grade.ts';
export { eventMatches, findEvent } from './matcher.ts';
export { EVENT_NAMES, isEventName } from './event-names.ts';
export { formatWord, parseWord } from './quiz.ts';

/** Parse, resolve and validate one lesson file found in `files`. */
export async function loadLesson(
  file: string,
  files: LessonFiles,
  options: ResolveOptions & { readonly runner?: ScenarioRunner } = {},
): Promise<Parsed<Lesson>> {
  const text = files.get(file);
  if (text === undefined)
    return { ok: false, diagnostics: [{ file, line: 1, message: 'the lesson file does not exist' }] };
  const parsed = parseLesson(text, file);
  if (!parsed.ok) return parsed;
  const resolved = resolveLesson(parsed.lesson, files, options);
  if (!resolved.ok) return resolved;
  const diagnostics = await validateLesson(resolved.lesson, options.runner);
  return diagnostics.length > 0 ? { ok: false, diagnostics } : resolved;
}
