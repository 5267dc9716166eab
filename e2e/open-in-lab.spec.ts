/**
 * Findable (issue 11 §6): the course header's "Open in lab" carries the slide's program into the
 * lab, and the lab's "← Course" leads back to the slide the learner was on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DeckPage, LESSON, slideNumber } from './pages/deck-page.ts';
import { LabPage } from './pages/lab-page.ts';

test("Open in lab takes the slide's program to the lab, and ← Course comes back", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  const slide = slideNumber('abort');
  await deck.open(slide);
  const link = page.getByTestId('open-in-lab');
  // The link carries the program once it is encoded (until then it is the bare lab).
  await expect(link).not.toHaveAttribute('href', /mode=lab$/, { timeout: 15_000 });
  await link.click();

  const lab = new LabPage(page, baseURL);
  await lab.waitForRun();
  const file = join(import.meta.dirname, '../lessons', LESSON, '08-abort-is-cancelled.rs');
  // the program as the slide runs it: footnote marks ([^name]) are the lesson's, not Rust's
  const firstLine = (readFileSync(file, 'utf8').split('\n')[0] ?? '').replace(/\[\^[^\]]*\]/g, '');
  expect(firstLine.length).toBeGreaterThan(10);
  await expect(lab.editor).toContainText(firstLine);

  // (the lab's problems are read before leaving it: leaving may cut its last requests short)
  expect(lab.problems).toEqual([]);
  await page.getByTestId('back-to-course').click();
  await deck.expectSlide(slide);
  expect(deck.problems).toEqual([]);
});
