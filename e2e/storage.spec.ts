/**
 * Nothing the learner wrote is lost (issue 14): each way of losing work found in the issue, now
 * keeping the work — a share link opening over the learner's program, a saved record that cannot
 * be read, and a browser that refuses to save.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeckPage } from './pages/deck-page.ts';
import { shareHashOf } from './fixtures/share-links.ts';
import { LabPage } from './pages/lab-page.ts';

const SHARED = readFileSync(join(process.cwd(), 'tests/fixtures/examples/01_spawn_await.rs'), 'utf8');
const MINE = [
  '#[tokio::main(flavor = "current_thread", start_paused = true)]',
  'async fn main() {',
  '    println!("my own program");',
  '}',
].join('\n');

test('a share link opens as its own draft beside the learner’s program; switching loses neither', async ({
  page,
  baseURL,
}) => {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(MINE);
  // A fresh load, as when the link is opened from a message (not a same-page hash change).
  await page.goto('about:blank');
  await lab.open(await shareHashOf(SHARED));
  await expect(lab.editor).toContainText('tokio::spawn');
  const menu = page.getByRole('combobox', { name: 'Draft' });
  await expect(menu.locator('option')).toHaveText(['My program', 'Shared program 1']);
  await menu.selectOption({ label: 'My program' });
  await expect(lab.editor).toContainText('my own program');
  await lab.waitForRun();
  await lab.replaceSource(`${MINE}\n// edited after switching back`);
  await page.reload();
  await lab.waitForRun();
  await expect(menu.locator('option')).toHaveText(['My program', 'Shared program 1']);
  await menu.selectOption({ label: 'My program' });
  await expect(lab.editor).toContainText('edited after switching back');
  await menu.selectOption({ label: 'Shared program 1' });
  await expect(lab.editor).toContainText('tokio::spawn');
  expect(lab.problems).toEqual([]);
});

test('an unreadable draft record is set aside, survives new typing, and can be recovered or downloaded', async ({
  page,
  baseURL,
}, testInfo) => {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  const damaged = `{"v":2,"active":"own","drafts":[{"id":"own","source":${JSON.stringify(MINE)},"vers`;
  await page.evaluate((text) => localStorage.setItem('task-lab:drafts', text), damaged);
  await page.reload();
  await lab.waitForRun();
  const notice = page.getByTestId('storage-set-aside');
  await expect(notice).toContainText('could not be read');
  await expect(notice).toContainText('your lab programs');
  // Typing at once no longer eats it: the copy is kept under its own key.
  await lab.replaceSource('fn main() {}\n');
  await page.reload();
  await lab.waitForRun();
  await expect(notice).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('set-aside-notice.png') });
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(damaged);
  await notice.getByRole('button', { name: 'Recover' }).click();
  await expect(lab.editor).toContainText('my own program');
  await expect(page.getByRole('combobox', { name: 'Draft' })).toHaveValue('recovered-1');
  await expect(notice).toContainText('Recovered into “Recovered 1”');
  expect(lab.problems).toEqual([]);
});

test('unreadable lesson progress is set aside and the deck says so', async ({ page }) => {
  const deck = new DeckPage(page);
  await deck.open(2);
  const future = JSON.stringify({ version: 9, lessons: { day06: { code: { s: 'fn main() { /* mine */ }' } } } });
  await page.evaluate((text) => localStorage.setItem('task-lab:progress', text), future);
  await page.reload();
  const notice = page.getByTestId('storage-set-aside');
  await expect(notice).toContainText('your lesson progress');
  await deck.press('ArrowRight');
  await deck.expectSlide(3);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('task-lab:set-aside:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([future]);
});

test('a refused write (storage full) shows a visible warning and offers the work as a download', async ({
  page,
  baseURL,
}) => {
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await lab.replaceSource(MINE);
  const warning = page.getByTestId('storage-write-failure');
  await expect(warning).toContainText('not being saved');
  await expect(warning).toContainText('storage is full');
  const download = page.waitForEvent('download');
  await warning.getByRole('button', { name: 'Download' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(MINE);
});
