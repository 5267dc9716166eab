/**
 * An `EngineRun` over one simulated runtime (tokio-facts.md §6.2 block_on, §4(f) shutdown):
 * `block_on(main)` one scheduler step at a time, then the runtime's drop, step by step, exactly
 * as returning from `#[tokio::main]` does. Used for programs whose main future is already built
 * (tests, benchmarks, an interpreter that hands over its main future).
 */
import type { Future, Runtime } from '../sim/index.ts';
import type { BlockOn } from '../sim/index.ts';
import type { AdvanceResult, EngineRun } from './engine.ts';
import { problemOf } from './engine.ts';
import type { TraceReader } from './wire.ts';

const NO_PLACE = { line: 0, col: 0 } as const;

export class RuntimeRun implements EngineRun {
  private readonly blockOn: BlockOn<unknown>;
  private phase: 'main' | 'shutdown' | 'over' = 'main';
  private result: AdvanceResult = { kind: 'running' };

  constructor(
    private readonly runtime: Runtime,
    main: Future<unknown>,
  ) {
    this.blockOn = runtime.startBlockOn(main);
  }

  get trace(): TraceReader {
    return this.runtime.trace;
  }

  advance(maxSteps: number): AdvanceResult {
    try {
      for (let i = 0; i < maxSteps && this.phase !== 'over'; i++) this.step();
    } catch (error) {
      this.over({ kind: 'failed', problem: problemOf(error) });
    }
    return this.result;
  }

  dispose(): void {
    this.phase = 'over';
  }

  private step(): void {
    const r = this.runtime.tick();
    if (this.phase === 'main') {
      if (r.kind === 'deadlock') {
        this.over({
          kind: 'failed',
          problem: { ...NO_PLACE, message: 'deadlock: nothing can ever wake block_on again (real Tokio hangs here)' },
        });
        return;
      }
      const s = this.blockOn.status;
      if (s.kind === 'running') return;
      if (s.kind === 'panicked') {
        this.over({ kind: 'failed', problem: { ...NO_PLACE, message: `main panicked: ${s.panic.message}` } });
        return;
      }
      this.phase = 'shutdown';
      this.runtime.shutdown();
      return;
    }
    if (r.kind === 'idle') this.over({ kind: 'finished', exitCode: 0 });
  }

  private over(result: AdvanceResult): void {
    this.phase = 'over';
    this.result = result;
  }
}
