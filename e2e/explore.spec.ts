/**
 * The schedule explorer in the browser (issue 16): exploring a racy program finds its outcomes,
 * a group opens at the step where it parts from the most common run, picking the next option as
 * "the scheduler" changes the outcome, and the schedule replays byte for byte from a share link.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shareValueOf } from './fixtures/share-value.ts';
import { LabPage } from './pages/lab-page.ts';

const RACY = readFileSync(join(process.cwd(), 'src/explore/fixtures/select-two-ready.rs'), 'utf8');

async function openRacy(lab: LabPage): Promise<void> {
  await lab.open(`#share=${await shareValueOf(RACY, 'multi_thread', 2)}`);
}

/** The whole console at the end of the run. */
async function finalConsole(lab: LabPage): Promise<string> {
  await lab.endButton.click();
  await expect(lab.page.getByTestId('step-position')).toHaveText(String(await lab.stepCount()));
  return lab.consoleText();
}

async function explore(page: Page, strategy: 'dfs' | 'pct' | 'random', runs: number): Promise<void> {
  await page.getByTestId('explore-toggle').click();
  await page.getByTestId('explore-strategy').selectOption(strategy);
  await page.getByTestId('explore-runs').fill(String(runs));
  await page.getByTestId('explore-go').click();
  await expect(page.getByTestId('explore-summary')).toBeVisible({ timeout: 60_000 });
}

test('explore finds the outcomes of a race and opens a group where it parts from the common run', async ({
  page,
  baseURL,
}, testInfo) => {
  const lab = new LabPage(page, baseURL);
  await openRacy(lab);
  await explore(page, 'dfs', 1000);
  await expect(page.getByTestId('explore-covered')).toHaveText(/^All schedules covered/);
  const groups = page.getByTestId('explore-group');
  expect(await groups.count()).toBeGreaterThanOrEqual(2);
  const texts = await groups.allTextContents();
  expect(texts.join('\n')).toContain('a won with 1');
  expect(texts.join('\n')).toContain('b won with 2');
  await expect(page.getByTestId('explore-rate')).toHaveText(/^\d+(\.\d)?$/);
  await page.screenshot({ path: testInfo.outputPath('explore-groups-1440.png') });

  // The second group: its run, shown where it parted, with the decision that differed marked.
  await groups.nth(1).getByTestId('explore-open').click();
  const parted = page.getByTestId('parted-choice');
  await expect(parted).toBeVisible({ timeout: 15_000 });
  await expect(parted).toContainText('instead of');
  const step = await lab.step();
  expect(step).toBeGreaterThan(0);
  expect(step).toBeLessThan(await lab.stepCount());
  await page.screenshot({ path: testInfo.outputPath('explore-opened-1440.png') });
  expect(lab.problems).toEqual([]);
});

test('as the scheduler, picking the other select! branch changes the outcome; the link replays it', async ({
  page,
  baseURL,
  context,
}, testInfo) => {
  const lab = new LabPage(page, baseURL);
  await openRacy(lab);
  const before = await finalConsole(lab);
  await lab.startButton.click();

  await page.keyboard.press('y');
  await expect(page.getByTestId('scheduler-toggle')).toHaveAttribute('aria-pressed', 'true');
  const picker = page.getByTestId('choice-picker');
  let flipped = false;
  for (let i = 0; i < 100; i++) {
    await lab.endButton.click();
    if (!(await picker.isVisible())) break;
    const question = (await picker.locator('h2').textContent()) ?? '';
    const options = picker.getByTestId('choice-option');
    const drawn = await options.evaluateAll((bs) => bs.findIndex((b) => b.classList.contains('drawn')));
    if (!flipped && question.includes('select!')) {
      if (i === 0) await page.screenshot({ path: testInfo.outputPath('scheduler-pick-1440.png') });
      flipped = true;
      await page.keyboard.press(String(2 - drawn)); // the other branch, by its number key
      await lab.waitForRun();
    } else {
      // Arrow keys move between the options; Enter takes the focused one (the drawn one).
      await expect(options.nth(drawn)).toBeFocused();
      await page.keyboard.press('Enter');
    }
  }
  expect(flipped).toBe(true);
  await expect(picker).toBeHidden();
  const after = await finalConsole(lab);
  expect(after).not.toBe(before);

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).hash).toMatch(/^#share=v2\./);
  const again = new LabPage(await context.newPage(), baseURL);
  await again.page.goto(link);
  await again.waitForRun();
  expect(await finalConsole(again)).toBe(after);
  expect(lab.problems).toEqual([]);
});
