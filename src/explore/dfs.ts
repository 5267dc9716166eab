/**
 * Bounded depth-first search over the choices (as CHESS / loom with a preemption bound): the
 * first run takes, at every decision, the option that does not preempt (the thread that acted
 * last goes on, else option 0); each next run keeps the previous run's decisions up to the deepest
 * one with an untried option, takes that option, and continues with defaults. Switching away from
 * a thread that could go on costs one preemption; options over the bound are skipped, and so is
 * branching past `depth` decisions. When the stack empties every schedule within the bounds has
 * run; the search says whether the bounds cut anything.
 */
import { ChoicePoint, type ChoiceRequest, type Chooser } from '../sim/index.ts';

interface Frame {
  readonly point: ChoicePoint;
  readonly options: number;
  /** Options in the order they are tried. */
  readonly order: readonly number[];
  /** Preemptions each entry of `order` costs (0 or 1). */
  readonly cost: readonly number[];
  cursor: number;
}

export interface DfsBounds {
  /** Most preemptions one schedule may make. */
  readonly preemptions: number;
  /** Decisions past this index are not branched on. */
  readonly depth: number;
}

export class DfsSearch {
  private readonly stack: Frame[] = [];
  private done = false;
  /** Branches left out because of the preemption bound. */
  cutByPreemptions = 0;
  /** Runs that made decisions past the depth bound (those were not branched on). */
  cutByDepth = 0;
  /** A decision did not match the frame recorded for it: the program is not deterministic. */
  nondeterministic = false;

  constructor(readonly bounds: DfsBounds) {}

  get exhausted(): boolean {
    return this.done;
  }

  /** A chooser for the next run (follow the stack, then extend it with defaults). */
  chooser(): DfsRunChooser {
    return new DfsRunChooser(this.stack, this.bounds, () => {
      this.nondeterministic = true;
    });
  }

  /** After a run: move to the next schedule. Returns false when none is left. */
  advance(runPastDepth: boolean): boolean {
    if (runPastDepth) this.cutByDepth++;
    const stack = this.stack;
    // Preemptions spent before each frame.
    const spent: number[] = [];
    let total = 0;
    for (const f of stack) {
      spent.push(total);
      total += f.cost[f.cursor] ?? 0;
    }
    while (stack.length > 0) {
      const top = stack.length - 1;
      const f = stack[top];
      if (f === undefined) break;
      const before = spent[top] ?? 0;
      let next = -1;
      for (let c = f.cursor + 1; c < f.order.length; c++) {
        if (before + (f.cost[c] ?? 0) <= this.bounds.preemptions) {
          next = c;
          break;
        }
        this.cutByPreemptions++;
      }
      if (next >= 0) {
        // Alternatives between the old cursor and `next` that were over the bound are counted above.
        f.cursor = next;
        return true;
      }
      stack.pop();
    }
    this.done = true;
    return false;
  }
}

/** One run's chooser: replays the stack's decisions, then pushes a frame per new decision. */
export class DfsRunChooser implements Chooser {
  /** The run decided past the depth bound (those decisions took their default). */
  pastDepth = false;

  constructor(
    private readonly stack: Frame[],
    private readonly bounds: DfsBounds,
    private readonly onMismatch: () => void,
  ) {}

  choose(r: ChoiceRequest): number {
    const i = r.index;
    const f = this.stack[i];
    if (f !== undefined) {
      if (f.options !== r.options || f.point !== r.point) this.onMismatch();
      const v = f.order[f.cursor] ?? 0;
      return v < r.options ? v : 0;
    }
    const frame = newFrame(r);
    if (i >= this.bounds.depth) this.pastDepth = true;
    else this.stack.push(frame);
    return frame.order[0] ?? 0;
  }
}

function newFrame(r: ChoiceRequest): Frame {
  const n = r.options;
  const order: number[] = [];
  const cost: number[] = [];
  let stay = -1;
  if (r.point === ChoicePoint.MtTurn && r.current >= 0) {
    for (let k = 0; k < n; k++) if (r.ids[k] === r.current) stay = k;
  }
  if (stay >= 0) {
    order.push(stay);
    cost.push(0);
  }
  for (let k = 0; k < n; k++) {
    if (k === stay) continue;
    order.push(k);
    cost.push(stay >= 0 ? 1 : 0);
  }
  return { point: r.point, options: n, order, cost, cursor: 0 };
}
