/**
 * The explore panel's session (issue 16): idle → exploring (progress, runs per second, cancel)
 * → done, or failed. Runs go to the explore worker (src/worker/explore-client.ts), a worker of its
 * own, so the page and the lab's run never wait on them. The clock is injected: runs per second
 * is wall time, which the pure layers never read.
 */
import type { ExploreStore } from '../../store/explorer/index.ts';
import type { RunConfig } from '../../store/index.ts';
import type { ExploreClient } from '../../worker/explore-client.ts';
import type { WireExploreReport } from '../../worker/protocol.ts';
import { formatProblem } from '../worker-bridge/format-problem.ts';
import { MAIN_FILE } from '../worker-bridge/worker-run-source.ts';

export interface ExploreSession {
  /** Explores `source` under the store's settings (replacing an exploration in progress). */
  start(source: string, config: RunConfig): void;
  cancel(): void;
  dispose(): void;
}

export interface ExploreSessionDeps {
  readonly client: Pick<ExploreClient, 'explore' | 'stop' | 'dispose'>;
  /** Wall-clock milliseconds (performance.now in the app). */
  readonly now: () => number;
}

export function createExploreSession(store: ExploreStore, deps: ExploreSessionDeps): ExploreSession {
  let current: number | undefined;
  let startedAt = 0;
  const rate = (r: WireExploreReport): number => {
    const s = (deps.now() - startedAt) / 1000;
    return s > 0 ? r.runs / s : 0;
  };
  return {
    start: (source, config) => {
      const { settings, actions } = store.getState();
      startedAt = deps.now();
      const id = deps.client.explore(
        {
          source,
          file: MAIN_FILE,
          config: { flavor: config.flavor, workers: config.workers, seed: config.seed },
          options: {
            strategy: settings.strategy,
            runs: settings.runs,
            ...(settings.strategy === 'pct' ? { depth: settings.depth } : {}),
            ...(settings.strategy === 'dfs' ? { preemptions: settings.preemptions } : {}),
          },
        },
        {
          progress: (report) => store.getState().actions.progressed(id, report, rate(report)),
          done: (report) => {
            current = undefined;
            store.getState().actions.finished(id, report, rate(report));
          },
          compileError: (problems) => {
            current = undefined;
            store.getState().actions.failed(id, problems.map((p) => formatProblem(MAIN_FILE, p)).join('\n'));
          },
          lost: (message) => {
            current = undefined;
            store.getState().actions.failed(id, message);
          },
        },
      );
      current = id;
      actions.started(id, settings.runs, source);
    },
    cancel: () => {
      const id = current;
      if (id === undefined) return;
      current = undefined;
      deps.client.stop();
      store.getState().actions.cancelled(id);
    },
    dispose: () => {
      current = undefined;
      deps.client.dispose();
    },
  };
}
