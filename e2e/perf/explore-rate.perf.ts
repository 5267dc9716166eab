/**
 * Runs per second of the explorer in the browser's worker (issue 16; not part of npm test, not a
 * timed test): a Day 6 lesson program explored in the real lab in headless Chromium, the figure
 * read from the explore panel, which computes it from the worker's progress. Prints JSON.
 *
 *   npx vite build && npx tsx e2e/perf/explore-rate.perf.ts [--program PATH] [--runs 500] [--strategy random]
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { shareValueOf } from '../fixtures/share-value.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const path = arg('program', 'lessons/day06-tasks-joinset-cancellation/16-mt-lifo-stealing.rs');
const runs = arg('runs', '500');
const strategy = arg('strategy', 'random');
const source = readFileSync(path, 'utf8');
const multi = /flavor\s*=\s*"multi_thread"/.test(source);
const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 5198, strictPort: false } });
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5198/';
const browser = await chromium.launch({
  executablePath: existsSync(executable) ? executable : undefined,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}?mode=lab#share=${await shareValueOf(source, multi ? 'multi_thread' : 'current_thread', 2)}`);
  await page.getByTestId('run-status').and(page.locator('[data-phase="ended"]')).waitFor({ state: 'attached' });
  await page.getByTestId('explore-toggle').click();
  await page.getByTestId('explore-strategy').selectOption(strategy);
  await page.getByTestId('explore-runs').fill(runs);
  await page.getByTestId('explore-go').click();
  await page.getByTestId('explore-summary').waitFor({ timeout: 300_000 });
  const summary = (await page.getByTestId('explore-summary').textContent()) ?? '';
  const rate = Number(await page.getByTestId('explore-rate').textContent());
  const groups = await page.getByTestId('explore-group').count();
  console.log(JSON.stringify({ program: path, strategy, runs: Number(runs), runsPerSecond: rate, groups, summary }));
} finally {
  await browser.close();
  await server.close();
}
