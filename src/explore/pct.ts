/**
 * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010; as shuttle's `PctScheduler`):
 * every identity that can be chosen (a thread for `mt.turn`, a branch for `select.start`, …) gets a
 * random priority when first seen, and each decision takes the option of highest priority. At d−1
 * change points, drawn among the decisions a run is expected to make, the identity chosen there
 * drops below every other. A bug that needs d ordering constraints is found with probability at
 * least 1/(n·k^(d−1)) per run, for n identities and k decisions.
 */
import { FastRand, seedFromRunSeed, type ChoiceRequest, type Chooser } from '../sim/index.ts';

export class PctChooser implements Chooser {
  private readonly rng: FastRand;
  private readonly priority = new Map<number, number>();
  /** decision index → rank of the change (1 = first): the lower-priority value it assigns. */
  private readonly changes = new Map<number, number>();

  /**
   * @param runSeed  mixed into the generator, so each run has its own priorities and changes
   * @param depth    d: the bug depth aimed at (d − 1 change points)
   * @param expected k: how many decisions a run makes (the explorer learns it from earlier runs)
   */
  constructor(runSeed: number, depth: number, expected: number) {
    this.rng = new FastRand(seedFromRunSeed(runSeed));
    const k = Math.max(1, expected);
    for (let c = 1; c < depth; c++) {
      const at = this.rng.fastrandN(k);
      if (!this.changes.has(at)) this.changes.set(at, c);
    }
  }

  choose(r: ChoiceRequest): number {
    const best = this.best(r);
    const change = this.changes.get(r.index);
    if (change === undefined) return best;
    // Changed priorities sit below every initial one (those are ≥ 0), later changes lower still.
    this.priority.set(this.identity(r, best), -change);
    return this.best(r);
  }

  private best(r: ChoiceRequest): number {
    let best = 0;
    let top = -Infinity;
    for (let k = 0; k < r.options; k++) {
      const p = this.priorityOf(this.identity(r, k));
      if (p > top) {
        top = p;
        best = k;
      }
    }
    return best;
  }

  private identity(r: ChoiceRequest, k: number): number {
    return r.point * 0x10000 + (r.ids[k] ?? k);
  }

  private priorityOf(id: number): number {
    let p = this.priority.get(id);
    if (p === undefined) {
      p = this.rng.fastrand();
      this.priority.set(id, p);
    }
    return p;
  }
}
