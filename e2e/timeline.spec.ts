/**
 * The timeline (issue 11): its axis is simulated time with the scheduler's steps as ticks, and
 * the lane names are never cut — a long task name (here a `Builder::name`) gets the room it needs or wraps whole.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page.ts';

const PROGRAM = [
  '#[tokio::main(flavor = "current_thread", start_paused = true)]',
  'async fn main() {',
  '    let a = tokio::task::Builder::new()',
  '        .name("fetch_user_profile_with_retries_and_backoff")',
  '        .spawn(fetch_user_profile_with_retries_and_backoff())',
  '        .unwrap();',
  '    let b = tokio::spawn(tick());',
  '    a.await.unwrap();',
  '    b.await.unwrap();',
  '    println!("done");',
  '}',
  '',
  'async fn fetch_user_profile_with_retries_and_backoff() {',
  '    tokio::time::sleep(std::time::Duration::from_millis(30)).await;',
  '}',
  '',
  'async fn tick() {',
  '    tokio::time::sleep(std::time::Duration::from_millis(10)).await;',
  '}',
].join('\n');

for (const [w, h] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`timeline at ${w}×${h}: time axis, step ticks, whole lane names`, async ({ page, baseURL }, testInfo) => {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const lab = new LabPage(page, baseURL);
    await lab.open();
    await lab.replaceSource(PROGRAM);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(lab.runStatus).toHaveAttribute('data-phase', 'ended');
    await lab.endButton.click();
    const timeline = page.locator('[data-view="timeline"]');
    await timeline.scrollIntoViewIfNeeded();
    const svg = timeline.locator('svg');
    await expect(svg.locator('text.tl-tlane-label')).toHaveCount(3);

    // The axis: time labels in ms at the clock's readings, a caption, a tick per step.
    const times = await svg.locator('g.tl-tick text').allTextContents();
    expect(times.filter((t) => t !== '')).toEqual(expect.arrayContaining(['t=0 ms', 't=10 ms', 't=30 ms']));
    await expect(svg.locator('text.tl-axis-title')).toContainText('virtual time');
    const stepTicks = await svg.locator('path.tl-steps').getAttribute('d');
    expect((stepTicks ?? '').match(/v/g)?.length ?? 0).toBeGreaterThan(5);

    // Every lane name is whole and ends left of the plot.
    const labelWidth = Number(await svg.getAttribute('data-label-width'));
    const labels = await svg.locator('text.tl-tlane-label').evaluateAll((els) =>
      els.map((el) => {
        const t = el as SVGTextElement;
        const box = t.getBBox();
        return { full: t.dataset.label ?? '', shown: t.textContent ?? '', right: box.x + box.width };
      }),
    );
    expect(labels.map((l) => l.full)).toContain('#1 fetch_user_profile_with_retries_and_backoff');
    for (const l of labels) {
      expect(l.shown.replace(/\s/g, '')).toBe(l.full.replace(/\s/g, ''));
      expect(l.shown).not.toContain('…');
      expect(l.right).toBeLessThanOrEqual(labelWidth);
    }
    // The whole name is the lane's tooltip too, and the view never scrolls sideways.
    await expect(
      svg.locator('g.tl-tlane title', { hasText: 'fetch_user_profile_with_retries_and_backoff' }),
    ).toHaveCount(1);
    const fits = await timeline.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    await timeline.screenshot({ path: testInfo.outputPath(`timeline-${w}.png`) });
    expect(lab.problems).toEqual([]);
  });
}
