import type { LessonFiles } from './resolve.ts';

/** The lesson documents among a set of files: `lessons/<folder>/lesson.md`, sorted. */
export function lessonPaths(files: LessonFiles): string[] {
  return [...files.keys()].filter((p) => /^lessons\/[^/]+\/lesson\.md$/.test(p)).sort();
}
