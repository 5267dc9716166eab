import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

test('a future that is never awaited shows as a warning at its place, with what it means for tasks', async ({
  page,
  baseURL,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(
    [
      'async fn work() {',
      '    println!("never printed");',
      '}',
      '',
      '#[tokio::main(flavor = "current_thread", start_paused = true)]',
      'async fn main() {',
      '    work();',
      '    println!("done");',
      '}',
    ].join('\n'),
  );
  await lab.runButton.click();
  // The program still runs: a warning is not an error.
  await expect(lab.runStatus).toHaveAttribute('data-phase', 'ended');
  const message = page.locator('.cm-warning-message');
  await expect(message).toBeVisible();
  await expect(message).toHaveAttribute('role', 'status');
  await expect(message).toContainText('⚠ line 7:5: warning: unused implementer of `Future` that must be used');
  await expect(message).toContainText('futures do nothing unless you `.await` or poll them');
  await expect(message).toContainText('the work inside never runs, and no task is spawned');
  await expect(page.locator('.cm-warning-line')).toContainText('work();');
  await expect(page.locator('.cm-problem-message:not(.cm-warning-message)')).toHaveCount(0);
  await expect(lab.diagnostics).toContainText('line 7:5 warning: unused implementer of `Future`');
  await lab.screenshot(testInfo.outputPath('lab-unused-future-warning-1280.png'));
});
