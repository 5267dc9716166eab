/**
 * The one key map (issue 11): Slidev's slide keys in the course, the same forward/back and run
 * keys in the lab, a `?` help generated from the table, and keys that belong to a focused quiz
 * choice or the editor never change the slide or the step.
 */
import { expect, test } from '@playwright/test';
import { DeckPage } from './pages/deck-page.ts';
import { LabPage } from './pages/lab-page.ts';

test('course: Slidev keys move the slides; a quiz choice keeps its arrows; g goes to a slide', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  await deck.open(2);
  await deck.expectSlide(2);

  // The arrows on a focused quiz choice move between choices, never to another slide.
  const radio = deck.quiz(0).getByRole('radio').first();
  await radio.focus();
  for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft']) {
    await page.keyboard.press(key);
    await deck.expectSlide(2);
  }
  await expect(deck.quiz(0).getByRole('radio', { checked: true })).toHaveCount(1);

  await deck.press('Space');
  await deck.expectSlide(3);
  await deck.press('ArrowDown');
  await deck.expectSlide(4);
  await deck.press('ArrowUp');
  await deck.expectSlide(3);
  await deck.press('ArrowLeft');
  await deck.expectSlide(2);

  await deck.press('g');
  const box = page.getByRole('dialog', { name: 'Go to slide' });
  await expect(box).toBeVisible();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  await deck.expectSlide(7);

  // The help lists the course's bindings of the table, grouped, and closes on Escape.
  await deck.press('?');
  const help = page.getByRole('dialog', { name: 'Keys' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Space \/ → Next slide/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /^K Play or pause the run/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /^G Go to a slide by number/ })).toBeVisible();
  await expect(help).not.toContainText('Run the edited program');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The play button's hint names the course's key.
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('title', 'Play (K)');
  expect(deck.problems).toEqual([]);
});

test('lab: the same keys step the run; the editor keeps its arrows', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const lab = new LabPage(page, baseURL);
  await lab.open('#step=3');
  await lab.expectStep(3);
  await page.keyboard.press('Space');
  await lab.expectStep(4);
  await page.keyboard.press(',');
  await lab.expectStep(3);
  await page.keyboard.press('.');
  await lab.expectStep(4);

  // Inside the editor an arrow moves the caret, not the run.
  await lab.editor.click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press(' ');
  await lab.expectStep(4);
  await page.keyboard.press('Backspace');

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Space \/ → Step forward/ })).toBeVisible();
  await expect(help).not.toContainText('Next slide');
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await lab.expectStep(0);
  expect(lab.problems).toEqual([]);
});
