/**
 * The stage contract (issue 11): on every slide, at 1280×720, 1440×900 and 1920×1080, in the
 * light and the projector theme, a simulation view (`data-view`) lies wholly inside the viewport
 * and covers at least a third of it, with no page scroll; and the projector's type is legible
 * from the back row (body ≥ 32 px and code ≥ 28 px at 1080p, the same picture scaled at 720p).
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LESSON, slideCount, slideNumber } from './pages/deck-page.ts';

const SIZES = [
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const;

interface Fit {
  readonly view: string;
  readonly share: number;
  readonly inside: boolean;
}

/** The best-covering data-view element that lies wholly in the viewport, and the page's overflow. */
async function measure(page: Page): Promise<{ best: Fit | undefined; scroll: number }> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    let best: { view: string; share: number; inside: boolean } | undefined;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-view]'))) {
      const r = el.getBoundingClientRect();
      const inside = r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
      const share = (r.width * r.height) / (vw * vh);
      if (inside && (best === undefined || share > best.share)) {
        best = { view: el.dataset.view ?? '', share, inside };
      }
    }
    const root = document.scrollingElement ?? document.documentElement;
    return { best, scroll: Math.max(root.scrollHeight - vh, root.scrollWidth - vw) };
  });
}

for (const lesson of [LESSON, 'day07-echo-server-challenge']) {
  test(`every slide of ${lesson}, at three sizes and in both themes, shows a stage wholly on screen covering a third of it`, async ({
    page,
  }, testInfo) => {
    // One page for the whole lesson: a fresh page per slide cost more than the checks. A hang
    // guard, not a timing check: a lesson's slides take 20–60 s on a loaded machine.
    test.setTimeout(240_000);
    const misses: string[] = [];
    let least = 1;
    for (let n = 1; n <= slideCount(lesson); n++) {
      await page.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
      await page.goto(`/?lesson=${lesson}&slide=${n}`);
      await page.locator('[data-view="board"] svg').waitFor();
      for (const theme of ['light', 'projector'] as const) {
        if (theme === 'projector') {
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          await page.keyboard.press('t');
          await expect(page.getByTestId('deck')).toHaveClass(/theme-projector/);
        }
        for (const [width, height] of SIZES) {
          await page.setViewportSize({ width, height });
          const { best, scroll } = await measure(page);
          const where = `slide ${n} at ${width}×${height} ${theme}`;
          if (best === undefined || best.share < 1 / 3) {
            misses.push(`${where}: best view ${best?.view ?? 'none'} covers ${((best?.share ?? 0) * 100).toFixed(1)}%`);
          }
          if (scroll > 1) misses.push(`${where}: the page scrolls by ${scroll}px`);
          least = Math.min(least, best?.share ?? 0);
        }
      }
    }
    testInfo.annotations.push({ type: 'smallest stage share', description: `${(least * 100).toFixed(1)}%` });
    expect(misses).toEqual([]);
  });
}

async function px(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  test(`projector type at ${width}×${height}: body 1rem = 100vh/33.75, code 0.875rem`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`/?lesson=${LESSON}&slide=8&theme=projector`);
    await page.locator('.slide .cm-content').waitFor();
    const rem = height / 33.75;
    const body = { prose: await px(page, '.slide-prose p'), narration: await px(page, '[data-testid="narration"]') };
    const code = { editor: await px(page, '.slide .cm-content'), console: await px(page, '[data-testid="console"]') };
    for (const [name, size] of Object.entries(body)) expect(size, name).toBeCloseTo(rem, 0);
    for (const [name, size] of Object.entries(code)) expect(size, name).toBeCloseTo(rem * 0.875, 0);
    if (height === 1080) {
      expect(Math.min(...Object.values(body))).toBeGreaterThanOrEqual(32);
      expect(Math.min(...Object.values(code))).toBeGreaterThanOrEqual(28);
    }
  });
}

test('a wake draws an arrow from the waker to the woken task, and the next task is marked', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // The lifecycle slide, step 4: the paused clock jumps and the timer wakes task 1.
  await page.goto(`/?lesson=${LESSON}&slide=${slideNumber('lifecycle')}&step=4`);
  const arrow = page.locator('[data-cause="wake"]');
  await expect(arrow).toHaveCount(1);
  await expect(arrow).toContainText('wake · timer');
  // The arrow ends at task 1's chip on the board.
  const end = await arrow.locator('path.cause-line').evaluate((p) => {
    const path = p as SVGPathElement;
    const pt = path.getPointAtLength(path.getTotalLength());
    const svg = path.ownerSVGElement?.getBoundingClientRect();
    return { x: pt.x + (svg?.left ?? 0), y: pt.y + (svg?.top ?? 0) };
  });
  const chip = await page.locator('[data-view="board"] [data-task="1"]').boundingBox();
  expect(chip).not.toBeNull();
  if (chip !== null) {
    expect(end.x).toBeGreaterThanOrEqual(chip.x - 1);
    expect(end.x).toBeLessThanOrEqual(chip.x + chip.width + 1);
    expect(Math.abs(end.y - (chip.y + chip.height))).toBeLessThan(12);
  }
  await expect(page.locator('[data-cause="next"]')).toHaveCount(1);
  // Another step, and the wake of the step before is no longer drawn.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('step-position')).toHaveText('5');
  await expect(arrow).toHaveCount(0);
});

test("a slide's inspect cue opens the inspector on its task, even on a slide opened by URL", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/?lesson=${LESSON}&slide=8&step=6&theme=projector`);
  await expect(page.locator('[data-view="inspector"] .tl-word')).toHaveAttribute('data-task', '1');
  await expect(page.locator('[data-view="inspector"] .tl-word')).toBeInViewport();
});

test('the embed at 640×360 keeps its view and the narration line on screen, the console one key away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 360 });
  await page.goto(`/?embed=1&lesson=${LESSON}&slide=8&step=6`);
  await page.locator('[data-view="board"] svg').waitFor();
  const { best, scroll } = await measure(page);
  expect(best?.share ?? 0).toBeGreaterThanOrEqual(1 / 3);
  expect(scroll).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('narration')).toBeInViewport();
  const console = page.getByTestId('console');
  await expect(console).toBeHidden();
  await page.keyboard.press('c');
  await expect(console).toBeVisible();
  await expect(console).toContainText('main: abort()');
  await expect(console).toBeInViewport();
  await page.keyboard.press('c');
  await expect(console).toBeHidden();
});

test('the lab header and bar never overlap or clip their controls, from 1100 to 1920 px wide', async ({ page }) => {
  for (const [width, height] of [
    [1100, 700],
    [1280, 720],
    [1440, 900],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('./?mode=lab');
    await page.locator('.lab-app .playback-bar').waitFor();
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      // the longest status the header can show (a Ctrl-C before the program listens) must give way, not push
      const status = document.querySelector<HTMLElement>('.lab-app .run-status');
      if (status !== null) status.textContent = '■ killed by Ctrl-C: exit code 130';
      for (const sel of ['.lab-app .app-header', '.lab-app .playback-bar']) {
        const box = document.querySelector<HTMLElement>(sel);
        if (box === null) continue;
        const outer = box.getBoundingClientRect();
        if (box.scrollWidth > box.clientWidth + 1)
          out.push(`${sel} overflows by ${box.scrollWidth - box.clientWidth}px`);
        const kids = Array.from(box.querySelectorAll<HTMLElement>('button, select, input, a, output, .field > span'))
          .filter((k) => k.checkVisibility())
          .map((k) => ({ k, r: k.getBoundingClientRect() }));
        for (const { k, r } of kids)
          if (r.top < outer.top - 1 || r.bottom > outer.bottom + 1 || r.right > outer.right + 1)
            out.push(`${sel}: ${k.tagName} "${k.textContent?.trim() ?? ''}" is cut off`);
        for (let i = 0; i < kids.length; i++)
          for (let j = i + 1; j < kids.length; j++) {
            const a = kids[i].r;
            const b = kids[j].r;
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
              out.push(`${sel}: ${kids[i].k.tagName} and ${kids[j].k.tagName} overlap`);
          }
      }
      return out;
    });
    expect(problems, `at ${width}×${height}`).toEqual([]);
  }
});
