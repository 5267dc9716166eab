/**
 * (tokio-facts.md §6.2, §13.) Runs a TypeScript-future program on a fresh current_thread runtime and collects its stdout,
 * the way the examples are run (tests only).
 */
import type { Future } from '../future.ts';
import { emitStdout } from './free-functions.ts';
import { CurrentThreadRuntime } from './runtime.ts';
import type { RuntimeConfig, RunOutcome } from './sim-runtime.ts';

export interface ScenarioResult<T> {
  readonly out: string[];
  readonly outcome: RunOutcome<T>;
  readonly rt: CurrentThreadRuntime;
}

export function runScenario<T>(
  main: () => Future<T>,
  config: Partial<Omit<RuntimeConfig, 'flavor'>> = {},
  shutdown = true,
): ScenarioResult<T> {
  const out: string[] = [];
  const rt = new CurrentThreadRuntime({
    startPaused: true,
    checkRefs: true,
    onOutput: (_s, text) => out.push(text),
    ...config,
    flavor: 'current_thread',
  });
  const outcome = rt.runBlockOn(main(), 1_000_000);
  if (shutdown) rt.shutdownNow();
  return { out, outcome, rt };
}

export const say = emitStdout;
