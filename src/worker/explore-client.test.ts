import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExploreClient, type ExploreHandlers } from './explore-client.ts';
import { LANG_ENGINE } from './lang-engine.ts';
import type { WireExploreReport } from './protocol.ts';
import { FakeTimers, FakeWorker } from './testing/fake-worker.ts';

const SOURCE = readFileSync(join(import.meta.dirname, '../explore/fixtures/select-two-ready.rs'), 'utf8');
const REQUEST = {
  source: SOURCE,
  file: 'main.rs',
  config: { flavor: 'multi_thread', workers: 2, seed: 1 },
  options: { strategy: 'dfs', runs: 5000, preemptions: 1 },
} as const;

function setup() {
  const timers = new FakeTimers();
  let worker: FakeWorker | null = null;
  const client = new ExploreClient(() => (worker = new FakeWorker(LANG_ENGINE)), timers, 1000);
  const log: string[] = [];
  let last: WireExploreReport | undefined;
  const handlers: ExploreHandlers = {
    progress: (r) => void log.push(`progress ${r.runs}`),
    done: (r) => {
      last = r;
      log.push('done');
    },
    compileError: () => void log.push('compile-error'),
    lost: (m) => void log.push(`lost: ${m}`),
  };
  const pumpAll = () => {
    for (let i = 0; i < 100_000 && worker !== null && worker.pump(); i++);
  };
  return { client, handlers, log, timers, pumpAll, worker: () => worker, report: () => last };
}

describe('ExploreClient', () => {
  it('reports progress, then the groups, from its own worker', () => {
    const s = setup();
    s.client.explore(REQUEST, s.handlers);
    s.pumpAll();
    expect(s.log.at(-1)).toBe('done');
    expect(s.log.filter((l) => l.startsWith('progress')).length).toBeGreaterThan(0);
    expect(
      s
        .report()
        ?.groups.map((g) => g.stdout)
        .sort(),
    ).toEqual(['a won with 1\n', 'b won with 2\n']);
    expect(s.worker()?.inbox).toEqual([]);
  });

  it('stop: nothing more is reported for that exploration', () => {
    const s = setup();
    s.client.explore({ ...REQUEST, options: { strategy: 'random', runs: 100_000 } }, s.handlers);
    s.worker()?.pump();
    s.worker()?.pump();
    s.client.stop();
    const before = s.log.length;
    s.pumpAll();
    expect(s.log.length).toBe(before);
    expect(s.log).not.toContain('done');
  });

  it('a silent worker is replaced and the exploration reported lost', () => {
    const s = setup();
    s.client.explore(REQUEST, s.handlers);
    const w = s.worker();
    if (w !== null) w.hang = true;
    s.timers.advance(1001);
    expect(s.log).toEqual(['lost: the exploration did not answer for 1 s; it was stopped']);
    expect(w?.terminated).toBe(true);
  });
});
