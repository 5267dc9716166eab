/**
 * Accessibility (issue 11): axe-core, run in the page, finds no serious or critical violation on
 * the landing page, a slide (light and projector), the lab and the embed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LESSON } from './pages/deck-page.ts';

/** `scrolls`: the page scrolls by design (the lab's extra panels sit below the fold). */
const PAGES: readonly { name: string; url: string; ready: string; scrolls?: boolean }[] = [
  { name: 'the landing page', url: '/', ready: '[data-view="board"] svg' },
  { name: 'a slide', url: `/?lesson=${LESSON}&slide=8&step=6`, ready: '[data-view="board"] svg' },
  { name: 'a slide, projector', url: `/?lesson=${LESSON}&slide=14&theme=projector`, ready: '[data-view="board"] svg' },
  { name: 'a quiz slide', url: `/?lesson=${LESSON}&slide=2`, ready: '[data-testid="quiz-0"]' },
  { name: 'the lab', url: '/?mode=lab', ready: '[data-view="board"] svg', scrolls: true },
  { name: 'the embed', url: `/?embed=1&lesson=${LESSON}&slide=8&step=6`, ready: '[data-view="board"] svg' },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const p of PAGES) {
  test(`axe finds no serious or critical violation on ${p.name}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(p.url);
    await page.locator(p.ready).first().waitFor();
    // Judge the settled page: a slide opened at a step once overflowed for a moment in CI, and axe
    // reported the page itself as a scrollable region. The stage contract (stage.spec.ts) is that
    // the settled page never scrolls at this size; a page that never settles fails here.
    if (p.scrolls !== true)
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const clipped = [document.documentElement, document.body].some(
                (el) => getComputedStyle(el).overflowY === 'hidden',
              );
              return clipped ? 0 : document.documentElement.scrollHeight - window.innerHeight;
            }),
          { timeout: 10_000 },
        )
        .toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
