/**
 * Screenshots of the stage for a person to look at (issue 11), not a test: slides 2, 8, 14, 19
 * and 22 at 720p and 1080p in the projector theme (mid-run and at the cue pause), the lab at
 * 1440×900 and the embed at 640×360. Run after `npx vite build`, with the preview server up:
 *   npx vite preview --port 4373 & npx tsx e2e/shots/shots.ts [outdir]
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { APP } from '../ports.ts';

const LESSON = 'day06-tasks-joinset-cancellation';
const out = process.argv[2] ?? 'test-results/shots';
const only = process.argv[3];

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  const shoot = async (w: number, h: number, url: string, name: string, act?: (p: Page) => Promise<void>) => {
    if (only !== undefined && !name.includes(only)) return;
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(`${APP}/${url}`);
    await page.waitForTimeout(1500);
    if (act !== undefined) await act(page);
    await settle(page);
    await page.screenshot({ path: `${out}/${name}.png` });
    await page.close();
  };
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    for (const slide of [2, 8, 14, 19, 22]) {
      const base = `?lesson=${LESSON}&slide=${slide}&theme=projector`;
      await shoot(w, h, `${base}&step=3`, `s${slide}-${h}-mid`);
      // Play from the start until the slide's pause cue stops it (or the run ends).
      await shoot(w, h, base, `s${slide}-${h}-cue`, async (p) => {
        await p
          .getByTestId('run-status')
          .and(p.locator('[data-phase="ended"]'))
          .waitFor({ state: 'attached', timeout: 15_000 });
        await p.getByRole('button', { name: 'Play' }).click();
        await p
          .getByTestId('cue-say')
          .waitFor({ timeout: 8000 })
          .catch(() => undefined);
        await p.getByRole('button', { name: 'Play' }).waitFor({ timeout: 8000 });
      });
    }
  }
  await shoot(1440, 900, `?lesson=${LESSON}&slide=8&step=6`, 'light-s8-900');
  await shoot(1440, 900, '?mode=lab', 'lab-900', async (p) => {
    await p.getByTestId('step-position').waitFor();
  });
  // The lab on multi_thread: the course's multi_thread slide, opened in the lab, part-way through.
  await shoot(1440, 900, `?lesson=${LESSON}&slide=18`, 'lab-mt-900', async (p) => {
    const href = await p.getByRole('link', { name: /Open in lab/ }).getAttribute('href');
    await p.goto(new URL(href ?? '?mode=lab', `${APP}/`).toString());
    await p.getByTestId('step-position').waitFor();
    await p.waitForTimeout(1500);
    for (let i = 0; i < 9; i++) await p.keyboard.press('.');
  });
  await shoot(1280, 720, '?mode=lab', 'lab-720', async (p) => {
    await p.getByTestId('step-position').waitFor();
  });
  await shoot(640, 360, `?embed=1&lesson=${LESSON}&slide=8&step=6`, 'embed-360');
  await browser.close();
}

void main();
