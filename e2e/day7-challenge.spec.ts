/**
 * The Day 7 preview's challenge (issue 17): the echo-server checker runs the learner's `serve`
 * against its own clients on several seeds. The starter fails (too many served at once, no
 * shutdown) with links that seek the lab to the step; the reference solution passes everything.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { DeckPage, slideNumber } from './pages/deck-page.ts';

const LESSON = 'day07-echo-server-challenge';
const DIR = `lessons/${LESSON}`;
const solution = readFileSync(`${DIR}/solutions/echo-server.rs`, 'utf8');
const CHALLENGE = slideNumber('challenge', LESSON);

class EchoChallenge extends DeckPage {
  constructor(page: Page) {
    super(page, LESSON);
  }
  async openChallenge(extra = ''): Promise<void> {
    await this.open(CHALLENGE, extra);
    await expect(this.panel).toBeVisible();
    await this.waitForRun();
  }
  get panel(): Locator {
    return this.page.getByTestId('challenge');
  }
  get verdict(): Locator {
    return this.page.getByTestId('verdict');
  }
  findings(kind: string): Locator {
    return this.panel.locator(`.findings li[data-kind="${kind}"]`);
  }
  /** As DeckPage's, but focusing the editor: its middle can sit under the slide's words. */
  override async replaceSource(text: string): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }
  async check(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Check my server' }).click();
    await expect(this.verdict).toBeVisible({ timeout: 90_000 });
  }
}

test('the starter fails with the rules it breaks, and a finding seeks the lab to its step', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const c = new EchoChallenge(page);
  await c.openChallenge();
  await c.check();
  await expect(c.verdict).toContainText('Not yet: 4 of 4 seeds broke an invariant');
  await expect(c.panel.locator('.seed-result[data-outcome="failed"]')).toHaveCount(4);
  const over = c.findings('over-limit').first();
  await expect(over).toContainText(
    'your server had accepted the connections of clients 1, 2 and 6 and closed none of them, 3 open at once with a limit of 2',
  );
  await expect(c.findings('no-shutdown').first()).toContainText('serve was still running 100ms after');
  await expect(c.findings('left-open').first()).toBeVisible();
  await expect(page.getByTestId('explored')).toHaveAttribute('data-outcome', 'failed');
  await c.verdict.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('day7-starter-findings.png') });

  const link = over.getByRole('link', { name: /Show step \d+/ });
  const step = Number(/Show step (\d+)/.exec((await link.textContent()) ?? '')?.[1]);
  expect(step).toBeGreaterThan(1);
  await link.click();
  await expect(page).toHaveURL(/check=1/);
  await expect(page).toHaveURL(new RegExp(`step=${step}(&|$)`));
  await expect(page.getByTestId('step-position')).toHaveText(String(step), { timeout: 30_000 });
  // The lab replays the checker's program: its clients' lines are on the console at that step.
  await expect(c.consoleText).toContainText('check: client 6 got 1');
  await expect(page.getByRole('status').filter({ hasText: "the checker's clients in place of main" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('day7-finding-step.png'), fullPage: true });
  expect(c.problems).toEqual([]);
});

test('the reference solution passes every seed and the schedule search', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const c = new EchoChallenge(page);
  await c.openChallenge();
  await c.replaceSource(solution);
  await c.check();
  await expect(c.verdict).toContainText('Passed on all 4 seeds');
  await expect(c.panel.locator('.seed-result[data-outcome="passed"]')).toHaveCount(4);
  await expect(c.panel.locator('.seed-result').first()).toContainText('limit 2, 7 clients');
  await expect(page.getByTestId('explored')).toHaveAttribute('data-outcome', 'passed');
  await expect(page.getByTestId('explored')).toContainText('Explored 30 schedules of seed 1');
  await c.verdict.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('day7-solution-passes.png') });
  expect(c.problems).toEqual([]);
});

for (const view of [
  { name: 'projector 1280x720', width: 1280, height: 720, extra: '&theme=projector' },
  { name: 'light 1440x900', width: 1440, height: 900, extra: '' },
]) {
  test(`the challenge slide, ${view.name}: in view, no sideways scroll, no serious axe violation`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: view.width, height: view.height });
    const c = new EchoChallenge(page);
    await c.openChallenge(view.extra);
    await c.expectNoSidewaysScroll();
    await expect(c.panel.getByRole('button', { name: 'Check my server' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`day7-challenge-${view.width}.png`) });
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    expect(c.problems).toEqual([]);
  });
}

test('the course index lists the Day 7 lesson beside Day 6', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const deck = new DeckPage(page);
  await deck.open(1);
  await deck.press('o');
  const index = page.getByTestId('course-index');
  await expect(index.getByRole('link', { name: /Day 6: Tasks, JoinSet/ })).toHaveAttribute('aria-current', 'page');
  await index.getByRole('link', { name: 'Day 7: Preview: a TCP echo server with a connection limit' }).click();
  await expect(page).toHaveURL(new RegExp(`lesson=${LESSON}`));
  await expect(page.locator('#slide-title')).toHaveText('An echo loop on one connection');
});
