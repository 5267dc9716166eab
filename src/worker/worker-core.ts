/**
 * The worker's loop, free of the Worker global so it runs in unit tests: it answers commands
 * (protocol.ts), runs the loaded program in slices of at most `sliceMs` of wall time, posts each
 * slice's events as one batch, and yields to the event loop between slices so a `stop` is read
 * within one slice (design.md §2: sim ticks are not UI frames). The page grants batches as
 * credit; with none left the loop waits, so a fast simulation cannot flood a slow page.
 */
import { decodeEvent, describeDiagnostic, diagnose } from '../sim/index.ts';
import type { SimEvent } from '../sim/index.ts';
import type { Engine, EngineExploration, EngineRun } from './engine.ts';
import { problemOf } from './engine.ts';
import { PROTOCOL_VERSION, unreachable } from './protocol.ts';
import type { RunEnd, RunFinding, SourceProblem, WireRunConfig, WorkerCommand, WorkerMessage } from './protocol.ts';
import { BatchPacker } from './wire.ts';
import type { TraceReader } from './wire.ts';

export interface WorkerHost {
  post(message: WorkerMessage): void;
  /** Milliseconds from any fixed origin (performance.now in the worker). */
  now(): number;
  /** Runs `task` after the event loop has had a chance to deliver pending messages. */
  defer(task: () => void): void;
}

/** `run` on the host's next turn; asking again before then queues nothing more. */
function deferOnce(host: WorkerHost, run: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    host.defer(() => {
      queued = false;
      run();
    });
  };
}

export interface WorkerLimits {
  /** A run that records more events than this is cut off (the page keeps every event). */
  readonly maxEvents: number;
  /** A batch holds at most this many events, so one message never stalls the page. */
  readonly maxBatchEvents: number;
}

export const DEFAULT_LIMITS: WorkerLimits = { maxEvents: 2_000_000, maxBatchEvents: 65_536 };
const MIN_SLICE_MS = 1;
/**
 * A run's first batch is cut short, by time, by size and at the first step that recorded events,
 * so the page can fold it and draw the run's first frame at once (issue 15: within 200 ms of Run)
 * while the rest streams in behind it.
 */
const FIRST_SLICE_MS = 2;
const FIRST_BATCH_EVENTS = 4096;
const MAX_STEPS_PER_ADVANCE = 4096;

interface ActiveExploration {
  readonly runId: number;
  readonly exploration: EngineExploration;
  readonly sliceMs: number;
}

/** Default wall time of one slice of an exploration's runs. */
const EXPLORE_SLICE_MS = 16;

interface ActiveRun {
  readonly runId: number;
  readonly run: EngineRun;
  readonly packer: BatchPacker;
  credit: number;
  sliceMs: number;
  /** Steps per `advance` call; grows while advances are cheap compared to the slice. */
  chunk: number;
  /** Batches posted so far. */
  posted: number;
}

/** Every event of a trace, decoded (the diagnostics fold takes SimEvents). */
function* eventsOf(trace: TraceReader): Generator<SimEvent> {
  const str = (i: number): string => trace.string(i);
  for (const r of trace.raws(0)) yield decodeEvent(r, str);
}

export function findingsOf(trace: TraceReader): RunFinding[] {
  return diagnose(eventsOf(trace)).map((d) => ({
    kind: d.kind,
    message: describeDiagnostic(d),
    task: 'task' in d ? d.task : 0,
    line: 'line' in d ? d.line : 0,
    step: 'step' in d ? d.step : -1,
  }));
}

/** The program of the last `load`, kept so a Ctrl-C press can start it again without compiling. */
interface Loaded {
  readonly runId: number;
  readonly compiled: Extract<ReturnType<Engine['compile']>, { ok: true }>;
  readonly config: WireRunConfig;
}

export class WorkerCore {
  private active: ActiveRun | undefined;
  private loaded: Loaded | undefined;
  private exploring: ActiveExploration | undefined;
  /** Slices run on later turns of the worker's loop, at most one queued of each kind. */
  private readonly schedule: () => void;
  private readonly scheduleExplore: () => void;

  constructor(
    private readonly engine: Engine,
    private readonly host: WorkerHost,
    private readonly limits: WorkerLimits = DEFAULT_LIMITS,
  ) {
    this.schedule = deferOnce(host, () => this.slice());
    this.scheduleExplore = deferOnce(host, () => this.exploreSlice());
  }

  handle(command: WorkerCommand): void {
    switch (command.type) {
      case 'hello':
        if (command.version === PROTOCOL_VERSION) this.host.post({ type: 'ready', version: PROTOCOL_VERSION });
        else this.refuse(`protocol version ${command.version} is not this worker's ${PROTOCOL_VERSION}`);
        return;
      case 'load':
        this.load(command);
        return;
      case 'run': {
        const a = this.active;
        // Commands for a run that has ended or been replaced are stale, not errors.
        if (a === undefined || a.runId !== command.runId) return;
        a.credit += Math.max(0, Math.floor(command.batches));
        a.sliceMs = Math.max(MIN_SLICE_MS, command.sliceMs);
        this.schedule();
        return;
      }
      case 'stop':
        if (this.active?.runId === command.runId) this.end();
        if (this.exploring?.runId === command.runId) this.exploring = undefined;
        this.host.post({ type: 'stopped', runId: command.runId });
        return;
      case 'explore':
        this.explore(command);
        return;
      case 'ping':
        this.host.post({ type: 'pong', nonce: command.nonce });
        return;
      case 'ctrl-c':
        this.ctrlC(command);
        return;
      default:
        unreachable(command, 'worker command');
    }
  }

  /** One job at a time: a new exploration replaces whatever ran before, as a new load does. */
  private explore(command: Extract<WorkerCommand, { type: 'explore' }>): void {
    this.end();
    this.exploring = undefined;
    let exploration: EngineExploration;
    try {
      const compiled = this.engine.compile(command.source, command.file);
      if (!compiled.ok) {
        this.host.post({ type: 'compile-error', runId: command.runId, problems: compiled.problems });
        return;
      }
      if (compiled.explore === undefined) {
        this.refuse('this engine cannot explore schedules');
        return;
      }
      exploration = compiled.explore(command.config, command.options);
    } catch (error) {
      this.host.post({ type: 'compile-error', runId: command.runId, problems: [problemOf(error)] });
      return;
    }
    this.exploring = {
      runId: command.runId,
      exploration,
      sliceMs: Math.max(MIN_SLICE_MS, command.options.sliceMs ?? EXPLORE_SLICE_MS),
    };
    this.scheduleExplore();
  }

  /** Runs until the slice's time is up (at least one run), then posts progress or the end. */
  private exploreSlice(): void {
    const x = this.exploring;
    if (x === undefined) return;
    const start = this.host.now();
    let more = x.exploration.next();
    while (more && this.host.now() - start < x.sliceMs) more = x.exploration.next();
    const report = x.exploration.report();
    if (more) {
      this.host.post({ type: 'explore-progress', runId: x.runId, report });
      this.scheduleExplore();
      return;
    }
    this.exploring = undefined;
    this.host.post({ type: 'explore-done', runId: x.runId, report });
  }

  private load(command: Extract<WorkerCommand, { type: 'load' }>): void {
    this.end();
    this.exploring = undefined;
    let run: EngineRun;
    let warnings: readonly SourceProblem[];
    try {
      const compiled = this.engine.compile(command.source, command.file);
      if (!compiled.ok) {
        this.host.post({ type: 'compile-error', runId: command.runId, problems: compiled.problems });
        return;
      }
      this.loaded = { runId: command.runId, compiled, config: command.config };
      run = compiled.start(command.config);
      warnings = compiled.warnings ?? [];
    } catch (error) {
      this.host.post({ type: 'compile-error', runId: command.runId, problems: [problemOf(error)] });
      return;
    }
    this.begin(command.runId, run, warnings);
  }

  private begin(runId: number, run: EngineRun, warnings: readonly SourceProblem[]): void {
    this.active = { runId, run, packer: new BatchPacker(run.trace), credit: 0, sliceMs: 8, chunk: 1, posted: 0 };
    this.host.post(warnings.length > 0 ? { type: 'loaded', runId, warnings } : { type: 'loaded', runId });
  }

  /** The same program from the start with one more Ctrl-C press (protocol.ts `ctrl-c`). */
  private ctrlC(command: Extract<WorkerCommand, { type: 'ctrl-c' }>): void {
    const l = this.loaded;
    if (l === undefined || l.runId !== command.from) {
      this.refuse(`Ctrl-C for run ${command.from}, which is not the loaded program`);
      return;
    }
    this.end();
    this.exploring = undefined;
    const presses = [...(l.config.ctrlCAfterSteps ?? []), command.afterStep];
    const config: WireRunConfig = { ...l.config, ctrlCAfterSteps: presses };
    let run: EngineRun;
    try {
      run = l.compiled.start(config);
    } catch (error) {
      this.host.post({ type: 'compile-error', runId: command.runId, problems: [problemOf(error)] });
      return;
    }
    this.loaded = { ...l, runId: command.runId, config };
    this.begin(command.runId, run, []);
  }

  /** One slice: advance until the time budget, the batch size or the end; post what it made. */
  private slice(): void {
    const a = this.active;
    if (a === undefined || a.credit <= 0) return;
    const { host, limits } = this;
    const start = host.now();
    const first = a.posted === 0;
    const sliceMs = first ? Math.min(a.sliceMs, FIRST_SLICE_MS) : a.sliceMs;
    const batchEvents = first ? Math.min(limits.maxBatchEvents, FIRST_BATCH_EVENTS) : limits.maxBatchEvents;
    let end: RunEnd | undefined;
    for (;;) {
      const before = host.now();
      const r = a.run.advance(a.chunk);
      if (r.kind !== 'running') {
        end =
          r.kind === 'finished' ? { kind: 'finished', exitCode: r.exitCode } : { kind: 'failed', problem: r.problem };
        break;
      }
      const total = a.packer.packed + a.packer.pending;
      if (total > limits.maxEvents) {
        end = { kind: 'truncated', events: limits.maxEvents };
        break;
      }
      const after = host.now();
      if (after - before < a.sliceMs / 8) a.chunk = Math.min(MAX_STEPS_PER_ADVANCE, a.chunk * 2);
      else if (a.chunk > 1) a.chunk >>= 1;
      if (after - start >= sliceMs || a.packer.pending >= batchEvents) break;
      // The first events go out as soon as there are any: the next step may be a long one (a
      // main that spawns 40,000 tasks before its first await is one step of 120,000 events).
      if (first && a.packer.pending > 0) break;
    }
    if (end === undefined && a.packer.pending > 0) {
      a.credit--;
      host.post(this.batchOf(a, batchEvents));
    }
    if (end !== undefined) {
      this.finish(a, end);
      return;
    }
    if (a.credit > 0) this.schedule();
  }

  /** Ends the run: the events not yet sent go out first (past the credit: there are no more). */
  private finish(a: ActiveRun, end: RunEnd): void {
    const last = end.kind === 'truncated' ? this.limits.maxEvents : Number.MAX_SAFE_INTEGER;
    while (a.packer.pending > 0 && a.packer.packed < last) {
      const message = this.batchOf(a, Math.min(this.limits.maxBatchEvents, last - a.packer.packed));
      if (message.batch.count === 0) break;
      this.host.post(message);
    }
    let findings: RunFinding[] = [];
    try {
      findings = findingsOf(a.run.trace);
    } catch {
      // A diagnostics failure must not hide the run's own result.
    }
    this.end();
    this.host.post({ type: 'done', runId: a.runId, end, findings });
  }

  /** The next batch of the run's events, with the saved locals recorded within them. */
  private batchOf(a: ActiveRun, limit: number): Extract<WorkerMessage, { type: 'batch' }> {
    const batch = a.packer.next(limit);
    a.posted++;
    const locals = a.run.takeLocals?.(batch.first + batch.count) ?? [];
    return locals.length > 0
      ? { type: 'batch', runId: a.runId, batch, locals }
      : { type: 'batch', runId: a.runId, batch };
  }

  private end(): void {
    const a = this.active;
    if (a === undefined) return;
    this.active = undefined;
    a.run.dispose();
  }

  private refuse(message: string): void {
    this.host.post({ type: 'refused', message });
  }
}
