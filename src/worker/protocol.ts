/**
 * The versioned protocol between the page and the simulation worker (design.md §2, §3; after
 * tldraw's sync-core protocol): one union of commands the page sends, one union of messages the
 * worker sends, and the wire form of an event batch. Both sides switch over these exhaustively, so
 * adding a variant is a compile error until every side handles it. Bump PROTOCOL_VERSION whenever a
 * shape changes: a worker and page built from different versions refuse each other at `hello`.
 */

export const PROTOCOL_VERSION = 5;

/** What a run is configured with (design.md §4: a run is program, config, seed, choices). */
export interface WireRunConfig {
  readonly flavor: 'current_thread' | 'multi_thread';
  readonly workers: number;
  readonly seed: number;
  /**
   * A schedule to replay (src/explore/key.ts): its seed replaces `seed`, its forced decisions are
   * taken as recorded. Absent: the seed's own draws.
   */
  readonly replayKey?: string;
  /**
   * Network faults to inject, each in the text form `npm run sim -- --fault` takes
   * (src/sim/net/faults.ts `parseFault`), e.g. `reset:conn=2:step=40:by=server`.
   */
  readonly faults?: readonly string[];
  /**
   * Ctrl-C presses by hand (issue 17): each arrives right after that scheduler step. A replay
   * from the start with the same presses reproduces the run, so they belong to its inputs.
   */
  readonly ctrlCAfterSteps?: readonly number[];
  /** Faults drawn from the seed: each connect fails with this probability, in (0, 1]. */
  readonly faultRate?: number;
}

/** How to explore (src/explore): strategy, run budget and bounds. */
export interface WireExploreOptions {
  readonly strategy: 'random' | 'pct' | 'dfs';
  readonly runs: number;
  /** pct: bug depth d; dfs: decisions past this are not branched on. */
  readonly depth?: number;
  /** dfs: most preemptions per schedule. */
  readonly preemptions?: number;
  /** Wall time per slice of runs before progress is posted and messages are read (default 16). */
  readonly sliceMs?: number;
}

/** One group of runs with the same outcome. */
export interface WireOutcomeGroup {
  readonly status: 'ok' | 'error' | 'panic' | 'deadlock' | 'step-limit' | 'runaway' | 'internal';
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** One sentence per distinct diagnostic (leaked task, lost wake-up, …). */
  readonly findings: readonly string[];
  readonly count: number;
  /** The group's first run (0-based) and its schedule, ready for `WireRunConfig.replayKey`. */
  readonly firstRun: number;
  readonly replayKey: string;
  /** Where that run first parted from the most common group's first run (null for that group). */
  readonly partedAt: {
    readonly step: number;
    /** Index of the decision (the how-many-th choice event of the run). */
    readonly decision: number;
    readonly what: string;
    /** The option the most common run took there, when it faced the same decision. */
    readonly mainTaken?: number;
  } | null;
}

export interface WireExploreReport {
  readonly strategy: WireExploreOptions['strategy'];
  readonly runs: number;
  /** Most common first. */
  readonly groups: readonly WireOutcomeGroup[];
  /** dfs only: every schedule within the bounds ran (`cut`: the bounds left some out). */
  readonly covered?: { readonly exhausted: boolean; readonly cut: boolean };
}

/** A located problem in the learner's program (compile error, or a runtime stop at a line). */
export interface SourceProblem {
  /** 1-based; 0 when the problem has no place in the source. */
  readonly line: number;
  readonly col: number;
  readonly endLine?: number;
  readonly endCol?: number;
  readonly message: string;
  readonly hint?: string;
  /** A warning the program still runs with (rustc's lints); absent for an error. */
  readonly severity?: 'warning';
}

/** A finding of the simulator's diagnostics fold (src/sim/diagnostics), ready to show. */
export interface RunFinding {
  readonly kind: string;
  readonly message: string;
  /** The task it concerns (0: none) and the line it points at (0: none). */
  readonly task: number;
  readonly line: number;
  /** The trace step it belongs to (−1: the end of the run). */
  readonly step: number;
}

/**
 * Trace events as they cross the worker boundary: fixed-width records in transferable buffers.
 * Record i occupies words[i·EVENT_WORDS ..]: kind | c << 8, task, a, b, step; its virtual time
 * (ns) is times[i]. Its trace index is first + i. `strings` carries every interned string the
 * records reference that an earlier batch of the run has not carried yet.
 */
export interface WireBatch {
  readonly first: number;
  readonly count: number;
  readonly words: Uint32Array;
  readonly times: Float64Array;
  readonly strings: readonly (readonly [id: number, text: string])[];
}

export const EVENT_WORDS = 5;

/** One async body of a suspended task's future (the interpreter's saved-locals.ts SavedFrame). */
export interface WireSavedFrame {
  /** rustc's name for the state it is in: `fetch::Suspend2`. */
  readonly state: string;
  /** The `.await` it is suspended at. */
  readonly line: number;
  /** Its locals held across that `.await`, as `{:?}` text (capped). */
  readonly locals: readonly { readonly name: string; readonly value: string }[];
}

/**
 * What a task's future held when it suspended: frames innermost first. It holds from trace
 * index `at` (the events of that poll's end) until the task's next suspension.
 */
export interface WireLocals {
  readonly task: number;
  readonly at: number;
  readonly frames: readonly WireSavedFrame[];
}

/** Why a run ended. */
export type RunEnd =
  | { readonly kind: 'finished'; readonly exitCode: number }
  /** The program stopped with a located message (a panic in main, the interpreter's step limit). */
  | { readonly kind: 'failed'; readonly problem: SourceProblem }
  /** The run produced more events than the lab keeps. */
  | { readonly kind: 'truncated'; readonly events: number }
  /** The learner pressed Stop (the page's own end: the worker only confirms with `stopped`). */
  | { readonly kind: 'stopped'; readonly events: number };

export type WorkerCommand =
  | { readonly type: 'hello'; readonly version: number }
  /** Compiles `source` and prepares a run; answered by `loaded` or `compile-error`. */
  | {
      readonly type: 'load';
      readonly runId: number;
      readonly source: string;
      readonly file: string;
      readonly config: WireRunConfig;
    }
  /**
   * Lets the loaded run go on for `batches` more batches (credit-based flow control: the page
   * grants more as it folds what it got). Each batch is at most `sliceMs` of simulation.
   */
  | { readonly type: 'run'; readonly runId: number; readonly batches: number; readonly sliceMs: number }
  /** Ends the run; always answered by `stopped`. */
  | { readonly type: 'stop'; readonly runId: number }
  | { readonly type: 'ping'; readonly nonce: number }
  /**
   * The lab's Ctrl-C button (issue 17): runs the program loaded as run `from` again from the
   * start, as run `runId`, with its config's presses plus one right after step `afterStep`
   * (no compile: the program is the same). Answered like `load`; the page replays the new run
   * to that step and plays on.
   */
  | { readonly type: 'ctrl-c'; readonly runId: number; readonly from: number; readonly afterStep: number }
  /**
   * Runs the program under many schedules (issue 16); answered by `explore-progress` after each
   * slice and one `explore-done`, or `compile-error`. A `stop` with the same runId ends it.
   */
  | {
      readonly type: 'explore';
      readonly runId: number;
      readonly source: string;
      readonly file: string;
      readonly config: WireRunConfig;
      readonly options: WireExploreOptions;
    };

export type WorkerMessage =
  | { readonly type: 'ready'; readonly version: number }
  /** Compiled and ready to run; `warnings` are rustc's warnings about the program. */
  | { readonly type: 'loaded'; readonly runId: number; readonly warnings?: readonly SourceProblem[] }
  | { readonly type: 'compile-error'; readonly runId: number; readonly problems: readonly SourceProblem[] }
  /** `locals`: the saved locals of tasks that suspended within the batch's events, if recorded. */
  | {
      readonly type: 'batch';
      readonly runId: number;
      readonly batch: WireBatch;
      readonly locals?: readonly WireLocals[];
    }
  | {
      readonly type: 'done';
      readonly runId: number;
      readonly end: RunEnd;
      readonly findings: readonly RunFinding[];
    }
  | { readonly type: 'stopped'; readonly runId: number }
  | { readonly type: 'pong'; readonly nonce: number }
  | { readonly type: 'explore-progress'; readonly runId: number; readonly report: WireExploreReport }
  | { readonly type: 'explore-done'; readonly runId: number; readonly report: WireExploreReport }
  /** A command the worker could not accept (wrong version, unknown run); never a program error. */
  | { readonly type: 'refused'; readonly message: string };

/** For the `default:` branch of an exhaustive switch. */
export function unreachable(x: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}

/** The buffers to transfer (not copy) with a message. */
export function transferablesOf(message: WorkerMessage): Transferable[] {
  switch (message.type) {
    case 'batch':
      return [message.batch.words.buffer, message.batch.times.buffer];
    case 'ready':
    case 'loaded':
    case 'compile-error':
    case 'done':
    case 'stopped':
    case 'pong':
    case 'explore-progress':
    case 'explore-done':
    case 'refused':
      return [];
    default:
      return unreachable(message, 'worker message');
  }
}
