/**
 * A course slide offers the ^C button only where its program listens for Ctrl-C; such a slide
 * must say so, or learners never find the button (issue 17: the hierarchy slide's cascade).
 */
import { describe, expect, it } from 'vitest';
import { readTree } from '../../lessons/testing/read-tree.ts';
import { keyHint } from '../shortcuts/shortcuts.ts';
import { offersCtrlC } from './ctrl-c.ts';

const files = readTree('lessons');
const SCENARIO = /::scenario\{file="([^"]+)"/;

/** Each slide of each lesson whose scenario gets the button, with its text. */
function slidesWithButton(): { readonly where: string; readonly text: string }[] {
  const found: { where: string; text: string }[] = [];
  for (const [path, lesson] of files) {
    if (!path.endsWith('/lesson.md')) continue;
    const dir = path.slice(0, -'lesson.md'.length);
    for (const slide of lesson.split(/\n---\n/)) {
      const file = SCENARIO.exec(slide)?.[1];
      const source = file === undefined ? undefined : files.get(dir + file);
      if (source !== undefined && offersCtrlC('course', source)) found.push({ where: `${path} ${file}`, text: slide });
    }
  }
  return found;
}

describe('slides whose program listens for Ctrl-C', () => {
  it('tell the learner about the ^C button and its key', () => {
    const slides = slidesWithButton();
    expect(slides.map((s) => s.where)).toContain(
      'lessons/day06-tasks-joinset-cancellation/lesson.md 25-hierarchy-pattern.rs',
    );
    const key = keyHint('course', 'ctrl-c').toLowerCase();
    expect(key).toMatch(/^\w$/);
    for (const s of slides) {
      const prose = s.text.split('\n::: notes')[0] ?? '';
      expect(prose, s.where).toContain('^C button');
      expect(prose, s.where).toContain(`\`${key}\``);
    }
  });
});
