/**
 * Quiz feedback (issue 11 §5): a first wrong state word is not answered with the right one; it is
 * compared field by field (which fields differ, never their right values). A second wrong try
 * shows the run's word.
 */
import { expect, test } from '@playwright/test';
import { DeckPage, slideNumber } from './pages/deck-page.ts';

test('a wrong state word is compared bit by bit, and the answer waits for a second try', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const deck = new DeckPage(page);
  await deck.open(slideNumber('abort'));
  const quiz = deck.quiz(0);
  const result = quiz.getByTestId('quiz-result');
  // The run's word is 0b100_101100: four references, CANCELLED, JOIN_INTEREST, NOTIFIED.
  // This one has only CANCELLED wrong.
  await quiz.getByRole('textbox').fill('0b100_001100');
  await quiz.getByRole('button', { name: 'Lock in my answer' }).click();
  await expect(result).toContainText('Not quite.', { timeout: 20_000 });
  await expect(result).not.toContainText('0b100_101100');
  const fields = quiz.getByRole('list', { name: 'Your word, field by field' }).getByRole('listitem');
  await expect(fields).toHaveText([
    '✓ ref count',
    '✕ X (CANCELLED) differs',
    '✓ W (JOIN_WAKER)',
    '✓ J (JOIN_INTEREST)',
    '✓ N (NOTIFIED)',
    '✓ C (COMPLETE)',
    '✓ R (RUNNING)',
  ]);

  // A second wrong try (now the count is off) shows what the run says.
  await result.getByRole('button', { name: 'Try again' }).click();
  await quiz.getByRole('textbox').fill('0b11_101100');
  await quiz.getByRole('button', { name: 'Lock in my answer' }).click();
  await expect(result).toContainText('The run says: 0b100_101100');
  expect(deck.problems).toEqual([]);
});
