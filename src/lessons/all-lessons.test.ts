/**
 * Every lesson under lessons/: it parses, resolves (scenarios and expected stdout beside them),
 * validates, and follows the course's rules for scenarios; every scenario and challenge solution is
 * run on the interpreter and compared with its .txt.
 */
import { describe, expect, it } from 'vitest';
import { loadLesson } from './index.ts';
import { lessonPaths } from './loader.ts';
import { scenarioRunner } from './scenario-runner.ts';
import { readTree } from './testing/read-tree.ts';
import { formatDiagnostic } from './validate.ts';
import type { ScenarioRunner } from './validate.ts';

const files = readTree('lessons');
const paths = lessonPaths(files);

const CURRENT_THREAD = '#[tokio::main(flavor = "current_thread", start_paused = true)]';
const MULTI_THREAD = '#[tokio::main(flavor = "multi_thread", worker_threads = 2)]';
const CURRENT_THREAD_REAL_CLOCK = '#[tokio::main(flavor = "current_thread")]';
const scenarios = [...files.keys()].filter((p) => p.endsWith('.rs'));

async function problems(path: string, runner?: ScenarioRunner): Promise<string[]> {
  const r = await loadLesson(path, files, { requireSolutions: true, ...(runner ? { runner } : {}) });
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
}

/** Scenarios the interpreter does not reproduce yet, with the reason; each must still fail. */
const KNOWN_GAPS: Record<string, string> = {};

describe('all lessons', () => {
  it('finds the lessons', () => {
    expect(paths).toContain('lessons/day06-tasks-joinset-cancellation/lesson.md');
  });

  for (const path of paths) {
    it(`${path} parses, resolves and validates`, async () => {
      expect(await problems(path)).toEqual([]);
    });

    it(`${path}: every slide runs a scenario`, async () => {
      const r = await loadLesson(path, files);
      const missing = r.ok ? r.lesson.slides.filter((s) => !s.scenario).map((s) => s.id) : ['(lesson did not load)'];
      expect(missing).toEqual([]);
    });
  }

  for (const path of scenarios) {
    it(`${path} is a small tokio program with its expected stdout beside it`, () => {
      const source = files.get(path) ?? '';
      expect(source.split('\n').length).toBeLessThanOrEqual(61);
      expect(files.has(path.replace(/\.rs$/, '.txt'))).toBe(true);
      const ct = source.includes(CURRENT_THREAD);
      const mt = source.includes(MULTI_THREAD);
      // A server scenario runs on real sockets, where a paused clock would jump past I/O the
      // kernel has not delivered yet: it keeps the real clock, and so must not print times.
      const real = source.includes(CURRENT_THREAD_REAL_CLOCK) && source.includes('tokio::net');
      expect(ct || mt || real).toBe(true);
      // multi_thread order is not deterministic, and its clock cannot be paused: print neither.
      if (mt || real) expect(source).not.toMatch(/elapsed\(\)/);
    });
  }

  it('runs every scenario and solution and matches its .txt', async () => {
    const runner = scenarioRunner;
    const out: string[] = [];
    const gap = (line: string) => Object.keys(KNOWN_GAPS).some((p) => line.startsWith(p.replace(/\.rs$/, '')));
    for (const path of paths) out.push(...(await problems(path, runner)).filter((l) => !gap(l)));
    for (const path of scenarios.filter((p) => p.includes('/solutions/'))) {
      const r = await runner(files.get(path) ?? '', { file: path, seed: 1 });
      const want = files.get(path.replace(/\.rs$/, '.txt'));
      if (!r.ok) out.push(...r.errors.map((e) => `${path}:${e.line}: does not compile: ${e.message}`));
      else if (r.stdout !== want) out.push(`${path}: stdout differs from its .txt`);
    }
    expect(out).toEqual([]);
  }, 120_000);

  for (const [path, why] of Object.entries(KNOWN_GAPS)) {
    it.fails(`${path} matches its .txt (known gap: ${why})`, async () => {
      const r = await scenarioRunner(files.get(path) ?? '', { file: path, seed: 1 });
      expect(r.ok && r.stdout).toBe(files.get(path.replace(/\.rs$/, '.txt')));
    });
  }
});
