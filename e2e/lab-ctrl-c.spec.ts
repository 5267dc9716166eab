/**
 * The lab's Ctrl-C button (issue 17) on the Day 6 hierarchy program: pressed mid-run, it replays
 * the run with the press and plays on from the same step, and the cascade follows (the token is
 * cancelled, the connections see it, set.shutdown() drains, the server stops). Pressed before
 * the program listens for Ctrl-C, it kills the process: exit code 130, as the CLI reports it.
 * The scheduler view's I/O driver area shows the sockets.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

const HIERARCHY = readFileSync(
  new URL('../lessons/day06-tasks-joinset-cancellation/25-hierarchy-pattern.rs', import.meta.url),
  'utf8',
);

async function openHierarchy(page: Page, baseURL: string | undefined): Promise<LabPage> {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(HIERARCHY);
  await lab.runButton.click();
  await lab.waitForRun();
  await expect(lab.runStatus).toHaveAttribute('data-phase', 'ended');
  return lab;
}

/** Seeks step by step from the start until the console shows `text`; returns that step. */
async function seekUntil(lab: LabPage, text: string): Promise<number> {
  const last = await lab.stepCount();
  for (let n = 1; n <= last; n++) {
    await lab.seekTo(n);
    await lab.expectStep(n);
    if ((await lab.consoleText()).includes(text)) return n;
  }
  throw new Error(`the console never showed ${text}`);
}

async function axeFindings(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`);
}

test('Ctrl-C mid-run: the token cancels, the connections drain and the server stops cleanly', async ({
  page,
  baseURL,
}, testInfo) => {
  // a long walk (about 25 s on an idle machine): the guard is for a hang, not a speed
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = await openHierarchy(page, baseURL);
  // without a press the run shuts down on its 50 ms timer
  await lab.endButton.click();
  await expect(lab.console).toContainText('main: shutdown requested');

  // mid-run: conn 1 has finished, the server waits for the next connection or the token
  const at = await seekUntil(lab, 'server: conn 1 finished');
  await expect(lab.console).not.toContainText('shutdown requested');
  const scheduler = page.locator('[data-view="scheduler"]');
  const listener = scheduler.locator('[data-box^="sock-"][aria-label^="listener :"]');
  await expect(listener).toHaveCount(1);
  await expect(scheduler.locator('[data-box="row-io"]')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('lab-io-1280.png') });

  const button = page.getByTestId('ctrl-c');
  await expect(button).toBeEnabled();
  await button.click();
  // the replay lands on the same step and plays on to the end of the run
  await expect(lab.runStatus).toHaveAttribute('data-state', 'complete', { timeout: 20_000 });
  expect(await lab.step()).toBeGreaterThan(at);
  await expect(button).toContainText('×1');
  // the seek bar marks the step the press arrived at
  await expect(page.getByTestId('ctrl-c-mark')).toHaveAttribute('title', `Ctrl-C arrived at step ${at + 1}`);
  const out = await lab.consoleText();
  const order = [
    'server: conn 1 finished',
    'main: Ctrl-C, shutdown requested',
    'conn 2: cancelled',
    'conn 3: cancelled',
    'server: draining 2 connection tasks',
    'server: every connection task is gone',
    'main: server stopped cleanly',
  ].map((line) => out.indexOf(line));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(out).not.toContain('main: shutdown requested');

  // the step where the press was delivered says so
  await lab.seekTo(at + 1);
  await expect(lab.narration).toContainText('Ctrl-C arrives');
  // so does the timeline, with a line through the lanes at that step
  const timeline = page.locator('[data-view="timeline"]');
  await timeline.scrollIntoViewIfNeeded();
  const mark = timeline.getByTestId('timeline-ctrl-c-mark');
  await expect(mark).toHaveCount(1);
  await expect(mark).toContainText('^C');
  await timeline.screenshot({ path: testInfo.outputPath('timeline-ctrl-c-1280.png') });
  // and keeps it as the run goes on
  await lab.seekTo(at + 8);
  await expect(mark).toHaveCount(1);
  await timeline.screenshot({ path: testInfo.outputPath('timeline-ctrl-c-later-1280.png') });
  await lab.seekTo(at + 1);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('lab-io-ctrl-c-1920.png') });

  expect(await axeFindings(page, '.playback-bar')).toEqual([]);
  expect(await axeFindings(page, '[data-view="scheduler"]')).toEqual([]);
  expect(lab.problems).toEqual([]);
});

test('Ctrl-C before the program listens for it kills the process: exit code 130', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = await openHierarchy(page, baseURL);
  await lab.seekTo(2);
  await lab.expectStep(2);
  await page.keyboard.press('i');
  await expect(lab.runStatus).toHaveAttribute('data-state', 'stopped', { timeout: 20_000 });
  await expect(lab.runStatus).toContainText('killed by Ctrl-C: exit code 130');
  await expect(lab.console).not.toContainText('server: accepted conn 3');
  await expect(lab.narration).toContainText('exit status 130');
  expect(lab.problems).toEqual([]);
});
