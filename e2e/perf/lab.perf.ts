/**
 * The lab at scale (issue 14 part 3; not part of npm test): a program with 10,000 live tasks,
 * every one suspended on the same source line, played in the real lab (editor, views, worker) in
 * headless Chromium at 1920×1080. Prints JSON with the animation-frame gaps while it plays.
 *
 *   npx vite build && npm run bench:frames -- [--tasks 10000] [--seconds 8] [--speeds 1,4,16,max] [--profile]
 *
 * One JSON line per speed: median (p50), p95 and max of the requestAnimationFrame deltas. With
 * `--profile` (build with `--minify false`), each line also names where the time went: the top
 * self-time functions and main-thread trace events (frame-profile.ts).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { spawnAndJoinProgram } from '../fixtures/lab-programs.ts';
import { FrameProfiler } from './frame-profile.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const tasks = Number(arg('tasks', '10000'));
const seconds = Number(arg('seconds', '8'));
const speeds = arg('speeds', arg('speed', '1,4,16,max')).split(',');
const profile = process.argv.includes('--profile');
const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const program = spawnAndJoinProgram(tasks);

const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 5197, strictPort: false } });
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5197/';
const browser = await chromium.launch({
  executablePath: existsSync(executable) ? executable : undefined,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('?mode=lab', base).toString());
  // the status words claim nothing at step 0 (run-status.ts): wait for the worker's phase instead
  const ended = page.locator('[data-testid="run-status"][data-phase="ended"]');
  await page
    .locator('[data-testid="run-status"][data-phase="ended"], [data-phase="compile-error"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(program);
  await page.getByRole('button', { name: /Run$/ }).click();
  await page
    .locator('[data-testid="run-status"][data-phase="running"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  await ended.waitFor({ state: 'attached', timeout: 300_000 });
  const steps = Number(await page.getByTestId('step-count').textContent());
  for (const speed of speeds) {
    // Seek to the moment every task is spawned and suspended, then play from there.
    await page.getByRole('slider', { name: 'Step' }).fill(String(Math.floor(steps * 0.3)));
    await page.getByRole('combobox', { name: /Speed/ }).selectOption(speed);
    const profiler = profile ? await FrameProfiler.start(browser, page) : undefined;
    // A string, not a function: tsx would wrap a function's inner closures in a helper the page lacks.
    const result = await page.evaluate<{
      frames: number;
      p50: number;
      p95: number;
      max: number;
      markers: number;
    }>(`(async () => {
      const times = [];
      const done = performance.now() + ${seconds * 1000};
      const play = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Play'));
      if (play) play.click();
      await new Promise((resolve) => {
        const tick = (t) => {
          times.push(t);
          if (t < done) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      const pause = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Pause');
      if (pause) pause.click();
      const gaps = times.slice(1).map((t, i) => t - times[i]);
      const s = [...gaps].sort((a, b) => a - b);
      const at = (q) => Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 10) / 10;
      return {
        frames: gaps.length,
        p50: at(0.5),
        p95: at(0.95),
        max: Math.round((s[s.length - 1] ?? 0) * 10) / 10,
        markers: document.querySelectorAll('.cm-task-marker').length,
      };
    })()`);
    const where = profiler === undefined ? {} : { profile: await profiler.stop() };
    const position = await page.getByTestId('step-position').textContent();
    console.log(
      JSON.stringify({
        benchmark: 'lab',
        tasks,
        steps,
        speed,
        seconds,
        viewport: '1920x1080',
        position,
        ...result,
        errors,
        ...where,
      }),
    );
  }
} finally {
  await browser.close();
  await server.close();
}
