/** The run in progress (explicit runtimes built by the program join its simulated world). */
import type { SimWorld } from '../sim.ts';

export interface CurrentRun {
  readonly world: SimWorld;
}

let current: CurrentRun | null = null;

export function setCurrentRunner(r: CurrentRun): void {
  current = r;
}

export function currentRun(): CurrentRun {
  if (!current) throw new Error('no program is running');
  return current;
}
