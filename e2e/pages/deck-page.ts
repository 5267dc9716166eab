/**
 * The course mode as a test sees it (design.md §7: page objects): the deck's navigation, the
 * slide on show, its quizzes, the source pane and the lab's run, in the learner's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { parseLesson } from '../../src/lessons/parse.ts';
import type { Locator, Page } from '@playwright/test';
import { watchProblems } from './problems.ts';

export const LESSON = 'day06-tasks-joinset-cancellation';

function slidesOf(lesson: string) {
  const file = join(import.meta.dirname, '../../lessons', lesson, 'lesson.md');
  const parsed = parseLesson(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return { file, slides: parsed.lesson.slides };
}

/** How many slides a lesson has. */
export function slideCount(lesson: string): number {
  return slidesOf(lesson).slides.length;
}

/** The Day 6 lesson's slide count, read from the lesson (not a number to keep in step by hand). */
export const SLIDES = slideCount(LESSON);

/** A slide's 1-based number from its `{#id}`, so tests survive slides being added or moved. */
export function slideNumber(id: string, lesson: string = LESSON): number {
  const { file, slides } = slidesOf(lesson);
  const i = slides.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no slide {#${id}} in ${file}`);
  return i + 1;
}

export class DeckPage {
  readonly problems: string[];

  constructor(
    readonly page: Page,
    /** The lesson `open()` opens (Day 6 unless a spec says otherwise). */
    readonly lesson: string = LESSON,
  ) {
    this.problems = watchProblems(page);
  }

  /** Opens the lesson (1-based slide; extra query parameters appended). */
  async open(slide?: number, extra = ''): Promise<void> {
    const s = slide === undefined ? '' : `&slide=${slide}`;
    await this.page.goto(`/?lesson=${this.lesson}${s}${extra}`);
    await expect(this.deck).toBeVisible();
  }

  get deck(): Locator {
    return this.page.getByTestId('deck');
  }
  get counter(): Locator {
    return this.page.getByTestId('slide-counter');
  }
  get title(): Locator {
    return this.page.locator('#slide-title');
  }
  get runStatus(): Locator {
    return this.page.getByTestId('run-status');
  }
  get editor(): Locator {
    return this.page.locator('.slide .cm-content');
  }
  get consoleText(): Locator {
    return this.page.getByTestId('console');
  }

  async expectSlide(n: number): Promise<void> {
    await expect(this.counter).toContainText(`Slide ${n} of ${SLIDES}`);
    await expect(this.page).toHaveURL(n === 1 ? new RegExp(`lesson=${LESSON}`) : new RegExp(`slide=${n}(&|$)`));
  }

  /** The keyboard acts on the deck, not on whatever control kept the focus. */
  async press(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  async waitForRun(): Promise<void> {
    // The trace is computed (the words claim only what the screen shows; run-status.ts).
    await expect(this.runStatus).toHaveAttribute('data-phase', /^(ended|compile-error|lost)$/, { timeout: 20_000 });
  }

  quiz(n = 0): Locator {
    return this.page.getByTestId(`quiz-${n}`);
  }

  /** Picks a choice by its text and locks the answer in. */
  async answerChoice(n: number, text: string | RegExp): Promise<void> {
    const quiz = this.quiz(n);
    await quiz.getByRole('radio', { name: text }).check();
    await quiz.getByRole('button', { name: 'Lock in my answer' }).click();
  }

  async editorText(): Promise<string> {
    return (await this.editor.textContent()) ?? '';
  }

  /** Replaces the program in the source pane (select all, then text as typed input). */
  async replaceSource(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  async step(): Promise<number> {
    return Number(await this.page.getByTestId('step-position').textContent());
  }

  /** The page is no wider than the viewport (nothing to scroll sideways). */
  async expectNoSidewaysScroll(): Promise<void> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  }
}
