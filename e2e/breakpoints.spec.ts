/**
 * The breakpoint gutter says where the run can stop (issue 11): a dot on each line the run
 * stops at, a solid ◆ for a breakpoint it will hit, a hollow ◇ with a reason for one it never
 * can — and a hit breakpoint stops playback on its line.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

test('the gutter marks stop lines and judges each breakpoint', async ({ page, baseURL }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const lab = new LabPage(page, baseURL);
  await lab.open();
  const stops = page.locator('.cm-breakpoint-gutter .cm-stop-line');
  await expect(stops.first()).toBeVisible();
  expect(await stops.count()).toBeGreaterThan(1);

  // Line 1 (a doc comment) never runs: its breakpoint is hollow and says why.
  await lab.toggleBreakpoint(1);
  const miss = page.locator('.cm-breakpoint-miss');
  await expect(miss).toHaveCount(1);
  await expect(miss).toHaveText('◇');
  await expect(miss).toHaveAttribute('title', /never executes: a comment/);
  await lab.toggleBreakpoint(1);
  await expect(miss).toHaveCount(0);

  // Line 10 (the async block the spawned tasks start in) is a stop: solid, and playback halts there.
  await lab.toggleBreakpoint(10);
  await expect(page.locator('.cm-breakpoint-hit')).toHaveCount(1);
  await page.getByLabel('Speed').selectOption('16');
  await lab.playButton.click();
  await expect(lab.playButton).toHaveAccessibleName('Play');
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-current-line', '10');
  await page.locator('.cm-breakpoint-gutter').screenshot({ path: testInfo.outputPath('gutter.png') });
  expect(lab.problems).toEqual([]);
});
