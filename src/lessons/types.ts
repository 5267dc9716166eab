/**
 * The lesson model (design.md §2: lessons/*.md → src/lessons → Lesson). A `SourceLesson` is what
 * the pure parser reads from one markdown file; a `Lesson` is the same after the resolver has
 * attached each scenario's Rust source and expected stdout. The format is documented in
 * lessons/README.md. Every element keeps the 1-based `line` it came from, for `file:line` errors.
 */

/** One problem found in a lesson: printed as `file:line: message` (one sentence). */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export type Parsed<T> =
  { readonly ok: true; readonly lesson: T } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export interface FrontMatter {
  readonly title: string;
  readonly course: string;
  readonly week: number;
  readonly day: number;
  /** Free text, e.g. "2–3 hours". */
  readonly duration: string;
}

/** An inclusive 1-based line range (`focus="5-20"`, `lines="3"`). */
export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Names a moment in a run: the `nth` (1-based) trace event whose type is `at` and which passes the
 * optional filters. `at` is a `SimEvent` type or an alias of event-names.ts.
 */
export interface EventMatcher {
  readonly at: string;
  readonly task?: number;
  readonly nth: number;
  /** For `task.state`: the transition name (e.g. "transition_to_complete"). */
  readonly transition?: string;
  /** For `stdout`/`stderr`: a substring of the printed text. */
  readonly text?: string;
}

export type CueAction = 'pause' | 'highlight' | 'inspect';

/** A state-word flag by its Tokio name (tokio-facts.md §2.1). */
export type StateFlag = 'RUNNING' | 'COMPLETE' | 'NOTIFIED' | 'JOIN_INTEREST' | 'JOIN_WAKER' | 'CANCELLED';

/** A board column (src/store/view/derive-board.ts lane ids). */
export type BoardColumn = 'spawned' | 'notified' | 'running' | 'idle' | 'complete' | 'finished';

/**
 * What a cue says is on screen once it fires, in a form the validator checks against the folded
 * view state at the cue's stop position (lessons/README.md "Cue claims").
 */
export type CueClaim =
  | {
      readonly kind: 'bits';
      readonly task: number;
      readonly set: readonly StateFlag[];
      readonly clear: readonly StateFlag[];
    }
  | { readonly kind: 'word'; readonly task: number; readonly word: number }
  | { readonly kind: 'column'; readonly task: number; readonly column: BoardColumn }
  | { readonly kind: 'queue'; readonly queue: string; readonly tasks: readonly number[] }
  | { readonly kind: 'console'; readonly text: string };

/** A teacher's cue: pause at an event, highlight a task, open the inspector on a task. */
export interface Cue {
  readonly action: CueAction;
  /** When the cue fires; absent for highlight/inspect = from the start of the run. */
  readonly when?: EventMatcher;
  /** pause: only that task's event; highlight/inspect: the task to show (required for those). */
  readonly task?: number;
  /** A sentence shown in the narration when the cue fires. */
  readonly say?: string;
  /** Machine-checked statements about the screen once the cue has fired (absent when none). */
  readonly claims?: readonly CueClaim[];
  readonly line: number;
}

export type ScenarioRef =
  | {
      readonly kind: 'file';
      /** Path relative to the lesson's folder, e.g. "02-detached.rs". */
      readonly file: string;
      readonly seed?: number;
      readonly focus?: LineRange;
      readonly line: number;
    }
  | {
      readonly kind: 'inline';
      /** Its expected stdout is `<name>.txt` beside the lesson. */
      readonly name: string;
      readonly source: string;
      readonly seed?: number;
      readonly focus?: LineRange;
      readonly line: number;
    };

export interface Choice {
  readonly text: string;
  readonly correct: boolean;
}

interface QuizBase {
  readonly prompt: string;
  /** Markdown shown after the learner answered. */
  readonly explain: string;
  readonly line: number;
}

/**
 * Predict-then-run questions. `output`: with choices, the marked one is the answer (and, with
 * `line`, must equal that stdout line); without choices, free text graded against the run's
 * stdout (`lines` narrows it). `next-task`: which task is polled next after `after`. `state-word`:
 * the task's state word right after `after`.
 */
export type Quiz =
  | (QuizBase & { readonly kind: 'output'; readonly choices: Choice[]; readonly lines?: LineRange })
  | (QuizBase & { readonly kind: 'next-task'; readonly after: EventMatcher; readonly choices: Choice[] })
  | (QuizBase & {
      readonly kind: 'state-word';
      readonly after: EventMatcher;
      readonly task: number;
      readonly answer: number;
    });

export type QuizKind = Quiz['kind'];

/** Which checker judges a challenge (src/lessons/challenge): Day 6's pool or Day 7's echo server. */
export type ChallengeKind = 'pool' | 'echo-server';

export const CHALLENGE_KINDS: readonly ChallengeKind[] = ['pool', 'echo-server'];

/** The day's challenge: an editable starter and a reference solution the checker uses. */
export interface ChallengeRef {
  readonly starter: string;
  readonly solution: string;
  /** `kind=`; absent means `pool`, the first challenge's checker. */
  readonly kind?: ChallengeKind;
  readonly line: number;
}

/** Explorer strategies a slide may ask for (issue 16): random seeds, PCT, bounded DFS. */
export type ExploreStrategyName = 'random' | 'pct' | 'dfs';

/** `::explore{…}`: the slide offers "Explore schedules" on its scenario with these settings. */
export interface ExploreRef {
  readonly strategy: ExploreStrategyName;
  readonly runs: number;
  readonly line: number;
}

export interface SourceSlide {
  /** Stable id for URLs: `{#id}` after the title, or the title's slug. */
  readonly id: string;
  readonly title: string;
  /** Markdown prose (without the title line and the directives), rendered with `marked` later. */
  readonly body: string;
  readonly scenario?: ScenarioRef;
  readonly cues: Cue[];
  /** Presenter notes (markdown), empty when none. */
  readonly notes: string;
  readonly quizzes: Quiz[];
  readonly challenge?: ChallengeRef;
  readonly explore?: ExploreRef;
  readonly line: number;
}

export interface SourceLesson {
  readonly file: string;
  readonly meta: FrontMatter;
  readonly slides: SourceSlide[];
}

/** A scenario with its program and its golden stdout. */
export interface Scenario {
  /** Repository path of the `.rs` (or the lesson file for inline scenarios). */
  readonly file: string;
  /** Repository path of the expected stdout `.txt`. */
  readonly expectedFile: string;
  readonly source: string;
  readonly expected: string;
  /** Line in the lesson file that named the scenario. */
  readonly line: number;
  /** Line in `file` where the program starts (1, or the fence's first line for inline ones). */
  readonly firstLine: number;
  readonly seed?: number;
  readonly focus?: LineRange;
}

export interface Challenge {
  readonly kind: ChallengeKind;
  readonly starter: Scenario;
  /** Repository path of the reference solution (not loaded into the app). */
  readonly solutionFile: string;
  readonly line: number;
}

export interface Slide extends Omit<SourceSlide, 'scenario' | 'challenge'> {
  readonly scenario?: Scenario;
  readonly challenge?: Challenge;
}

export interface Lesson {
  /** The lesson's folder name, e.g. "day06-tasks-joinset-cancellation". */
  readonly id: string;
  readonly file: string;
  readonly meta: FrontMatter;
  readonly slides: Slide[];
}
