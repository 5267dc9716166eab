/**
 * The lab at scale (issue 14 part 3; not part of npm test): a program with 10,000 live tasks,
 * every one suspended on the same source line, played in the real lab (editor, views, worker) in
 * headless Chromium at 1920×1080. Prints JSON with the animation-frame gaps while it plays.
 *
 *   npx vite build && npx tsx e2e/perf/lab.perf.ts [--tasks 10000] [--seconds 8] [--speed max]
 */
import { spawnAndJoinProgram } from '../fixtures/lab-programs.ts';
import { openLab, typeProgram, waitRunComputed } from './lab-session.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const tasks = Number(arg('tasks', '10000'));
const seconds = Number(arg('seconds', '8'));
const speed = arg('speed', 'max');

const program = spawnAndJoinProgram(tasks);

const lab = await openLab(5197);
try {
  const { page, errors } = lab;
  await typeProgram(page, program);
  await page.getByRole('button', { name: /Run$/ }).click();
  await waitRunComputed(page, 300_000);
  const steps = Number(await page.getByTestId('step-count').textContent());
  // Seek to the moment every task is spawned and suspended, then play from there.
  await page.getByRole('slider', { name: 'Step' }).fill(String(Math.floor(steps * 0.3)));
  await page.getByRole('combobox', { name: /Speed/ }).selectOption(speed);
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
    }),
  );
} finally {
  await lab.close();
}
