/**
 * Screenshots of the explorer for a person to look at (issue 16), not a test: the explore panel
 * with its groups, a group opened where it parts, and the scheduler's question, at 1440×900 and
 * 1280×720. Run after `npx vite build`, with the preview server up:
 *   npx vite preview --port 4375 & TASK_LAB_PORT=4375 npx tsx e2e/shots/explore-shots.ts [outdir]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { shareValueOf } from '../fixtures/share-value.ts';
import { APP } from '../ports.ts';

const out = process.argv[2] ?? 'test-results/shots';
const SOURCE = readFileSync(join(process.cwd(), 'src/explore/fixtures/select-two-ready.rs'), 'utf8');

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const value = await shareValueOf(SOURCE, 'multi_thread', 2);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(`${APP}/?mode=lab#share=${value}`);
    await page.getByTestId('run-status').waitFor({ state: 'attached' });
    await page.waitForTimeout(1500);
    await page.getByTestId('explore-toggle').click();
    await page.getByTestId('explore-strategy').selectOption('dfs');
    await page.getByTestId('explore-go').click();
    await page.getByTestId('explore-summary').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${out}/explore-panel-${w}x${h}.png` });
    await page.getByTestId('explore-open').nth(1).click();
    await page.getByTestId('parted-choice').waitFor({ timeout: 15_000 });
    await page.getByTestId('explore-toggle').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/explore-opened-${w}x${h}.png` });
    await page.getByRole('button', { name: 'Back to the start' }).click();
    await page.keyboard.press('y');
    await page.getByRole('button', { name: 'To the end' }).click();
    await page.getByTestId('choice-picker').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/scheduler-pick-${w}x${h}.png` });
    await page.close();
  }
  await browser.close();
}

void main();
