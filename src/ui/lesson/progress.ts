/**
 * The learner's progress in the browser (issue 6 "Self-paced"): per lesson, the slide they were
 * on, the slides they saw, their quiz answers and grades, their edited code per slide and the
 * challenge's result. One localStorage entry, versioned. Reading never throws: each field that
 * does not check out is dropped alone, unreadable JSON is kept aside under a backup key (so a
 * bug can never silently eat a learner's code) and the learner starts clean.
 */
import type { Grade, QuizResponse } from '../../lessons/grade.ts';

export const PROGRESS_KEY = 'task-lab:progress';
export const BACKUP_KEY = 'task-lab:progress:unreadable';
export const PROGRESS_VERSION = 1;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

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
const EMPTY: Progress = { version: PROGRESS_VERSION, lessons: {} };

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

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

export interface ReadResult {
  readonly progress: Progress;
  /** Why something was dropped, for a notice; undefined when all was well. */
  readonly problem?: string;
}

export function parseProgress(text: string | null): ReadResult {
  if (text === null) return { progress: EMPTY };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { progress: EMPTY, problem: 'Saved progress could not be read; a copy was kept and you start fresh.' };
  }
  // Version 0 (before versioning) had the same lessons map without the number.
  if (!isRec(raw) || (raw.version !== undefined && raw.version !== PROGRESS_VERSION) || !isRec(raw.lessons)) {
    return { progress: EMPTY, problem: 'Saved progress is from another version of Task Lab; a copy was kept.' };
  }
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, entry] of Object.entries(raw.lessons)) lessons[id] = readLessonProgress(entry);
  return { progress: { version: PROGRESS_VERSION, lessons } };
}

export function readProgress(storage: StorageLike | undefined): ReadResult {
  let text: string | null;
  try {
    text = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return { progress: EMPTY, problem: 'This browser does not let Task Lab read saved progress.' };
  }
  const r = parseProgress(text);
  if (r.problem !== undefined && text !== null) {
    try {
      storage?.setItem(BACKUP_KEY, text);
    } catch {
      // Nothing more can be done; the notice still tells the learner.
    }
  }
  return r;
}

/** Writes; false when the browser refused (private mode, quota). */
export function writeProgress(storage: StorageLike | undefined, progress: Progress): boolean {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return storage !== undefined;
  } catch {
    return false;
  }
}

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
  readonly problem: string | undefined;
  /** False once a write failed: the UI says progress is not being saved. */
  saving = true;

  constructor(private readonly storage: StorageLike | undefined) {
    const r = readProgress(storage);
    this.progress = r.progress;
    this.problem = r.problem;
  }

  lesson(id: string): LessonProgress {
    return lessonProgress(this.progress, id);
  }

  update(id: string, change: (p: LessonProgress) => LessonProgress): LessonProgress {
    this.progress = withLesson(this.progress, id, change);
    this.saving = writeProgress(this.storage, this.progress);
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

/** The page's localStorage, or undefined where it is unavailable (sandboxed iframes). */
export function browserStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
