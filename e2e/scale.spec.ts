/**
 * The lab at scale (issue 14): with hundreds of live tasks the views draw a window of them (and
 * "+N"), the editor aggregates its task markers per line, and any task can still be reached by
 * its id — it is then drawn on the board and opened in the inspector.
 */
import { expect, test } from '@playwright/test';
import { joinSetProgram, spawnAndJoinProgram } from './fixtures/lab-programs.ts';
import { LabPage } from './pages/lab-page.ts';

test('a task not drawn among hundreds is found by its id, drawn on the board and inspected', async ({
  page,
  baseURL,
}, testInfo) => {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(spawnAndJoinProgram(400));
  await page.getByRole('button', { name: /Run$/ }).click();
  await lab.waitForRun();
  const steps = Number(await page.getByTestId('step-count').textContent());
  // Every task spawned and suspended on its sleep.
  await lab.seekBar.fill(String(Math.floor(steps * 0.3)));
  const board = page.locator('[data-view="board"]');
  await expect(board.locator('[data-task]').first()).toBeVisible();
  const drawn = await board.locator('[data-task]').count();
  expect(drawn).toBeLessThan(400);
  // The editor marks the crowded line once, with a count, not 400 times.
  expect(await page.locator('.cm-task-marker').count()).toBeLessThan(20);
  await expect(page.locator('.cm-task-more').first()).toHaveText(/^\+\d{3}$/);
  const hiddenId = await board.evaluate((el) => {
    const shown = new Set([...el.querySelectorAll('[data-task]')].map((t) => Number(t.getAttribute('data-task'))));
    for (let id = 1; id <= 400; id++) if (!shown.has(id)) return id;
    return -1;
  });
  expect(hiddenId).toBeGreaterThan(0);
  const find = page.getByRole('search', { name: 'Find a task' });
  await find.getByRole('textbox', { name: 'Task id' }).fill(String(hiddenId));
  await find.getByRole('button', { name: 'Show' }).click();
  await expect(board.locator(`[data-task="${hiddenId}"]`)).toBeVisible();
  await expect(page.locator('[data-view="inspector"]')).toContainText(`Task ${hiddenId} ·`);
  await page.screenshot({ path: testInfo.outputPath('found-task.png') });
  // An id with no task says so.
  await find.getByRole('textbox', { name: 'Task id' }).fill('4000');
  await find.getByRole('button', { name: 'Show' }).click();
  await expect(find.getByRole('status')).toHaveText(/No task 4000 at this step \(400 spawned so far\)/);
  expect(lab.problems).toEqual([]);
});

test('a JoinSet of hundreds lists only the rows in view, yet the keys reach every member and the list says its size', async ({
  page,
  baseURL,
}, testInfo) => {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(joinSetProgram(300));
  await page.getByRole('button', { name: /Run$/ }).click();
  await lab.waitForRun();
  const steps = Number(await page.getByTestId('step-count').textContent());
  await lab.seekBar.fill(String(Math.floor(steps * 0.3)));
  const relations = page.locator('[data-region="relations"]');
  // Views under the fold catch up when scrolled to.
  await relations.scrollIntoViewIfNeeded();
  const list = relations.locator('.tl-joinset .tl-chips-box.is-windowed > ul');
  await expect(list).toHaveAttribute('aria-label', /^300 tasks in JoinSet/);
  const rows = list.locator('li');
  expect(await rows.count()).toBeLessThan(30);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '300');
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');
  await rows.first().locator('[data-task]').focus();
  await page.keyboard.press('End');
  const focused = page.locator(':focus');
  await expect(focused.locator('xpath=..')).toHaveAttribute('aria-posinset', '300');
  const lastTask = await focused.getAttribute('data-task');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus').locator('xpath=..')).toHaveAttribute('aria-posinset', '299');
  expect(await rows.count()).toBeLessThan(30);
  // Enter selects the member the keys reached.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-view="inspector"]')).toContainText(`Task ${lastTask} ·`);
  await relations.screenshot({ path: testInfo.outputPath('joinset-window.png') });
  expect(lab.problems).toEqual([]);
});
