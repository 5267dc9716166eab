/**
 * The challenge checker's runner in the app: each seed's program runs in its own simulation
 * worker (src/worker/client.ts), off the page's thread, so a learner's runaway loop costs one
 * restarted worker and a clear message, never the page or their code. The schedule search
 * (issue 16) explores in an explore worker of its own, with PCT over a bounded number of runs.
 */
import type { ChallengeRun, ChallengeRunner, ScheduleSearch } from '../../lessons/challenge/check-challenge.ts';
import type { SimEvent } from '../../store/index.ts';
import { SimWorkerClient, browserTimers, createSimWorker } from '../../worker/client.ts';
import { ExploreClient } from '../../worker/explore-client.ts';
import type { WorkerFactory } from '../../worker/client.ts';
import { configOfSource } from '../lesson/run-config.ts';

/** Schedules the checker explores: enough for PCT to find a rare interleaving in seconds. */
export const SEARCH_RUNS = 200;

export function workerChallengeRunner(
  factory?: WorkerFactory,
  searchRuns: number = SEARCH_RUNS,
): {
  run: ChallengeRunner;
  search: ScheduleSearch;
  dispose(): void;
} {
  let client: SimWorkerClient | undefined;
  let explorer: ExploreClient | undefined;
  const get = (): SimWorkerClient => (client ??= new SimWorkerClient(factory));
  const search: ScheduleSearch = (source, seed) =>
    new Promise((resolve) => {
      explorer ??= new ExploreClient(factory ?? createSimWorker, browserTimers);
      explorer.explore(
        {
          source,
          file: 'src/main.rs',
          config: configOfSource(source, seed),
          options: { strategy: 'pct', runs: searchRuns, depth: 3 },
        },
        {
          progress: () => undefined,
          done: (report) => resolve({ ok: true, keys: report.groups.map((g) => g.replayKey), runs: report.runs }),
          compileError: (problems) => resolve({ ok: false, message: problems[0]?.message ?? 'does not compile' }),
          lost: (message) => resolve({ ok: false, message }),
        },
      );
    });
  const run: ChallengeRunner = (source, seed, replayKey) =>
    new Promise<ChallengeRun>((resolve) => {
      const events: SimEvent[] = [];
      let stdout = '';
      get().start(
        {
          source,
          file: 'src/main.rs',
          config: { ...configOfSource(source, seed), ...(replayKey !== undefined ? { replayKey } : {}) },
        },
        {
          events: (batch) => {
            for (const e of batch) {
              events.push(e);
              if (e.type === 'stdout') stdout += e.text;
            }
          },
          compileError: (problems) => {
            const p = problems[0];
            resolve({ ok: false, message: p?.message ?? 'the program does not compile', line: p?.line ?? 0 });
          },
          done: (end) => {
            if (end.kind === 'failed') resolve({ ok: false, message: end.problem.message, line: end.problem.line });
            else if (end.kind === 'truncated')
              resolve({ ok: false, message: `the run was cut off after ${end.events} events` });
            else resolve({ ok: true, stdout, events });
          },
          lost: (message) => resolve({ ok: false, message }),
        },
      );
    });
  return {
    run,
    search,
    dispose: () => {
      client?.dispose();
      client = undefined;
      explorer?.dispose();
      explorer = undefined;
    },
  };
}
