/**
 * UI benchmark for the lifecycle board and the other views (issue 5 "Performance"; not part of
 * npm test): 1,000 live tasks played at full speed in headless Chromium at 1920×1080. Prints JSON
 * with the p95 frame time and the step-to-render latency (seek → every view drawn).
 *
 *   npx tsx e2e/perf/board.perf.ts [--tasks 1000] [--frames 240] [--views board:scheduler,timeline]
 *
 * `--views` lists the view sets to measure, separated by colons (default: the board alone, then
 * every view at once).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixturePreview } from '../fixtures/serve.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const tasks = arg('tasks', 1000);
const viewSetsArg = process.argv.indexOf('--views');
const viewSets =
  viewSetsArg >= 0
    ? (process.argv[viewSetsArg + 1] ?? '').split(':')
    : ['board', 'board,inspector,scheduler,relations,timeline'];
const frames = arg('frames', 240);
const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const server = await startFixturePreview(join(tmpdir(), 'task-lab-views-bench'));
const browser = await chromium.launch({
  executablePath: existsSync(executable) ? executable : undefined,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
try {
  const results = [];
  // The board alone (the figure), then every view mounted at once.
  for (const views of viewSets) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url(`/e2e/fixtures/views.html?program=live&n=${tasks}&position=0&views=${views}`));
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    await page.evaluate(() => window.viewsFixture.setSpeed('max'));
    const events = await page.evaluate(() => window.viewsFixture.length);
    const runs = [];
    // 50 steps a frame, then playback's "max" (2,000 steps a frame, src/flow/playback-motion.ts).
    for (const stepsPerFrame of [50, 2000]) {
      runs.push(
        await page.evaluate(([f, s]) => window.viewsFixture.bench({ frames: f, stepsPerFrame: s }), [
          frames,
          stepsPerFrame,
        ] as const),
      );
    }
    results.push({ views, events, runs, errors });
    await page.close();
  }
  console.log(JSON.stringify({ benchmark: 'views', tasks, viewport: '1920x1080', results }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
