/**
 * Cues that cannot lie (issue 11 part 3), seen in the browser: a pause at abort() stops once the
 * abort's transition is on screen, so the screenshot at the pause shows what the cue says.
 */
import { expect, test } from '@playwright/test';
import { DeckPage } from './pages/deck-page.ts';

// Slides whose cue says the task was just queued: abort (8), a timer's wake (16), a JoinSet drop (21).
for (const [slide, say] of [
  [8, 'gets CANCELLED and NOTIFIED'],
  [16, 'NOTIFIED again, back in the queue'],
  [21, 'marked CANCELLED and queued'],
] as const) {
  test(`slide ${slide}: the cue pauses once the task it describes is Notified`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const deck = new DeckPage(page);
    await deck.open(slide);
    await deck.waitForRun();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('cue-say')).toContainText(say);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // The board's Notified lane holds the task the cue speaks of (issue 11: it used to read Idle).
    await expect(page.getByText(/Notified\s*\((1|3)\)/)).toBeVisible();
    await page.waitForTimeout(800);
    await page.screenshot({ path: testInfo.outputPath(`slide-${slide}-cue-pause.png`) });
    expect(deck.problems).toEqual([]);
  });
}
