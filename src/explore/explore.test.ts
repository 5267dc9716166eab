/**
 * The done-when checks, headless: DFS reports exactly a program's known outcomes with
 * every schedule covered; PCT finds a planted lost wake-up and a planted leak within 1,000 runs;
 * every schedule a group names replays byte for byte from its key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type CompiledProgram } from '../lang/run.ts';
import { Explorer, explore, replay, type ExploreReport } from './explore.ts';
import { decodeReplayKey } from './key.ts';
import type { Outcome } from './outcome.ts';

function load(name: string): CompiledProgram {
  const c = compile(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
  if (!c.ok) throw new Error(`${name}: ${c.diagnostics[0]?.message ?? ''}`);
  return c.program;
}

/** The distinct stdouts real Tokio 1.48 printed for a fixture (recorded, see fixtures/README.md). */
function realStdouts(name: string): string[] {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.real.json`), 'utf8')) as {
    stdouts: string[];
  };
  return [...doc.stdouts].sort();
}

function stdouts(report: ExploreReport): string[] {
  return report.groups.map((g) => g.outcome.stdout).sort();
}

function expectReplays(program: CompiledProgram, report: ExploreReport): void {
  for (const g of report.groups) {
    const key = decodeReplayKey(g.replayKey);
    if (!key.ok) throw new Error(key.message);
    const r = replay(program, {}, key.schedule.seed, key.schedule.forced);
    expect(r.world.trace.hash()).toBe(g.traceHash);
    expect(r.stdout).toBe(g.outcome.stdout);
    expect(r.stderr).toBe(g.outcome.stderr);
  }
}

/** Runs PCT until an outcome matches; returns how many runs it took (Infinity: not found). */
function pctUntil(program: CompiledProgram, found: (o: Outcome) => boolean): { runs: number; e: Explorer } {
  const e = new Explorer(program, { strategy: 'pct', runs: 1000, seed: 1 });
  while (e.next()) if (e.outcomes().some(found)) return { runs: e.runs, e };
  return { runs: e.outcomes().some(found) ? e.runs : Infinity, e };
}

describe('explore', () => {
  it('dfs: an unbiased select! over two finished tasks on two workers has exactly two outcomes, all covered', () => {
    const program = load('select-two-ready.rs');
    const report = explore(program, { strategy: 'dfs', runs: 5000, preemptions: 1000 });
    expect(report.dfs).toEqual({ exhausted: true, cutByPreemptions: 0, cutByDepth: 0, nondeterministic: false });
    expect(stdouts(report)).toEqual(realStdouts('select-two-ready'));
    expect(report.groups.map((g) => [g.outcome.status, g.outcome.findings])).toEqual([
      ['ok', []],
      ['ok', []],
    ]);
    // Where the two part: the select!'s start branch, nothing earlier.
    expect(report.groups[1]?.partedAt?.point).toBe('select.start');
    expectReplays(program, report);
  });

  it('dfs: on current_thread a blocking job may finish before, between or after async work, as real Tokio shows', () => {
    const program = load('blocking-order.rs');
    const report = explore(program, { strategy: 'dfs', runs: 1000 });
    expect(report.dfs).toMatchObject({ exhausted: true, cutByPreemptions: 0, cutByDepth: 0 });
    expect(stdouts(report)).toEqual(realStdouts('blocking-order'));
    expectReplays(program, report);
  });

  it('dfs: a preemption bound leaves branches out and says so', () => {
    const report = explore(load('select-two-ready.rs'), { strategy: 'dfs', runs: 5000, preemptions: 0 });
    expect(report.dfs?.exhausted).toBe(true);
    expect(report.dfs?.cutByPreemptions).toBeGreaterThan(0);
    expect(report.runs).toBeLessThan(100);
  });

  it('dfs: a run budget smaller than the tree stops without claiming coverage', () => {
    const report = explore(load('select-two-ready.rs'), { strategy: 'dfs', runs: 3, preemptions: 1000 });
    expect(report.runs).toBe(3);
    expect(report.dfs?.exhausted).toBe(false);
  });

  it('pct finds the planted lost wake-up (a deadlock) within 1,000 runs, and it replays', () => {
    const program = load('lost-wakeup.rs');
    const { runs, e } = pctUntil(program, (o) => o.status === 'deadlock');
    expect(runs).toBeLessThanOrEqual(1000);
    const report = e.report();
    expect(report.groups.some((g) => g.outcome.status === 'ok' && g.outcome.stdout === 'waiter woke\ndone\n')).toBe(
      true,
    );
    expectReplays(program, report);
  });

  it('pct finds the planted leak (a task alive at shutdown) within 1,000 runs, and it replays', () => {
    const program = load('leak.rs');
    const { runs, e } = pctUntil(program, (o) => o.findings.some((f) => f.startsWith('leaked-task')));
    expect(runs).toBeLessThanOrEqual(1000);
    expectReplays(program, e.report());
  });

  it('pct: 1,000 runs of the leak program show every output real Tokio printed', () => {
    const report = explore(load('leak.rs'), { strategy: 'pct', runs: 1000, seed: 1 });
    expect(stdouts(report)).toEqual(realStdouts('leak'));
  });

  it('random: runs seeds base, base+1, …; the key of a plain seeded run is the seed alone', () => {
    const report = explore(load('select-two-ready.rs'), { strategy: 'random', runs: 20, seed: 5 });
    expect(report.runs).toBe(20);
    expect(report.groups.reduce((n, g) => n + g.count, 0)).toBe(20);
    for (const g of report.groups) expect(g.replayKey).toBe(String(5 + g.firstRun));
  });

  it('is deterministic: the same exploration twice gives the same report', () => {
    const program = load('lost-wakeup.rs');
    const a = explore(program, { strategy: 'pct', runs: 30, seed: 9 });
    const b = explore(program, { strategy: 'pct', runs: 30, seed: 9 });
    expect(b).toEqual(a);
  });
});
