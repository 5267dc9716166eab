/**
 * The checkpointed fold (design.md §2 "seek = checkpoint + fold"): events stream in as batches;
 * the timeline folds them as they arrive and keeps the folded state every K events, so the state
 * after any prefix of the trace is one checkpoint plus at most K−1 reduces away. Going back in
 * time is therefore a view operation; the simulator never runs backwards.
 *
 * Positions count events: position p is the state after the first p events (0 = `initial`,
 * `length` = everything). Steps (one scheduler action each, design.md §4) group consecutive
 * events with the same step index; step position s is the state after the first s steps.
 *
 * Two ways to keep checkpoints cheap, chosen by the caller:
 * - structural sharing (default): `reduce` must return a new state and never mutate its input;
 *   a checkpoint is then a pointer;
 * - `clone`: `reduce` may mutate its input; the timeline clones when it stores a checkpoint and
 *   before folding from one. A state it returns is then only valid until the next call.
 *
 * Memory bound: at most `maxCheckpoints` states are kept; beyond that K doubles and every other
 * checkpoint is dropped, so memory is O(events + maxCheckpoints · state delta).
 */

/**
 * Where the timeline keeps the events it may have to fold again. The default is an array of the
 * event objects; a compact log (e.g. the trace recorder's fixed-width records, decoded on `at`)
 * keeps a million-event trace small, since a seek decodes at most K events.
 */
export interface EventLog<E> {
  readonly length: number;
  push(event: E): void;
  at(index: number): E;
}

export function arrayLog<E>(): EventLog<E> {
  const items: E[] = [];
  return {
    get length() {
      return items.length;
    },
    push: (event) => void items.push(event),
    at: (index) => items[index],
  };
}

export interface FoldTimelineOptions<S, E> {
  readonly initial: S;
  readonly reduce: (state: S, event: E) => S;
  /** Present when `reduce` mutates its input (see the header). */
  readonly clone?: (state: S) => S;
  /** K: events between checkpoints. Default 256 (a seek then costs ≤ 255 reduces). */
  readonly checkpointEvery?: number;
  /** Upper bound on stored checkpoints; K doubles when it would be exceeded. Default 8192. */
  readonly maxCheckpoints?: number;
  /** The step an event belongs to; steps must not decrease along the trace. Default: its index. */
  readonly stepOf?: (event: E, index: number) => number;
  /** Storage for the folded events (default: an array). Must start empty. */
  readonly log?: EventLog<E>;
}

export interface TimelineStats {
  readonly events: number;
  readonly steps: number;
  readonly checkpoints: number;
  readonly checkpointEvery: number;
}

export interface FoldTimeline<S, E> {
  /** Events folded so far. */
  readonly length: number;
  /** Distinct steps seen so far. */
  readonly stepCount: number;
  /** Current K (it grows when the checkpoint bound is reached). */
  readonly checkpointEvery: number;
  /** The cursor: the position of the last `seek`. */
  readonly position: number;
  /** The state at the cursor. */
  readonly state: S;
  /** The state after every event (the live head of the fold). */
  readonly head: S;
  /** Folds a batch onto the head. The cursor does not move. */
  append(batch: readonly E[]): void;
  eventAt(index: number): E | undefined;
  /** State after the first `position` events (clamped to [0, length]); does not move the cursor. */
  stateAt(position: number): S;
  /** Moves the cursor to `position` (clamped) and returns the state there. */
  seek(position: number): S;
  /** Moves the cursor to step position `step` (clamped) and returns the state there. */
  seekStep(step: number): S;
  /** Event position at which step position `step` is reached (the first event of step `step`). */
  positionOfStep(step: number): number;
  /** Steps started within the first `position` events: the step position shown to users. */
  stepAtPosition(position: number): number;
  /** The trace's own step index of step ordinal `ordinal` (undefined when out of range). */
  stepIdOf(ordinal: number): number | undefined;
  /** The ordinal of the first step whose id is ≥ `stepId` (stepCount when none). */
  ordinalOfStepId(stepId: number): number;
  stats(): TimelineStats;
}

const DEFAULT_K = 256;
const DEFAULT_MAX_CHECKPOINTS = 8192;

function clampInt(n: number, lo: number, hi: number): number {
  if (Number.isNaN(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}

/** Index of the first element of sorted `xs` that is ≥ `value`. */
function lowerBound(xs: readonly number[], value: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class CheckpointedFold<S, E> implements FoldTimeline<S, E> {
  private readonly events: EventLog<E>;
  /** checkpoints[j] = state after j·K events. */
  private checkpoints: S[];
  private k: number;
  private headState: S;
  private cursorPos = 0;
  private cursorState: S;
  /** Step ids in order and the event index at which each starts. */
  private readonly stepIds: number[] = [];
  private readonly stepStarts: number[] = [];
  private readonly reduce: (state: S, event: E) => S;
  private readonly clone: ((state: S) => S) | undefined;
  private readonly maxCheckpoints: number;
  private readonly stepOf: (event: E, index: number) => number;

  constructor(options: FoldTimelineOptions<S, E>) {
    const k = options.checkpointEvery ?? DEFAULT_K;
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`checkpointEvery must be a positive integer, got ${k}`);
    const maxCheckpoints = options.maxCheckpoints ?? DEFAULT_MAX_CHECKPOINTS;
    if (!Number.isInteger(maxCheckpoints) || maxCheckpoints < 2) {
      throw new RangeError(`maxCheckpoints must be an integer ≥ 2, got ${maxCheckpoints}`);
    }
    this.events = options.log ?? arrayLog<E>();
    if (this.events.length !== 0) throw new RangeError('the event log must start empty');
    this.k = k;
    this.maxCheckpoints = maxCheckpoints;
    this.reduce = options.reduce;
    this.clone = options.clone;
    this.stepOf = options.stepOf ?? ((_event, index) => index);
    this.checkpoints = [this.copy(options.initial)];
    this.headState = this.copy(options.initial);
    this.cursorState = this.copy(options.initial);
  }

  get length(): number {
    return this.events.length;
  }
  get stepCount(): number {
    return this.stepIds.length;
  }
  get checkpointEvery(): number {
    return this.k;
  }
  get position(): number {
    return this.cursorPos;
  }
  get state(): S {
    return this.cursorState;
  }
  get head(): S {
    return this.headState;
  }

  append(batch: readonly E[]): void {
    const { events, reduce } = this;
    let head = this.headState;
    for (let b = 0; b < batch.length; b++) {
      const event = batch[b];
      const index = events.length;
      events.push(event);
      this.noteStep(event, index);
      head = reduce(head, event);
      if ((index + 1) % this.k === 0) {
        this.checkpoints.push(this.copy(head));
        if (this.checkpoints.length > this.maxCheckpoints) this.thin();
      }
    }
    this.headState = head;
  }

  eventAt(index: number): E | undefined {
    return Number.isInteger(index) && index >= 0 && index < this.events.length ? this.events.at(index) : undefined;
  }

  stateAt(position: number): S {
    const p = clampInt(position, 0, this.events.length);
    if (p === this.events.length) return this.headState;
    if (p === this.cursorPos) return this.cursorState;
    const base = p - (p % this.k);
    // Folding on from the cursor is cheaper when it sits between the checkpoint and p; with
    // `clone` it must be copied first because stateAt does not move the cursor.
    if (this.cursorPos >= base && this.cursorPos < p) {
      return this.foldRange(this.copy(this.cursorState), this.cursorPos, p);
    }
    return this.foldRange(this.copy(this.checkpoints[base / this.k]), base, p);
  }

  seek(position: number): S {
    const p = clampInt(position, 0, this.events.length);
    if (p === this.cursorPos) return this.cursorState;
    if (p === this.events.length) {
      this.cursorState = this.copy(this.headState);
    } else {
      const base = p - (p % this.k);
      const from = this.cursorPos >= base && this.cursorPos < p ? this.cursorPos : base;
      const start = from === this.cursorPos ? this.cursorState : this.copy(this.checkpoints[base / this.k]);
      this.cursorState = this.foldRange(start, from, p);
    }
    this.cursorPos = p;
    return this.cursorState;
  }

  seekStep(step: number): S {
    return this.seek(this.positionOfStep(step));
  }

  positionOfStep(step: number): number {
    const s = clampInt(step, 0, this.stepIds.length);
    return s === this.stepIds.length ? this.events.length : this.stepStarts[s];
  }

  stepAtPosition(position: number): number {
    const p = clampInt(position, 0, this.events.length);
    // Steps whose first event lies before p have started.
    return lowerBound(this.stepStarts, p);
  }

  stepIdOf(ordinal: number): number | undefined {
    return this.stepIds[ordinal];
  }

  ordinalOfStepId(stepId: number): number {
    return lowerBound(this.stepIds, stepId);
  }

  stats(): TimelineStats {
    return {
      events: this.events.length,
      steps: this.stepIds.length,
      checkpoints: this.checkpoints.length,
      checkpointEvery: this.k,
    };
  }

  private foldRange(state: S, from: number, to: number): S {
    const { events, reduce } = this;
    let s = state;
    for (let i = from; i < to; i++) s = reduce(s, events.at(i));
    return s;
  }

  private noteStep(event: E, index: number): void {
    const id = this.stepOf(event, index);
    const n = this.stepIds.length;
    if (n > 0) {
      const last = this.stepIds[n - 1];
      if (id === last) return;
      if (id < last) throw new RangeError(`step ids must not decrease: event ${index} has step ${id} after ${last}`);
    }
    this.stepIds.push(id);
    this.stepStarts.push(index);
  }

  /** Doubles K, keeping the checkpoints that remain on the new grid. */
  private thin(): void {
    const kept: S[] = [];
    for (let j = 0; j < this.checkpoints.length; j += 2) kept.push(this.checkpoints[j]);
    this.checkpoints = kept;
    this.k *= 2;
  }

  private copy(state: S): S {
    return this.clone === undefined ? state : this.clone(state);
  }
}

export function createFoldTimeline<S, E>(options: FoldTimelineOptions<S, E>): FoldTimeline<S, E> {
  return new CheckpointedFold<S, E>(options);
}
