/**
 * The pool challenge (issue 6): the checker runs the learner's program on several seeds with
 * injected connection failures; the reference solution passes, broken pools fail with the
 * invariant that broke and a link to the step where it did.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ChallengePage } from './pages/challenge-page.ts';

const DIR = 'lessons/day06-tasks-joinset-cancellation';
const solution = readFileSync(`${DIR}/solutions/pool.rs`, 'utf8');
/** The solution without its clean shutdown: the set is only dropped when main returns. */
const noShutdown = solution.replace('    set.shutdown().await;\n', '');
/** The solution restarting into the wrong slot. */
const wrongSlot = solution.replace(
  'set.spawn(connect(slot, attempts[slot], start))',
  'set.spawn(connect(1, 9, start))',
);
if (wrongSlot === solution || noShutdown === solution) throw new Error('the solution changed: update these edits');

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
});

test('the reference solution passes on every seed', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const c = new ChallengePage(page);
  await c.openChallenge();
  await c.replaceSource(solution);
  await c.check();
  await expect(c.verdict).toContainText('Passed on all 4 seeds');
  await expect(c.panel.locator('.seed-result[data-outcome="passed"]')).toHaveCount(4);
  // The schedule search (issue 16) explored seed 1 and found nothing that breaks the pool.
  await expect(page.getByTestId('explored')).toHaveAttribute('data-outcome', 'passed');
  await expect(page.getByTestId('explored')).toContainText('Explored 200 schedules of seed 1');
  await page.screenshot({ path: testInfo.outputPath('challenge-pass.png'), fullPage: true });
  // The result is part of the saved progress.
  await page.reload();
  await expect(c.panel).toContainText('Last check: passed');
  expect(c.problems).toEqual([]);
});

test('the starter fails: failures never restarted, the pool below N, a leak', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const c = new ChallengePage(page);
  await c.openChallenge();
  await c.check();
  await expect(c.verdict).toContainText('Not yet');
  await expect(c.findings('failure-not-restarted').first()).toContainText('Slot 2 (attempt 1');
  await expect(c.findings('pool-below-n').first()).toContainText('stayed below 3');
  await expect(c.findings('leaked-task').first()).toBeVisible();
  // The schedule search reports a failing schedule as a link that replays it in the lab.
  await expect(page.getByTestId('explored')).toHaveAttribute('data-outcome', 'failed');
  await page.getByTestId('explored').screenshot({ path: testInfo.outputPath('challenge-explored.png') });
  const link = page.getByTestId('explored-link');
  await expect(link).toHaveAttribute('href', /mode=lab#share=/);
  await page.goto((await link.getAttribute('href')) ?? '');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 20_000 });
  // It opens at the first broken invariant: slot 2 lost and not restarted.
  await expect(page.getByTestId('console')).toContainText('slot 2: connection lost');
});

test('a pool that never shuts its set down leaks, and the link opens that step', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const c = new ChallengePage(page);
  await c.openChallenge();
  await c.replaceSource(noShutdown);
  await c.check();
  await expect(c.verdict).toContainText('Not yet');
  const leak = c.findings('leaked-task').first();
  await expect(leak).toContainText('was still alive when the runtime shut down');
  const link = leak.getByRole('link', { name: /Show step \d+/ });
  const step = Number(/Show step (\d+)/.exec((await link.textContent()) ?? '')?.[1]);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`check=1`));
  await expect(page).toHaveURL(new RegExp(`step=${step}(&|$)`));
  await expect(page.getByTestId('step-position')).toHaveText(String(step), { timeout: 20_000 });
  await expect(page.getByTestId('narration')).not.toBeEmpty();
  await page.screenshot({ path: testInfo.outputPath('challenge-leak-link.png'), fullPage: true });

  // The link works from a fresh page too: the checker's run is replayed from the URL.
  await page.goto(page.url());
  await expect(page.getByTestId('step-position')).toHaveText(String(step), { timeout: 20_000 });
});

test('restarting the wrong slot is a failure never restarted', async ({ page }) => {
  test.setTimeout(120_000);
  const c = new ChallengePage(page);
  await c.openChallenge();
  await c.replaceSource(wrongSlot);
  await c.check();
  await expect(c.verdict).toContainText('Not yet');
  await expect(c.findings('failure-not-restarted').first()).toContainText('Slot 2');
});
