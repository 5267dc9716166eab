/**
 * The scheduler strip fits (issue 11): on the multi_thread slide (two workers) at 1920×1080 and
 * 1280×720 in the projector theme, and in the lab at 1440×900, block_on's row, every worker row,
 * the inject queue and the timers row lie wholly inside the strip and the viewport, and the strip
 * does not scroll: its picture shrinks to the room it has instead of clipping.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LESSON, slideNumber } from './pages/deck-page.ts';

const ROWS = ['row-main', 'row-w0', 'row-w1', 'row-inject', 'row-timers'];

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

async function expectRowsFit(page: Page, where: string): Promise<void> {
  const strip = page.locator('.stage [data-region="scheduler"]');
  await expect(strip.locator('[data-box="row-w1"]')).toBeAttached();
  // Let the strip settle (its picture re-lays out after the size watcher reports).
  await page.waitForTimeout(300);
  const m = await strip.evaluate((region, keys) => {
    const box = (el: Element): Rect => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const host = region.querySelector<HTMLElement>('[data-view="scheduler"]');
    const rows: Record<string, Rect | null> = {};
    for (const k of keys) {
      const el = region.querySelector(`[data-box="${k}"]`);
      rows[k] = el === null ? null : box(el);
    }
    const tasks = Array.from(region.querySelectorAll('[data-task]')).map(box);
    return {
      region: box(region),
      overflow: Math.max(
        region.scrollHeight - region.clientHeight,
        (host?.scrollHeight ?? 0) - (host?.clientHeight ?? 0),
        region.scrollWidth - region.clientWidth,
      ),
      rows,
      tasks,
      viewport: { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight },
    };
  }, ROWS);
  const within = (r: Rect, outer: Rect): boolean =>
    r.left >= outer.left - 0.5 &&
    r.top >= outer.top - 0.5 &&
    r.right <= outer.right + 0.5 &&
    r.bottom <= outer.bottom + 0.5;
  expect(m.overflow, `${where}: the strip scrolls`).toBeLessThanOrEqual(1);
  for (const k of ROWS) {
    const r = m.rows[k];
    expect(r, `${where}: ${k} drawn`).not.toBeNull();
    if (r === null) continue;
    expect(within(r, m.region), `${where}: ${k} inside the strip`).toBe(true);
    expect(within(r, m.viewport), `${where}: ${k} on screen`).toBe(true);
    // Shrunk to fit, but still a row a person can read (the rows are 62 units of 18 px type).
    if (k !== 'row-main') expect(r.bottom - r.top, `${where}: ${k} height`).toBeGreaterThanOrEqual(34);
  }
  expect(m.tasks.length, `${where}: tasks in the strip`).toBeGreaterThan(0);
  for (const t of m.tasks) expect(within(t, m.region), `${where}: a task chip inside the strip`).toBe(true);
}

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  test(`projector ${width}×${height}: every worker, the inject queue and the timers fit the scheduler strip`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`/?lesson=${LESSON}&slide=${slideNumber('multi-thread')}&theme=projector&step=9`);
    await expect(page.getByTestId('deck')).toHaveClass(/theme-projector/);
    await expectRowsFit(page, `${width}×${height} projector`);
  });
}

test('lab at 1440×900 on multi_thread: every worker, the inject queue and the timers fit', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/?lesson=${LESSON}&slide=${slideNumber('multi-thread')}`);
  // The link carries the program once the slide's program is encoded (until then it is the bare lab).
  const link = page.getByTestId('open-in-lab');
  await expect(link).not.toHaveAttribute('href', /mode=lab$/, { timeout: 15_000 });
  const href = await link.getAttribute('href');
  await page.goto(href ?? '/?mode=lab');
  await page.getByTestId('step-position').waitFor();
  await expect(page.locator('[data-view="scheduler"] svg')).toHaveAttribute('data-flavor', 'multi_thread', {
    timeout: 15_000,
  });
  // Step to 9 (a key pressed while the run is still being computed may not count, so re-check).
  const position = page.getByTestId('step-position');
  await expect(async () => {
    if (Number(await position.textContent()) < 9) await page.keyboard.press('.');
    await expect(position).toHaveText('9', { timeout: 200 });
  }).toPass({ timeout: 15_000 });
  await expectRowsFit(page, 'lab 1440×900');
});
