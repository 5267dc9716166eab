/**
 * The explorer on a lesson slide (issue 16 item 5): the Day 6 pool race slide offers "Explore
 * schedules"; exploring finds the common outcome and the rare one that loses a connection, and
 * that group opens in the slide's lab at the step where it parted from the common run.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DeckPage, slideNumber } from './pages/deck-page.ts';

test('the pool race slide explores schedules and finds the one that loses a connection', async ({ page }, testInfo) => {
  const deck = new DeckPage(page);
  await deck.open(slideNumber('pool-race'));
  await deck.waitForRun();
  const section = page.getByTestId('slide-explore');
  await section.getByTestId('explore-go').click();
  await expect(section.getByTestId('explore-summary')).toBeVisible({ timeout: 60_000 });
  const groups = section.getByTestId('explore-group');
  expect(await groups.count()).toBeGreaterThanOrEqual(2);
  await expect(groups.first()).toContainText('most common');
  const texts = (await groups.allTextContents()).join('\n');
  expect(texts).toContain('pool says free: 1');
  await page.screenshot({ path: testInfo.outputPath('explore-slide-groups.png') });
  // The section with its groups stays accessible (issue 11's bar: no serious or critical finding).
  const axe = await new AxeBuilder({ page }).include('[data-testid="slide-explore"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`),
  ).toEqual([]);

  // The losing group opens in the slide's lab, where its schedule parts from the common one.
  const losing = groups.filter({ hasText: 'pool says free: 1' }).first();
  await losing.getByTestId('explore-open').click();
  await expect(losing).toHaveClass(/opened/, { timeout: 15_000 });
  await expect(page.getByTestId('parted-choice')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('explore-slide-opened.png') });
  expect(deck.problems).toEqual([]);
});
