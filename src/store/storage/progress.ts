/**
 * The learner's progress in the lessons (issue 6 "Self-paced"): per lesson, the slide they were
 * on, the slides they saw, their quiz answers and grades, their edited code per slide and the
 * challenge's result. One versioned record (format 0 had no version number). Each field that does
 * not check out is dropped alone; a record that cannot be read at all is set aside by AppStorage.
 */
import type { Grade, QuizResponse } from '../../lessons/grade.ts';
import type { AppStorage } from './app-storage.ts';
import { PROGRESS_KEY } from './keys.ts';
import { isRec, isWhole, type RecordSpec } from './record.ts';

export const PROGRESS_VERSION = 1;

export interface SavedAnswer {
  readonly response: QuizResponse;
  readonly grade?: Grade;
}

export interface ChallengeResult {
  readonly passed: boolean;
  /** Seeds checked and how many passed, for the progress line. */
  readonly seeds: number;
  readonly seedsPassed: number;
}

export interface LessonProgress {
  /** 1-based slide last shown. */
  readonly slide: number;
  /** Ids of the slides seen. */
  readonly visited: readonly string[];
  /** By quiz key (`slideId#n`). */
  readonly answers: Readonly<Record<string, SavedAnswer>>;
  /** The learner's program per slide id, when they edited it. */
  readonly code: Readonly<Record<string, string>>;
  readonly challenge?: ChallengeResult;
}

export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}

export const EMPTY_LESSON_PROGRESS: LessonProgress = { slide: 1, visited: [], answers: {}, code: {} };
export const EMPTY_PROGRESS: Progress = { version: PROGRESS_VERSION, lessons: {} };

function readResponse(v: unknown): QuizResponse | undefined {
  if (!isRec(v)) return undefined;
  if (isWhole(v.choice, 0)) return { choice: v.choice };
  if (typeof v.text === 'string') return { text: v.text };
  return undefined;
}

function readAnswer(v: unknown): SavedAnswer | undefined {
  if (!isRec(v)) return undefined;
  const response = readResponse(v.response);
  if (response === undefined) return undefined;
  const g = v.grade;
  if (isRec(g) && typeof g.correct === 'boolean' && typeof g.expected === 'string') {
    return { response, grade: { correct: g.correct, expected: g.expected } };
  }
  return { response };
}

function readRecord<T>(v: unknown, read: (x: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRec(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const r = read(x);
    if (r !== undefined) out[k] = r;
  }
  return out;
}

function readChallenge(v: unknown): ChallengeResult | undefined {
  if (!isRec(v) || typeof v.passed !== 'boolean' || !isWhole(v.seeds, 0) || !isWhole(v.seedsPassed, 0))
    return undefined;
  return { passed: v.passed, seeds: v.seeds, seedsPassed: v.seedsPassed };
}

/** One lesson's entry, field by field. */
export function readLessonProgress(v: unknown): LessonProgress {
  if (!isRec(v)) return EMPTY_LESSON_PROGRESS;
  const visited = Array.isArray(v.visited) ? v.visited.filter((x): x is string => typeof x === 'string') : [];
  const challenge = readChallenge(v.challenge);
  return {
    slide: isWhole(v.slide, 1) ? v.slide : 1,
    visited: [...new Set(visited)],
    answers: readRecord(v.answers, readAnswer),
    code: readRecord(v.code, (x) => (typeof x === 'string' ? x : undefined)),
    ...(challenge ? { challenge } : {}),
  };
}

export const PROGRESS_SPEC: RecordSpec<Progress> = {
  key: PROGRESS_KEY,
  version: PROGRESS_VERSION,
  versionOf: (raw) => {
    if (!isRec(raw)) return undefined;
    if (raw.version === undefined) return 0;
    return typeof raw.version === 'number' ? raw.version : undefined;
  },
  upgrades: {
    // Format 0 (before versioning) had the same lessons map without the number.
    0: (raw) => ({ ...(raw as object), version: 1 }),
  },
  parse: (raw) => {
    if (!isRec(raw) || !isRec(raw.lessons)) return undefined;
    const lessons: Record<string, LessonProgress> = {};
    for (const [id, entry] of Object.entries(raw.lessons)) lessons[id] = readLessonProgress(entry);
    return { version: PROGRESS_VERSION, lessons };
  },
  encode: (p) => p,
};

export function lessonProgress(progress: Progress, lesson: string): LessonProgress {
  return progress.lessons[lesson] ?? EMPTY_LESSON_PROGRESS;
}

export function withLesson(
  progress: Progress,
  lesson: string,
  update: (p: LessonProgress) => LessonProgress,
): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lesson]: update(lessonProgress(progress, lesson)) } };
}

/** Progress kept in memory and written through on every change (small, so no batching). */
export class ProgressBook {
  private progress: Progress;
  /** False once a write failed (the storage status says why). */
  saving = true;

  constructor(readonly storage: AppStorage) {
    this.progress = storage.read(PROGRESS_SPEC) ?? EMPTY_PROGRESS;
  }

  lesson(id: string): LessonProgress {
    return lessonProgress(this.progress, id);
  }

  update(id: string, change: (p: LessonProgress) => LessonProgress): LessonProgress {
    this.progress = withLesson(this.progress, id, change);
    this.saving = this.storage.write(PROGRESS_SPEC, this.progress);
    return this.lesson(id);
  }

  visit(id: string, slide: number, slideId: string): LessonProgress {
    return this.update(id, (p) => ({
      ...p,
      slide,
      visited: p.visited.includes(slideId) ? p.visited : [...p.visited, slideId],
    }));
  }

  saveCode(id: string, slideId: string, source: string | undefined): LessonProgress {
    return this.update(id, (p) => {
      const code = { ...p.code };
      if (source === undefined) delete code[slideId];
      else code[slideId] = source;
      return { ...p, code };
    });
  }

  saveAnswer(id: string, key: string, answer: SavedAnswer | undefined): LessonProgress {
    return this.update(id, (p) => {
      const answers = { ...p.answers };
      if (answer === undefined) delete answers[key];
      else answers[key] = answer;
      return { ...p, answers };
    });
  }

  saveChallenge(id: string, result: ChallengeResult): LessonProgress {
    return this.update(id, (p) => ({ ...p, challenge: result }));
  }
}
