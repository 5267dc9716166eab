/**
 * Issue 15's browser targets, measured in headless Chromium (not part of npm test; figures, not
 * assertions): for every lesson program, the time from clicking Run to the first frame that shows
 * the run; then, for a run of about a million trace events, the time to its first frame, the
 * seek-to-step latency over random seeks (p50 / p95 / max) and the peak JS heap of the page and of
 * the simulation worker (CDP `Runtime.getHeapUsage`, sampled while it runs).
 *
 *   npx vite build && npm run bench:browser -- [--tasks 39000] [--seeks 200] [--only NAME] [--profile F] [--profile-run F] [--trace]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { compile, runProgram } from '../../src/lang/run.ts';
import { spawnAndJoinProgram } from '../fixtures/lab-programs.ts';
import { FrameProfiler } from './frame-profile.ts';
import { openLab, typeProgram, waitRunComputed } from './lab-session.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const tasks = Number(arg('tasks', '39000'));
const seeks = Number(arg('seeks', '200'));
const only = arg('only', '');
/** Writes a CDP CPU profile of the page during the seeks here (build with `--minify false` to read it). */
const profilePath = arg('profile', '');
/** Writes a CDP CPU profile of the page from the big run's Run click to its first frame here. */
const profileRunPath = arg('profile-run', '');
/** Prints where the seeks' main-thread time went: script, style, layout, paint (a Chromium trace). */
const traceSeeks = process.argv.includes('--trace');

/** Profiles the page, and the worker into `path`.worker.cpuprofile, until the returned stop. */
async function startProfile(page: Page, path: string): Promise<(() => Promise<void>) | undefined> {
  if (path === '') return undefined;
  const session = await page.context().newCDPSession(page);
  const worker = await workerChannel(page);
  const sends: ((method: string, params?: object) => Promise<unknown>)[] = [
    (method, params) => session.send(method as 'Profiler.enable', params),
    (method, params) => worker.send(method, params),
  ];
  for (const send of sends) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
  }
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    const w = await worker.send<{ profile: unknown }>('Profiler.stop');
    if (w !== undefined) writeFileSync(`${path}.worker.cpuprofile`, JSON.stringify(w.profile));
    await worker.close();
  };
}
const port = Number(process.env.TASK_LAB_PORT ?? 5198);
const lessonsDir = join(import.meta.dirname, '../../lessons');

/** Every lesson scenario program, by `folder/file`. */
function lessonPrograms(): { name: string; source: string }[] {
  const out: { name: string; source: string }[] = [];
  for (const dir of readdirSync(lessonsDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(lessonsDir, dir.name)).sort()) {
      if (f.endsWith('.rs') && `${dir.name}/${f}`.includes(only))
        out.push({ name: `${dir.name}/${f}`, source: readFileSync(join(lessonsDir, dir.name, f), 'utf8') });
    }
  }
  return out;
}

/** Trace events of the big run, counted in Node with the same interpreter the worker runs. */
function countEvents(source: string): number {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) throw new Error('the benchmark program does not compile');
  return runProgram(c.program, { seed: 1 }).world.trace.length;
}

/**
 * Clicks Run inside the page and resolves with the milliseconds until the animation frame after
 * the step counter first shows a non-empty run (the first frame a learner sees of it).
 */
async function runToFirstFrame(page: Page): Promise<number> {
  const { ms } = await runToFirstFrameAt(page);
  return ms;
}

/** As runToFirstFrame, with the page clock at the click (`t0`). */
async function runToFirstFrameAt(page: Page): Promise<{ ms: number; t0: number }> {
  // A string, not a function: tsx would wrap a function's inner closures in a helper the page lacks.
  return page.evaluate<{ ms: number; t0: number }>(`(async () => {
    const count = document.querySelector('[data-testid="step-count"]');
    const run = [...document.querySelectorAll('button')].find((b) => /Run$/.test(b.textContent.trim()));
    if (!count || !run) throw new Error('no step counter or Run button');
    let t0 = 0;
    const shown = new Promise((resolve) => {
      let armed = false;
      const obs = new MutationObserver(() => {
        if (!armed) return;
        if (Number(count.textContent) > 0) {
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      });
      obs.observe(count, { childList: true, characterData: true, subtree: true });
      // a counter left from the previous run resets first: only a change after the click counts
      queueMicrotask(() => { armed = true; });
    });
    t0 = performance.now();
    run.click();
    return { ms: await shown, t0 };
  })()`);
}

/** `n` seeks to random steps (a fixed LCG, so runs compare): ms from input to the frame showing it. */
async function seekLatencies(page: Page, steps: number, n: number): Promise<number[]> {
  return page.evaluate<number[]>(`(async () => {
    const bar = document.querySelector('input[aria-label="Step"]');
    const pos = document.querySelector('[data-testid="step-position"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = [];
    let x = 12345;
    for (let i = 0; i < ${n}; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const to = x % (${steps} + 1);
      if (String(to) === pos.textContent) continue;
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (pos.textContent === String(to)) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        obs.observe(pos, { childList: true, characterData: true, subtree: true });
      });
      setValue.call(bar, String(to));
      bar.dispatchEvent(new Event('input', { bubbles: true }));
      out.push(await done);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  })()`);
}

/** A CDP channel to the simulation worker (through the browser session), or sends that answer undefined. */
interface WorkerChannel {
  send<T>(method: string, params?: object): Promise<T | undefined>;
  close(): Promise<void>;
}

async function workerChannel(page: Page): Promise<WorkerChannel> {
  const browserSession = await page.context().browser()!.newBrowserCDPSession();
  const { targetInfos } = (await browserSession.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('worker'));
  let sessionId: string | null = null;
  let nextId = 1;
  const pending = new Map<number, (v: unknown) => void>();
  if (worker !== undefined) {
    const attached = await browserSession.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    });
    sessionId = attached.sessionId;
    browserSession.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (m.id !== undefined && m.result !== undefined) pending.get(m.id)?.(m.result);
    });
  }
  return {
    send<T>(method: string, params: object = {}): Promise<T | undefined> {
      if (sessionId === null) return Promise.resolve(undefined);
      const id = nextId++;
      const result = new Promise<T>((resolve) => pending.set(id, (v) => resolve(v as T)));
      void browserSession.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
      return result;
    },
    close: () => browserSession.detach(),
  };
}

/** Peak of the worker's and the page's JS heap, sampled every 100 ms until `stop()`. */
async function heapSampler(page: Page): Promise<{ stop(): Promise<{ workerMb: number; pageMb: number }> }> {
  const worker = await workerChannel(page);
  let workerPeak = 0;
  let pagePeak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const heap = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
      workerPeak = Math.max(workerPeak, heap?.usedSize ?? 0);
      const used = await page.evaluate<number>('(performance.memory && performance.memory.usedJSHeapSize) || 0');
      pagePeak = Math.max(pagePeak, used);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await worker.close();
      const mb = (b: number): number => Math.round(b / 1e5) / 10;
      return { workerMb: mb(workerPeak), pageMb: mb(pagePeak) };
    },
  };
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 10) / 10;
}

/**
 * Logs when each message of the simulation worker reaches the page (before the page handles it):
 * [time, type, events in a batch], so the first frame can be split into worker and page time.
 */
const WATCH_WORKER = `(() => {
  const W = window.Worker;
  const log = (window.__simLog = []);
  window.Worker = class extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const d = e.data || {};
        log.push([performance.now(), d.type, d.batch ? d.batch.count : 0]);
      });
    }
  };
})()`;

/** The worker's messages that reached the page in [t0, t1], as ms after t0. */
async function workerMessages(page: Page, t0: number, t1: number): Promise<[number, string, number][]> {
  const log = await page.evaluate<[number, string, number][]>('window.__simLog || []');
  return log.filter(([t]) => t >= t0 && t <= t1).map(([t, type, n]) => [Math.round((t - t0) * 10) / 10, type, n]);
}

const lab = await openLab(port, WATCH_WORKER);
try {
  const { browser, page, errors } = lab;

  const lessons: { program: string; firstFrameMs: number }[] = [];
  for (const p of lessonPrograms()) {
    await typeProgram(page, p.source);
    const ms = await runToFirstFrame(page);
    lessons.push({ program: p.name, firstFrameMs: Math.round(ms * 10) / 10 });
    await waitRunComputed(page, 60_000);
  }
  const lessonMs = lessons.map((l) => l.firstFrameMs);

  const big = spawnAndJoinProgram(tasks);
  const events = countEvents(big);
  await typeProgram(page, big);
  const heap = await heapSampler(page);
  const stopRunProfile = await startProfile(page, profileRunPath);
  const { ms: bigFirstFrameMs, t0: bigT0 } = await runToFirstFrameAt(page);
  await stopRunProfile?.();
  const beforeFirstFrame = await workerMessages(page, bigT0, bigT0 + bigFirstFrameMs);
  await waitRunComputed(page, 600_000);
  const steps = Number(await page.getByTestId('step-count').textContent());
  const stopSeekProfile = await startProfile(page, profilePath);
  const tracer = traceSeeks ? await FrameProfiler.start(browser, page) : undefined;
  const seek = await seekLatencies(page, steps, seeks);
  const seekTrace = await tracer?.stop(20);
  if (seekTrace !== undefined && profilePath !== '')
    writeFileSync(`${profilePath}.trace.json`, JSON.stringify(seekTrace, null, 1));
  await stopSeekProfile?.();
  const peak = await heap.stop();
  console.log(
    JSON.stringify(
      {
        benchmark: 'browser',
        browser: browser.version(),
        lessons: {
          programs: lessons.length,
          firstFrameMsMax: Math.max(...lessonMs),
          firstFrameMsP50: quantile(lessonMs, 0.5),
          slowest: [...lessons].sort((a, b) => b.firstFrameMs - a.firstFrameMs).slice(0, 3),
        },
        bigRun: {
          tasks,
          events,
          steps,
          firstFrameMs: Math.round(bigFirstFrameMs * 10) / 10,
          /** The worker's messages before the first frame: [ms after Run, type, events]. */
          beforeFirstFrame,
          seeks: seek.length,
          seekMsP50: quantile(seek, 0.5),
          seekMsP95: quantile(seek, 0.95),
          seekMsMax: quantile(seek, 1),
          peakWorkerHeapMb: peak.workerMb,
          peakPageHeapMb: peak.pageMb,
          /** --trace: main-thread ms by trace event over all the seeks. */
          seekTrace: seekTrace?.trace,
        },
        targets: { firstFrameMs: 200, seekMsP95: 16, heapMb: 500 },
        errors,
      },
      null,
      2,
    ),
  );
} finally {
  await lab.close();
}
