/**
 * The app's lesson loader: Vite inlines every lesson file (markdown, scenarios, expected stdout)
 * at build time, so the browser needs no file access. Reference solutions under `solutions/` are
 * excluded from the bundle: they stay out of the learner's view, for the checker only. So are the
 * claims ledger and its probes: they are checked at build time, not shown.
 */
import { loadLesson } from './index.ts';
import type { LessonFiles } from './resolve.ts';
import type { Diagnostic, Lesson } from './types.ts';
import { lessonPaths } from './paths.ts';

const RAW: Record<string, string> = import.meta.glob(
  ['/lessons/**/*.{md,rs,txt}', '!/lessons/**/solutions/**', '!/lessons/**/probes/**', '!/lessons/**/ledger.md'],
  { query: '?raw', import: 'default', eager: true },
);

/** Lesson files keyed by repository path without the leading slash (`lessons/…/lesson.md`). */
export function bundledLessonFiles(): LessonFiles {
  const files = new Map<string, string>();
  for (const [path, text] of Object.entries(RAW)) files.set(path.replace(/^\//, ''), text);
  return files;
}

/** Every `lessons/<id>/lesson.md` in `files`, sorted by path (day order). */
export { lessonPaths };

export interface LoadedLessons {
  readonly lessons: Lesson[];
  readonly diagnostics: Diagnostic[];
}

/** Loads every bundled lesson; a lesson with problems is left out and its diagnostics returned. */
export async function loadBundledLessons(files: LessonFiles = bundledLessonFiles()): Promise<LoadedLessons> {
  const lessons: Lesson[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of lessonPaths(files)) {
    const r = await loadLesson(path, files);
    if (r.ok) lessons.push(r.lesson);
    else diagnostics.push(...r.diagnostics);
  }
  return { lessons, diagnostics };
}
