/**
 * Issue 11 §5: tasks carry the names a person would use (board, scheduler, narration, inspector), and the
 * inspector shows a suspended task's saved locals at its `.await`, frame by frame.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

const PROGRAM = [
  'use tokio::time::{sleep, Duration};',
  '',
  'async fn fetch(id: u64) -> u64 {',
  '    let label = format!("page-{}", id);',
  '    let parts = vec![id, id * 10];',
  '    sleep(Duration::from_millis(10 * id)).await;',
  '    println!("{} {:?}", label, parts);',
  '    id',
  '}',
  '',
  '#[tokio::main(flavor = "current_thread", start_paused = true)]',
  'async fn main() {',
  '    let worker_a = tokio::spawn(fetch(1));',
  '    let b = tokio::spawn(async move { let twice = fetch(2).await * 2; twice });',
  '    tokio::spawn(async move { fetch(3).await });',
  '    sleep(Duration::from_millis(5)).await;',
  '    println!("{} {}", worker_a.await.unwrap(), b.await.unwrap());',
  '}',
].join('\n');

test('named tasks on the board and in the narration; a suspended task shows its saved locals', async ({
  page,
  baseURL,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(PROGRAM);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(lab.runStatus).toHaveAttribute('data-phase', 'ended', { timeout: 15_000 });

  // Steps: runtime built, main polled (spawns 1, 2, 3), then each task polled once.
  await lab.stepButton.click();
  await lab.stepButton.click();
  await lab.expectStep(2);
  await expect(lab.narration).toContainText('spawns worker_a (task 1), b (task 2) and fetch (task 3)');
  const board = page.locator('[data-view="board"]');
  await expect(board.locator('[data-task="1"]')).toContainText('worker_a');
  await expect(board.locator('[data-task="3"]')).toContainText('fetch');
  // The scheduler strip names the queued tasks too, a long name cut, the whole one in the tooltip.
  const scheduler = page.locator('[data-view="scheduler"]');
  await expect(scheduler.locator('[data-task="3"] text')).toHaveText('● 3 fetch');
  await expect(scheduler.locator('[data-task="1"] text')).toHaveText('● 1 worke…');
  await expect(scheduler.locator('[data-task="1"] title')).toHaveText(/^task 1 worker_a, notified/);

  // Before its first poll the future holds only what it captured.
  await board.locator('[data-task="2"]').click();
  const locals = page.getByTestId('saved-locals');
  await expect(locals).toHaveAttribute('data-kind', 'note');
  await expect(locals).toContainText('Unresumed');

  await lab.stepButton.click();
  await lab.stepButton.click();
  await lab.expectStep(4);
  await expect(lab.narration).toContainText('polls b (task 2)');
  await expect(page.getByRole('region', { name: 'Task inspector' })).toContainText('Task 2 “b”');
  await expect(locals).toHaveAttribute('data-kind', 'frames');
  const frames = locals.locator('.tl-locals-frame');
  await expect(frames).toHaveCount(2);
  // Innermost first: the async fn at its sleep, then the async block awaiting it.
  await expect(frames.nth(0)).toHaveAttribute('data-state', 'fetch::Suspend0 at line 6');
  await expect(frames.nth(0).locator('[data-local]')).toHaveText(['id = 2', 'label = "page-2"', 'parts = [2, 20]']);
  await expect(frames.nth(1)).toHaveAttribute('data-state', 'async block@14::Suspend0 at line 14');
  // `twice` is bound after the `.await`: the block holds no named local yet.
  await expect(frames.nth(1).locator('li')).toHaveText(['holds no named locals']);
  await lab.screenshot(testInfo.outputPath('saved-locals-1440.png'));

  // Going back in time shows what it held then; at the end the future is gone.
  await lab.seekTo(2);
  await expect(locals).toContainText('Unresumed');
  await lab.endButton.click();
  await expect(locals).toContainText('finished');
  expect(lab.problems).toEqual([]);
});
