/**
 * The animated views on a real trace (e2e/fixtures/views.html, served by Vite's dev server until
 * the lab screen mounts them): screenshots of each view at 1920×1080 and 1280×720, the
 * inspector's bits against the simulator's word, keyboard selection, labels, reduced motion.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startFixtureServer } from './fixtures/serve.ts';
import type { FixtureServer } from './fixtures/serve.ts';

let server: FixtureServer;

test.beforeAll(async () => {
  server = await startFixtureServer();
});

test.afterAll(async () => {
  await server.close();
});

const VIEWS = ['board', 'scheduler', 'inspector', 'timeline', 'relations'] as const;

async function open(page: Page, query: string): Promise<void> {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  await page.goto(server.url(`/e2e/fixtures/views.html?${query}`));
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('[data-view="board"] svg');
  expect(problems).toEqual([]);
}

const seek = (page: Page, p: number) => page.evaluate((x) => window.viewsFixture.seek(x), p);
const select = (page: Page, t: number) => page.evaluate((x) => window.viewsFixture.select(x), t);

for (const [w, h] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  test(`screenshots of every view at ${w}×${h}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, 'program=joinset&position=0');
    // Part-way through: tasks queued, sleeping, one aborted, the blocking job started.
    const length = await page.evaluate(() => window.viewsFixture.length);
    await seek(page, Math.floor(length * 0.3));
    await select(page, 2);
    for (const view of VIEWS) {
      const el = page.getByTestId(view);
      await el.scrollIntoViewIfNeeded();
      await el.screenshot({ path: testInfo.outputPath(`${view}-${w}x${h}.png`) });
    }
    await page.screenshot({ path: testInfo.outputPath(`all-${w}x${h}.png`), fullPage: true });
  });
}

test('multi_thread screenshots: workers, LIFO slots, rings', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'program=fanout&n=300&workers=4&position=0');
  const length = await page.evaluate(() => window.viewsFixture.length);
  await seek(page, Math.floor(length * 0.25));
  await expect(page.locator('[data-view="scheduler"] svg')).toHaveAttribute('data-flavor', 'multi_thread');
  await expect(page.locator('[data-view="scheduler"] [data-box^="lifo-"]')).toHaveCount(4);
  for (const view of ['board', 'scheduler', 'timeline'] as const) {
    await page.getByTestId(view).screenshot({ path: testInfo.outputPath(`mt-${view}.png`) });
  }
});

test("the inspector's bits equal the simulator's word at every change of a task's word", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'program=joinset&position=0');
  for (const task of [2, 5, 7]) {
    await select(page, task);
    const changes = await page.evaluate((t) => window.viewsFixture.changesOf(t), task);
    expect(changes.length).toBeGreaterThan(2);
    for (const p of changes) {
      await seek(page, p);
      const expected = await page.evaluate(([t, q]) => window.viewsFixture.wordAt(t, q), [task, p] as const);
      if (expected === undefined) throw new Error(`task ${task} has no word at ${p}`);
      const word = page.locator('[data-view="inspector"] .tl-word');
      await expect(word).toHaveAttribute('data-word', String(expected));
      await expect(word).toHaveAttribute('data-task', String(task));
      const bits = await page.$$eval('[data-view="inspector"] [data-bit]', (els) =>
        els.map((e) => [e.getAttribute('data-bit'), e.getAttribute('data-set')]),
      );
      const MASK: Record<string, number> = {
        RUNNING: 1,
        COMPLETE: 2,
        NOTIFIED: 4,
        JOIN_INTEREST: 8,
        JOIN_WAKER: 16,
        CANCELLED: 32,
      };
      expect(bits.map(([b]) => b)).toEqual([
        'CANCELLED',
        'JOIN_WAKER',
        'JOIN_INTEREST',
        'NOTIFIED',
        'COMPLETE',
        'RUNNING',
      ]);
      for (const [bit, set] of bits) expect(set).toBe((expected & MASK[bit ?? '']) !== 0 ? '1' : '0');
      await expect(page.locator('[data-view="inspector"] .tl-refcount')).toHaveAttribute(
        'data-refcount',
        String(Math.floor(expected / 64)),
      );
    }
  }
});

test('tokens are keyboard-focusable, labelled, and select a task for the inspector', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'program=joinset&position=40');
  const tokens = page.locator('[data-view="board"] [data-task]');
  expect(await tokens.count()).toBeGreaterThan(2);
  for (const label of await tokens.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
    expect(label).toMatch(/^task \d+/);
  }
  const first = tokens.first();
  const id = await first.getAttribute('data-task');
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-view="inspector"] .tl-word')).toHaveAttribute('data-task', id ?? '');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  // Arrow keys move focus along the tokens.
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-task'));
  expect(focused).not.toBe(id);
  expect(focused).toBeTruthy();
});

test('cancelled and panicked tasks are marked by shape and label, not colour alone', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'program=joinset&position=end');
  const labels = await page
    .locator('[data-view="board"] [data-task]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.some((l) => l.includes('cancelled'))).toBe(true);
  expect(labels.some((l) => l.includes('panicked'))).toBe(true);
  const glyphs = await page
    .locator('[data-view="board"] [data-task]')
    .evaluateAll((els) => els.map((e) => e.querySelector('text')?.textContent ?? ''));
  const shapes = await page
    .locator('[data-view="board"] [data-task]')
    .evaluateAll((els) => els.map((e) => e.querySelector('path')?.getAttribute('d') ?? ''));
  expect(glyphs.some((g) => g.startsWith('✕'))).toBe(true);
  expect(glyphs.some((g) => g.startsWith('!'))).toBe(true);
  // Three outlines: plain, cancelled (octagon), panicked (pointed ends).
  expect(new Set(shapes).size).toBeGreaterThanOrEqual(3);
});

test('moves animate, except under prefers-reduced-motion', async ({ page }) => {
  const moving = async (): Promise<boolean> => {
    await seek(page, 8);
    await page.waitForTimeout(500);
    await seek(page, 30);
    return page.$$eval('[data-view="board"] [data-task]', (els) =>
      els.some((e) => (e as Element & { __transition?: unknown }).__transition !== undefined),
    );
  };
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await open(page, 'program=joinset&position=0');
  expect(await moving()).toBe(true);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving()).toBe(false);
});
