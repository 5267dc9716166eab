/**
 * Line breakpoints on any statement (issue 11): a breakpoint on a loop line that never awaits
 * stops playback there on every iteration, `n` goes to the current task's next statement, and a
 * breakpoint on a comment says why the run never stops there. The narration says "Stopped at the
 * breakpoint on line N." while the breakpoint holds playback, and stops saying it once it moves on.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

const PROGRAM = [
  'use tokio::time::{sleep, Duration};',
  '',
  '#[tokio::main(flavor = "current_thread", start_paused = true)]',
  'async fn main() {',
  '    let mut total = 0;',
  '    // add each square, then nap',
  '    for i in 1..=3u64 {',
  '        let square = i * i;',
  '        total += square;',
  '        println!("{} -> {}", i, total);',
  '        sleep(Duration::from_millis(10)).await;',
  '    }',
  '    println!("total {}", total);',
  '}',
].join('\n');

test('a breakpoint on a statement inside a loop stops there each iteration', async ({ page, baseURL }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lab = new LabPage(page, baseURL);
  await lab.open();
  await lab.replaceSource(PROGRAM);
  await lab.runButton.click();
  await lab.waitForRun();
  await expect(lab.runStatus).toHaveAttribute('data-phase', 'ended');
  const editor = page.getByTestId('code-editor');
  const stopNote = page.getByTestId('stop-note');

  // Every line the run executed has a dot, the loop's plain statements included: 5, 7–11 and 13.
  const dots = page.locator('.cm-breakpoint-gutter .cm-stop-line');
  await expect(dots).toHaveCount(7);

  // The comment never runs: its breakpoint is hollow and its title says why.
  await lab.toggleBreakpoint(6);
  const miss = page.locator('.cm-breakpoint-miss');
  await expect(miss).toHaveText('◇');
  await expect(miss).toHaveAttribute('title', /never executes: a comment is not executed/);
  await lab.toggleBreakpoint(6);
  await expect(miss).toHaveCount(0);

  // `total += square;` neither awaits nor starts a poll; playback stops on it all the same.
  await lab.toggleBreakpoint(9);
  await expect(page.locator('.cm-breakpoint-hit')).toHaveCount(1);
  await page.getByLabel('Speed').selectOption('16');
  const printed = ['', '1 -> 1', '2 -> 5'];
  for (const [i, before] of printed.entries()) {
    await lab.playButton.click();
    await expect(lab.playButton).toHaveAccessibleName('Play');
    await expect(editor).toHaveAttribute('data-current-line', '9');
    await expect(page.locator('.cm-run-line')).toContainText('total += square;');
    // the narration says why playback stands here
    await expect(stopNote).toHaveText('Stopped at the breakpoint on line 9.');
    await expect(lab.narration).toContainText('Stopped at the breakpoint on line 9.');
    // the iteration's own line is not printed yet; the earlier ones are
    if (before !== '') await expect(lab.console).toContainText(before);
    await expect(lab.console).not.toContainText(`${i + 1} -> `);
    if (i === 1) await lab.screenshot(testInfo.outputPath('lab-breakpoint-statement-1280.png'));
  }

  // `n`: the next statement of the same task is the println on the next line; it has not run yet.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('n');
  await expect(editor).toHaveAttribute('data-current-line', '10');
  // moving on clears it: `n` is the learner's own step
  await expect(stopNote).toHaveCount(0);
  await expect(lab.console).not.toContainText('3 -> ');
  await page.keyboard.press('n');
  await expect(editor).toHaveAttribute('data-current-line', '11');
  await expect(lab.console).toContainText('3 -> 14');

  await lab.playButton.click();
  await expect(lab.console).toContainText('total 14');
  expect(lab.problems).toEqual([]);
});
