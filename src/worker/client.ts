/**
 * The page's side of the simulation worker (design.md §2): starts runs, unpacks event batches,
 * grants the worker more batches as the page folds them, and watches the worker. A worker that
 * does not answer within a deadline (a runaway loop inside one poll) is terminated and a fresh
 * one started; the learner's program lives on the page, so nothing of theirs is lost. `stop()`
 * settles within `stopDeadlineMs` whether or not the worker answers.
 */
import type { SimEvent } from '../sim/index.ts';
import { PROTOCOL_VERSION, unreachable } from './protocol.ts';
import type {
  RunEnd,
  RunFinding,
  SourceProblem,
  WireBatch,
  WireLocals,
  WireRunConfig,
  WorkerCommand,
  WorkerMessage,
} from './protocol.ts';
import { BatchUnpacker } from './wire.ts';

/** The part of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerCommand): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export interface Timers {
  set(task: () => void, ms: number): number;
  clear(handle: number): void;
}

export interface RunRequest {
  readonly source: string;
  readonly file: string;
  readonly config: WireRunConfig;
}

export interface RunHandlers {
  /** A batch of the run's events, with the saved locals of tasks that suspended within it. */
  events(events: SimEvent[], locals: readonly WireLocals[], records: WireBatch): void;
  compileError(problems: readonly SourceProblem[]): void;
  /** The program compiled with warnings (it still runs). */
  compileWarnings?(problems: readonly SourceProblem[]): void;
  done(end: RunEnd, findings: readonly RunFinding[]): void;
  /** The worker failed or stopped answering and was replaced; the run is over. */
  lost(message: string): void;
}

export interface ClientOptions {
  readonly timers?: Timers;
  /** How long a running worker may stay silent (ms). */
  readonly answerDeadlineMs?: number;
  readonly stopDeadlineMs?: number;
  /** Batches in flight at once, and the wall time each may take in the worker. */
  readonly batchesInFlight?: number;
  readonly sliceMs?: number;
}

export const browserTimers: Timers = {
  set: (task, ms) => Number(setTimeout(task, ms)),
  clear: (handle) => clearTimeout(handle),
};

/** The real worker: a module worker bundled from sim.worker.ts. */
export function createSimWorker(): WorkerLike {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
}

interface Current {
  readonly runId: number;
  readonly request: RunRequest;
  readonly handlers: RunHandlers;
  readonly unpacker: BatchUnpacker;
}

/**
 * The step of the one Ctrl-C press `next` adds to `prev` when it is otherwise the same run (same
 * program, same config, the earlier presses kept): the worker then restarts its compiled program.
 */
export function addedPress(prev: RunRequest, next: RunRequest): number | undefined {
  if (prev.source !== next.source || prev.file !== next.file) return undefined;
  const a = prev.config;
  const b = next.config;
  if (a.flavor !== b.flavor || a.workers !== b.workers || a.seed !== b.seed || a.replayKey !== b.replayKey)
    return undefined;
  if (a.faultRate !== b.faultRate || (a.faults ?? []).join('\n') !== (b.faults ?? []).join('\n')) return undefined;
  const before = a.ctrlCAfterSteps ?? [];
  const after = b.ctrlCAfterSteps ?? [];
  if (after.length !== before.length + 1 || before.some((s, i) => after[i] !== s)) return undefined;
  return after[after.length - 1];
}

export class SimWorkerClient {
  private worker: WorkerLike;
  private readonly timers: Timers;
  private readonly answerDeadlineMs: number;
  private readonly stopDeadlineMs: number;
  private readonly batchesInFlight: number;
  private readonly sliceMs: number;
  private nextRunId = 1;
  private current: Current | undefined;
  /** The run the worker last loaded (the program it holds compiled). */
  private lastLoaded: { readonly runId: number; readonly request: RunRequest } | undefined;
  private deadline: number | undefined;
  private readonly stopping = new Map<number, { resolve: () => void; timer: number }>();
  private disposed = false;
  /** How many times a worker was replaced (for tests and the UI's notice). */
  restarts = 0;

  constructor(
    private readonly factory: WorkerFactory = createSimWorker,
    options: ClientOptions = {},
  ) {
    this.timers = options.timers ?? browserTimers;
    this.answerDeadlineMs = options.answerDeadlineMs ?? 3000;
    this.stopDeadlineMs = options.stopDeadlineMs ?? 100;
    this.batchesInFlight = options.batchesInFlight ?? 4;
    this.sliceMs = options.sliceMs ?? 8;
    this.worker = this.spawn();
  }

  /** Starts a run (stopping the previous one); returns a function that stops it. */
  start(request: RunRequest, handlers: RunHandlers): () => void {
    if (this.current !== undefined) void this.stop();
    const runId = this.nextRunId++;
    this.current = { runId, request, handlers, unpacker: new BatchUnpacker() };
    this.load(this.current);
    return () => {
      if (this.current?.runId === runId) void this.stop();
    };
  }

  /** Stops the current run; settles within the stop deadline (replacing a silent worker). */
  stop(): Promise<void> {
    const c = this.current;
    if (c === undefined) return Promise.resolve();
    this.current = undefined;
    this.disarm();
    return new Promise<void>((resolve) => {
      const timer = this.timers.set(() => {
        this.stopping.delete(c.runId);
        this.replace();
        resolve();
      }, this.stopDeadlineMs);
      this.stopping.set(c.runId, { resolve, timer });
      this.post({ type: 'stop', runId: c.runId });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.current = undefined;
    this.disarm();
    for (const s of this.stopping.values()) {
      this.timers.clear(s.timer);
      s.resolve();
    }
    this.stopping.clear();
    this.worker.terminate();
  }

  private spawn(): WorkerLike {
    const w = this.factory();
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => this.fail(`the simulation worker failed: ${e.message || 'it could not start'}`);
    w.postMessage({ type: 'hello', version: PROTOCOL_VERSION });
    return w;
  }

  private load(c: Current): void {
    const { source, file, config } = c.request;
    const prev = this.lastLoaded;
    const press = prev === undefined ? undefined : addedPress(prev.request, c.request);
    this.lastLoaded = { runId: c.runId, request: c.request };
    if (prev !== undefined && press !== undefined) {
      this.post({ type: 'ctrl-c', runId: c.runId, from: prev.runId, afterStep: press });
    } else {
      this.post({ type: 'load', runId: c.runId, source, file, config });
    }
    this.arm();
  }

  private replace(): void {
    if (this.disposed) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.restarts++;
    this.worker = this.spawn();
    // The new worker holds no program: the next run loads its own.
    this.lastLoaded = undefined;
    // A run started while an older one was being stopped was loaded into the worker just
    // terminated: it starts over in the new one (nothing of it had arrived yet).
    const c = this.current;
    if (c !== undefined) {
      this.current = { ...c, unpacker: new BatchUnpacker() };
      this.load(this.current);
    }
  }

  private post(command: WorkerCommand): void {
    this.worker.postMessage(command);
  }

  private arm(): void {
    this.disarm();
    this.deadline = this.timers.set(() => {
      this.deadline = undefined;
      this.fail(
        `The simulation did not answer for ${this.answerDeadlineMs / 1000} s (a loop that never yields?). ` +
          'It was restarted; your code is unchanged.',
      );
    }, this.answerDeadlineMs);
  }

  private disarm(): void {
    if (this.deadline !== undefined) this.timers.clear(this.deadline);
    this.deadline = undefined;
  }

  private fail(message: string): void {
    const c = this.current;
    this.current = undefined;
    this.disarm();
    this.replace();
    c?.handlers.lost(message);
  }

  private receive(m: WorkerMessage): void {
    switch (m.type) {
      case 'ready':
        return;
      case 'refused':
        this.fail(`the simulation worker refused a command: ${m.message}`);
        return;
      case 'pong':
        return;
      // This client drives single runs; an exploration is driven by whoever sent `explore`.
      case 'explore-progress':
      case 'explore-done':
        return;
      case 'stopped': {
        const s = this.stopping.get(m.runId);
        if (s === undefined) return;
        this.stopping.delete(m.runId);
        this.timers.clear(s.timer);
        s.resolve();
        return;
      }
      case 'loaded':
      case 'compile-error':
      case 'batch':
      case 'done':
        this.receiveRun(m);
        return;
      default:
        unreachable(m, 'worker message');
    }
  }

  private receiveRun(m: Extract<WorkerMessage, { runId: number }>): void {
    const c = this.current;
    if (c === undefined || c.runId !== m.runId) return;
    switch (m.type) {
      case 'loaded':
        if (m.warnings !== undefined && m.warnings.length > 0) c.handlers.compileWarnings?.(m.warnings);
        this.post({ type: 'run', runId: c.runId, batches: this.batchesInFlight, sliceMs: this.sliceMs });
        this.arm();
        return;
      case 'compile-error':
        this.current = undefined;
        this.disarm();
        c.handlers.compileError(m.problems);
        return;
      case 'batch':
        c.handlers.events(c.unpacker.unpack(m.batch), m.locals ?? [], m.batch);
        // Armed after folding, so a slow page does not count against the worker.
        this.arm();
        // Folded: the page can take one more.
        if (this.current === c) this.post({ type: 'run', runId: c.runId, batches: 1, sliceMs: this.sliceMs });
        return;
      case 'done':
        this.current = undefined;
        this.disarm();
        c.handlers.done(m.end, m.findings);
        return;
      case 'stopped':
      case 'explore-progress':
      case 'explore-done':
        return;
      default:
        unreachable(m, 'run message');
    }
  }
}
