/**
 * Source folds (issue 11): a slide's program folds to the lines its run touches, each folded
 * range is one `⋯ N lines` row that opens on a click or Enter, the current line is never folded
 * away, and the Fold switch turns it off and on.
 */
import { expect, test } from '@playwright/test';
import { DeckPage, slideNumber } from './pages/deck-page.ts';

test('a slide folds to what matters; folds open on click or Enter; the current line stays in view', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const deck = new DeckPage(page);
  await deck.open(slideNumber('abort'));
  await deck.waitForRun();
  const editor = page.getByTestId('code-editor');
  const rows = editor.locator('.cm-fold-row');
  await expect(rows.first()).toBeVisible();
  const folded = await rows.count();
  await expect(rows.first()).toHaveText(/^⋯ \d+ lines?$/);

  // Step through the run: whatever line it is on is drawn (a folded line has no line number).
  for (let i = 0; i < 12; i++) {
    await deck.press('.');
    const line = await editor.getAttribute('data-current-line');
    if (line === null) continue;
    await expect(
      editor.locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${line}$`) }),
    ).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('folded-1440.png') });

  // A click opens one fold; Enter on a focused fold row opens another.
  const before = await rows.count();
  expect(before).toBeGreaterThan(0);
  await rows.first().click();
  await expect(rows).toHaveCount(before - 1);
  if (before > 1) {
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(before - 2);
  }

  // The switch: off shows everything, on folds again.
  const fold = page.getByRole('button', { name: 'Fold', exact: true });
  await expect(fold).toHaveAttribute('aria-pressed', 'true');
  await fold.click();
  await expect(rows).toHaveCount(0);
  await fold.click();
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  expect(folded).toBeGreaterThan(0);
  expect(deck.problems).toEqual([]);
});
