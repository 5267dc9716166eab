/**
 * The lessons module's public entry: parse (text → SourceLesson), resolve (→ Lesson with scenario
 * sources and expected stdout), validate (static checks, and runs once a runner is given), grade.
 */
import { checkLedger } from './ledger/check-ledger.ts';
import type { FnIndex } from './ledger/check-ledger.ts';
import { parseLesson } from './parse.ts';
import { resolveLesson } from './resolve.ts';
import type { LessonFiles, ResolveOptions } from './resolve.ts';
import type { Lesson, Parsed } from './types.ts';
import { validateLesson } from './validate.ts';
import type { CueClaimCheck, ScenarioRunner } from './validate.ts';

export type * from './types.ts';
export { parseLesson, slugify } from './parse.ts';
export { printLesson, printSlide } from './print.ts';
export { resolveLesson, type LessonFiles, type ResolveOptions } from './resolve.ts';
export {
  checkLesson,
  formatDiagnostic,
  validateLesson,
  type CueClaimCheck,
  type RunResult,
  type ScenarioRunner,
} from './validate.ts';
export { gradeQuiz, nextTaskAfter, stateWordAfter, type Grade, type QuizResponse, type QuizRun } from './grade.ts';
export { eventMatches, findEvent, settledPosition } from './matcher.ts';
export { describeClaim, STATE_FLAGS } from './cue-claims.ts';
export { EVENT_NAMES, isEventName } from './event-names.ts';
export { formatWord, parseWord } from './quiz.ts';
export { checkLedger, parseFnIndex, type FnIndex, type LedgerStats } from './ledger/check-ledger.ts';
export { parseLedger, type Ledger, type LedgerEntry } from './ledger/parse-ledger.ts';
export { stripMarkers } from './ledger/markers.ts';

/** Parse, resolve and validate one lesson file found in `files`. */
export async function loadLesson(
  file: string,
  files: LessonFiles,
  options: ResolveOptions & {
    readonly runner?: ScenarioRunner;
    readonly cueCheck?: CueClaimCheck;
    /** Checks the claims ledger's source references against Tokio 1.48's functions. */
    readonly fnIndex?: FnIndex;
  } = {},
): Promise<Parsed<Lesson>> {
  const text = files.get(file);
  if (text === undefined)
    return { ok: false, diagnostics: [{ file, line: 1, message: 'the lesson file does not exist' }] };
  const parsed = parseLesson(text, file);
  if (!parsed.ok) return parsed;
  const resolved = resolveLesson(parsed.lesson, files, options);
  if (!resolved.ok) return resolved;
  const diagnostics = await validateLesson(resolved.lesson, options.runner, options.cueCheck);
  const ledger = await checkLedger(file, files, {
    ...(options.runner ? { runner: options.runner } : {}),
    ...(options.fnIndex ? { fnIndex: options.fnIndex } : {}),
  });
  diagnostics.push(...ledger.diagnostics);
  return diagnostics.length > 0 ? { ok: false, diagnostics } : resolved;
}
