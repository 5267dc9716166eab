import { expect, test } from '@playwright/test';

test('the built app loads with no console error and no failed request', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Task Lab' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('app-shell.png'), fullPage: true });
  expect(problems).toEqual([]);
});
