/**
 * Where a frame's time goes (bench:frames --profile): a CPU profile of the page's main thread and
 * a Chromium performance trace, both taken over the measured playback, summed into the top
 * self-time functions and the top trace event kinds (script, style, layout, paint). Build with
 * `npx vite build --minify false` first so the functions keep their names.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
  readonly tid: number;
}

export interface FrameProfile {
  /** Self time (ms) of the costliest functions, `name file:line`. */
  readonly functions: readonly (readonly [string, number])[];
  /** Total time (ms) with callees of the costliest app functions (not the framework's). */
  readonly inclusive: readonly (readonly [string, number])[];
  /** Total time (ms) of the costliest main-thread trace events by name. */
  readonly trace: readonly (readonly [string, number])[];
}

const ms = (us: number): number => Math.round(us / 100) / 10;

function top(map: Map<string, number>, n: number): (readonly [string, number])[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => [k, ms(v)] as const);
}

const frameName = (f: ProfileNode['callFrame']): string =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;

/** The profile's nodes by id, and each node's caller. */
function tree(p: CpuProfile): { byId: Map<number, ProfileNode>; parent: Map<number, number> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { byId, parent };
}

/** Self time by function; a browser built-in (getBoundingClientRect) is named with its caller. */
function selfTimes(p: CpuProfile): Map<string, number> {
  const { byId, parent } = tree(p);
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (f === undefined) return;
    const up = parent.get(id);
    const caller = up === undefined ? undefined : byId.get(up)?.callFrame;
    const key =
      f.url === '' && caller !== undefined && caller.url !== ''
        ? `${f.functionName} ← ${frameName(caller)}`
        : frameName(f);
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  return self;
}

/** Time with callees by function, for functions of the app's own chunks (not vendor ones). */
function inclusiveTimes(p: CpuProfile): Map<string, number> {
  const { byId, parent } = tree(p);
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f === undefined || f.url === '' || /d3-|views-|CodeEditor-/.test(f.url)) continue;
      const key = frameName(f);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
    }
  });
  return total;
}

/** Sums complete events on the busiest thread (the renderer's main thread) by name. */
function traceTotals(events: readonly TraceEvent[]): Map<string, number> {
  const perThread = new Map<number, number>();
  for (const e of events)
    if (e.ph === 'X' && e.dur !== undefined) perThread.set(e.tid, (perThread.get(e.tid) ?? 0) + e.dur);
  const main = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || e.tid !== main) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur);
  }
  return totals;
}

export class FrameProfiler {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async start(browser: Browser, page: Page): Promise<FrameProfiler> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    return new FrameProfiler(browser, page, cdp);
  }

  async stop(n = 15): Promise<FrameProfile> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const buffer = await this.browser.stopTracing();
    const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    await this.cdp.detach();
    void this.page;
    return {
      functions: top(selfTimes(profile), n),
      inclusive: top(inclusiveTimes(profile), 5 * n),
      trace: top(traceTotals(parsed.traceEvents), n),
    };
  }
}
