/**
 * The words column on a projector (issue 11): at 1280×720 and 1920×1080 in the projector theme
 * the source pane keeps at least 8 lines of code in view however long the slide's prose, and
 * prose that does not fit scrolls inside its own region with an on-screen "more" mark: never cut
 * off silently.
 */
import { expect, test } from '@playwright/test';
import { LESSON } from './pages/deck-page.ts';

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`projector ${width}×${height}: 8 lines of code, and prose that scrolls says so`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    // Slide 8 (abort): a long paragraph above a long program.
    await page.goto(`/?lesson=${LESSON}&slide=8&theme=projector&step=3`);
    await page.locator('.slide .cm-content').waitFor();
    const m = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.slide .cm-scroller');
      const view = scroller?.getBoundingClientRect();
      // Lines of code wholly in the pane's view.
      const lines = Array.from(document.querySelectorAll('.slide .cm-line')).filter((l) => {
        const r = l.getBoundingClientRect();
        return view !== undefined && r.height > 0 && r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5;
      }).length;
      const words = document.querySelector<HTMLElement>('.slide-scroll');
      const more = document.querySelector<HTMLElement>('.slide-more');
      const r = more?.getBoundingClientRect();
      const w = words?.getBoundingClientRect();
      return {
        codeLines: lines,
        wordsOverflow: (words?.scrollHeight ?? 0) - (words?.clientHeight ?? 0),
        mark: words?.dataset.more,
        markVisible: r !== undefined && w !== undefined && r.height > 0 && r.bottom <= w.bottom + 1 && r.top >= w.top,
      };
    });
    expect(m.codeLines).toBeGreaterThanOrEqual(8);
    // This slide's prose is longer than its region at 720p: the region scrolls and says so.
    if (height === 720) expect(m.wordsOverflow).toBeGreaterThan(0);
    if (m.wordsOverflow > 0) {
      expect(m.mark).toBe('below');
      expect(m.markVisible).toBe(true);
      // Scrolled to its end, the mark goes: nothing more is hidden. (Scrolled again while it shows,
      // as a reader would: hiding the mark moves the region's end.)
      await expect
        .poll(async () => {
          await page.locator('.slide-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
          return page.locator('.slide-more').count();
        })
        .toBe(0);
    } else {
      await expect(page.locator('.slide-more')).toHaveCount(0);
    }
  });
}

test('projector 1280×720: at a cue pause the cue is wholly in view, the code giving up lines for it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/?lesson=${LESSON}&slide=14&theme=projector`);
  await page
    .getByTestId('run-status')
    .and(page.locator('[data-phase="ended"]'))
    .waitFor({ state: 'attached', timeout: 15_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  const cue = page.getByTestId('cue-say');
  await cue.waitFor({ timeout: 10_000 });
  const fit = await cue.evaluate((el) => {
    const slide = el.closest('.slide')?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return slide !== undefined && r.top >= slide.top - 0.5 && r.bottom <= slide.bottom + 0.5;
  });
  expect(fit).toBe(true);
});
