/**
 * The page's side of an exploration (issue 16): its own worker, so exploring never interrupts the
 * lab's run, one exploration at a time, progress as the worker's slices arrive. A worker silent
 * for `answerDeadlineMs` (one run stuck in a poll) is replaced and the exploration reported lost.
 */
import type { Timers, WorkerFactory, WorkerLike } from './client.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import type { SourceProblem, WireExploreOptions, WireExploreReport, WireRunConfig, WorkerMessage } from './protocol.ts';

export interface ExploreRequest {
  readonly source: string;
  readonly file: string;
  readonly config: WireRunConfig;
  readonly options: WireExploreOptions;
}

export interface ExploreHandlers {
  progress(report: WireExploreReport): void;
  done(report: WireExploreReport): void;
  compileError(problems: readonly SourceProblem[]): void;
  lost(message: string): void;
}

export class ExploreClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private current: { id: number; handlers: ExploreHandlers } | null = null;
  private deadline: number | undefined;

  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly timers: Timers,
    private readonly answerDeadlineMs = 10_000,
  ) {}

  /** Starts an exploration (ending the one in progress); returns its id. */
  explore(request: ExploreRequest, handlers: ExploreHandlers): number {
    this.stop();
    const w = this.ensureWorker();
    const id = this.nextId++;
    this.current = { id, handlers };
    w.postMessage({ type: 'explore', runId: id, ...request });
    this.arm();
    return id;
  }

  /** Ends the exploration in progress, if any; nothing more is reported for it. */
  stop(): void {
    const c = this.current;
    if (c === null) return;
    this.current = null;
    this.disarm();
    this.worker?.postMessage({ type: 'stop', runId: c.id });
  }

  dispose(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker !== null) return this.worker;
    const w = this.createWorker();
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = () => this.lose('the exploration worker failed');
    w.postMessage({ type: 'hello', version: PROTOCOL_VERSION });
    this.worker = w;
    return w;
  }

  private receive(m: WorkerMessage): void {
    const c = this.current;
    if (m.type === 'refused') {
      this.lose(`the exploration worker refused a command: ${m.message}`);
      return;
    }
    if (c === null || !('runId' in m) || m.runId !== c.id) return;
    switch (m.type) {
      case 'explore-progress':
        this.arm();
        c.handlers.progress(m.report);
        return;
      case 'explore-done':
        this.current = null;
        this.disarm();
        c.handlers.done(m.report);
        return;
      case 'compile-error':
        this.current = null;
        this.disarm();
        c.handlers.compileError(m.problems);
        return;
      default:
        return;
    }
  }

  private lose(message: string): void {
    const c = this.current;
    this.current = null;
    this.disarm();
    this.worker?.terminate();
    this.worker = null;
    c?.handlers.lost(message);
  }

  private arm(): void {
    this.disarm();
    this.deadline = this.timers.set(() => {
      this.deadline = undefined;
      this.lose(`the exploration did not answer for ${this.answerDeadlineMs / 1000} s; it was stopped`);
    }, this.answerDeadlineMs);
  }

  private disarm(): void {
    if (this.deadline !== undefined) this.timers.clear(this.deadline);
    this.deadline = undefined;
  }
}
