import { describe, expect, it } from 'vitest';
import { bundledLessonFiles, lessonPaths, loadBundledLessons } from './loader.ts';
import { readTree } from './testing/read-tree.ts';

describe('the bundled lesson loader', () => {
  const bundled = bundledLessonFiles();

  it('bundles every lesson file except the reference solutions, the claims ledger and its probes', () => {
    const onDisk = [...readTree('lessons').keys()].filter((p) => /\.(md|rs|txt)$/.test(p));
    const expected = onDisk
      .filter((p) => !p.includes('/solutions/') && !p.includes('/probes/') && !p.endsWith('/ledger.md'))
      .sort();
    expect([...bundled.keys()].sort()).toEqual(expected);
    expect(onDisk.some((p) => p.includes('/solutions/'))).toBe(true);
    expect(onDisk.some((p) => p.includes('/probes/'))).toBe(true);
  });

  it('finds lessons by their lesson.md, not the format README', () => {
    expect(lessonPaths(bundled)).toContain('lessons/day06-tasks-joinset-cancellation/lesson.md');
    expect(lessonPaths(bundled)).not.toContain('lessons/README.md');
  });

  it('loads every bundled lesson without diagnostics', async () => {
    const { lessons, diagnostics } = await loadBundledLessons();
    expect(diagnostics).toEqual([]);
    const day6 = lessons.find((l) => l.id === 'day06-tasks-joinset-cancellation');
    expect(day6?.meta.day).toBe(6);
    expect(day6?.slides.every((s) => s.scenario !== undefined)).toBe(true);
  });
});
