/**
 * Share links in the browser (issue 7): a moment packed in the URL fragment opens at that moment;
 * a damaged or oversized one says so and shows the default lesson instead of a blank page.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeShare } from '../src/store/share/index.ts';
import type { SharedMoment } from '../src/store/share/index.ts';

const SOURCE = readFileSync(join(process.cwd(), 'tests/fixtures/examples/01_spawn_await.rs'), 'utf8');
const MOMENT: SharedMoment = {
  program: { source: SOURCE, origin: { kind: 'scratch' } },
  config: { flavor: 'current_thread', workers: 1, seed: 3 },
  step: 7,
  views: ['board', 'console'],
  task: undefined,
};

async function shareValue(): Promise<string> {
  const e = await encodeShare(MOMENT);
  if (e.kind !== 'ok') throw new Error(e.message);
  return e.value;
}

test('a share link opens its program at its step', async ({ page }, testInfo) => {
  const value = await shareValue();
  await page.setViewportSize({ width: 640, height: 360 });
  await page.goto(`/?embed=1#share=${value}`);
  await expect(page.getByTestId('embed')).toContainText('Shared program');
  await expect(page.getByTestId('embed-step')).toHaveText(/^7\/\d+$/, { timeout: 15_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The program travelled in the fragment only: the server saw no part of it.
  expect(new URL(page.url()).search).toBe('?embed=1');
  // The board fits a 640×360 frame: its lanes share the height, nothing scrolls inside.
  await expect(page.locator('.embed-stage [data-lane="finished"]')).toBeVisible();
  const main = page.locator('.embed-main');
  expect(await main.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('shared-moment-640x360.png') });
});

test('a damaged share link says so and shows the default lesson', async ({ page }, testInfo) => {
  const value = await shareValue();
  const damaged = value.slice(0, Math.floor(value.length * 0.6));
  await page.goto(`/?embed=1#share=${damaged}`);
  await expect(page.getByRole('alert')).toContainText('damaged');
  await expect(page.getByRole('alert')).toContainText('default lesson');
  await expect(page.getByTestId('embed')).toContainText('Tasks, JoinSet');
  await expect(page.getByTestId('embed-step')).toHaveText(/^0\/[1-9]\d*$/, { timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('damaged-link.png') });
});

test('an oversized share link is refused before it is decoded', async ({ page }) => {
  await page.goto(`/?embed=1#share=v1.${'A'.repeat(60_000)}`);
  await expect(page.getByRole('alert')).toContainText('too long');
  await expect(page.getByTestId('embed')).toContainText('Tasks, JoinSet');
});

test('the lab’s Share button makes a link that reopens the same moment', async ({ page, context }) => {
  await page.goto(`/?mode=lab#share=${await shareValue()}`);
  // The shared program (01_spawn_await), not the lab's default, is what the lab opened.
  await expect(page.getByTestId('console')).toContainText('[0ms] main: start', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).hash).toMatch(/^#share=v1\./);
  const again = await context.newPage();
  await again.goto(link);
  await expect(again.getByText('[0ms] main: start').first()).toBeVisible({ timeout: 15_000 });
});

test('a damaged share link opens the lab on its default program with a notice', async ({ page }) => {
  const value = await shareValue();
  await page.goto(`/?mode=lab#share=${value.slice(0, Math.floor(value.length * 0.6))}`);
  await expect(page.getByRole('alert')).toContainText('damaged');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'ended', { timeout: 15_000 });
  await expect(page.locator('.cm-content')).toContainText('JoinSet');
});
