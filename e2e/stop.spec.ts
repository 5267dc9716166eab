/**
 * Stop (issue 14 part 3): while the worker is still computing a run, a Stop button sits beside Play,
 * wholly inside the window at every size down to 640×360, also with 10,000 live tasks. Pressing
 * it ends the run where it got to: the status says so and what ran can still be played.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

/** 10,000 tasks that tick forever: the run goes on until Stop (or the lab's event limit). */
const FOREVER = [
  'use tokio::time::{sleep, Duration};',
  '',
  '#[tokio::main(flavor = "current_thread", start_paused = true)]',
  'async fn main() {',
  '    for i in 0..10_000u64 {',
  '        tokio::spawn(async move {',
  '            loop {',
  '                sleep(Duration::from_millis(1 + i % 50)).await;',
  '            }',
  '        });',
  '    }',
  '    loop {',
  '        sleep(Duration::from_millis(100)).await;',
  '    }',
  '}',
].join('\n');

async function expectInWindow(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  expect(box).not.toBeNull();
  expect(size).not.toBeNull();
  if (box === null || size === null) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height + 0.5);
  // nothing is drawn over it: the point at its centre is the button (or its glyph)
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label') ?? null,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(hit).toBe('Stop the run');
}

for (const [width, height] of [
  [640, 360],
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`Stop is in view while 10,000 tasks run, and ends the run (${width}×${height})`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    const stop = page.getByRole('button', { name: 'Stop the run' });
    await expect(stop).toHaveCount(0);
    await lab.replaceSource(FOREVER);
    await lab.runButton.click();
    await expect(lab.runStatus).toHaveAttribute('data-phase', 'running');
    await expect(stop).toBeVisible();
    await expectInWindow(page, stop);
    await page.screenshot({ path: `test-results/stop-${width}x${height}.png` });
    // force: Playwright's "stable" check waits for two quiet animation frames, and frames are slow
    // while 10,000 tasks stream in (part 3's open work); the click itself is a real one at the button
    await stop.click({ force: true });
    await expect(lab.runStatus).toHaveText(/stopped by you/);
    await expect(stop).toHaveCount(0);
    // what ran stays playable
    expect(await lab.stepCount()).toBeGreaterThan(0);
    await expect(lab.stepButton).toBeEnabled();
  });
}
