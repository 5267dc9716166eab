import { expect, test } from '@playwright/test';
import { watchProblems } from './pages/problems.ts';

test('the built app loads with no console error and no failed request', async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Task Lab' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('app-shell.png'), fullPage: true });
  expect(problems).toEqual([]);
});
