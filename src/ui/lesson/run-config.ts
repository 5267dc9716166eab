/**
 * The run configuration a scenario asks for in its `#[tokio::main(…)]` attribute: the worker
 * overrides the program's flavor with the config it is given, so the lab must pass the program's.
 */
import type { RunConfig } from '../../store/index.ts';

export function configOfSource(source: string, seed: number): RunConfig {
  const attr = /#\[tokio::main\(([^)]*)\)\]/.exec(source)?.[1] ?? '';
  const multi = /flavor\s*=\s*"multi_thread"/.test(attr);
  const workers = Number(/worker_threads\s*=\s*(\d+)/.exec(attr)?.[1] ?? (multi ? 4 : 1));
  return { flavor: multi ? 'multi_thread' : 'current_thread', workers: multi ? Math.max(1, workers) : 1, seed };
}
