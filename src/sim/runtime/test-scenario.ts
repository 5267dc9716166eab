/**
 * (tokio-facts.md §6.2, §13.) Runs a TypeScript-future program on a fresh current_thread runtime and collects its stdout,
 * the way the examples are run (tests only).
 */
import type { Future } from '../future.ts';
import { emitStdout } from './free-functions.ts';
import { createRuntime } from './runtime.ts';
import type { Runtime, RuntimeConfig, RunOutcome } from './runtime.ts';

export interface ScenarioResult<T> {
  readonly out: string[];
  readonly outcome: RunOutcome<T>;
  readonly rt: Runtime;
}

export function runScenario<T>(
  main: () => Future<T>,
  config: Partial<RuntimeConfig> = {},
  shutdown = true,
): ScenarioResult<T> {
  const out: string[] = [];
  const rt = createRuntime({
    flavor: 'current_thread',
    startPaused: true,
    checkRefs: true,
    onOutput: (_s, text) => out.push(text),
    ...config,
  });
  const outcome = rt.runBlockOn(main(), 1_000_000);
  if (shutdown) rt.shutdownNow();
  return { out, outcome, rt };
}

export const say = emitStdout;
