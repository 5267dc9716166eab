/**
 * Test doubles for the page side of the worker: hand-driven timers, and a worker that runs
 * WorkerCore in-process, its message queues pumped by the test.
 */
import type { Timers, WorkerLike } from '../client.ts';
import type { Engine } from '../engine.ts';
import type { WorkerCommand, WorkerMessage } from '../protocol.ts';
import { WorkerCore } from '../worker-core.ts';
import { futureEngine } from './future-engine.ts';

/** Hand-driven timers: `advance(ms)` fires what is due. */
export class FakeTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; task: () => void }>();
  set = (task: () => void, ms: number) => {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, task });
    return id;
  };
  clear = (id: number) => void this.due.delete(id);
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= this.now && this.due.delete(id)) t.task();
    }
  }
}

/**
 * A worker running WorkerCore in-process. Messages cross through queues pumped by `pump()`, so
 * the test decides when the "threads" run; `hang` makes it swallow everything (a stuck poll).
 */
export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  hang = false;
  readonly inbox: WorkerCommand[] = [];
  private readonly outbox: WorkerMessage[] = [];
  private readonly tasks: (() => void)[] = [];
  private clock = 0;
  private readonly core: WorkerCore;
  constructor(engine: Engine = futureEngine()) {
    this.core = new WorkerCore(engine, {
      post: (m) => void this.outbox.push(m),
      now: () => (this.clock += 2),
      defer: (t) => void this.tasks.push(t),
    });
  }
  postMessage(message: WorkerCommand): void {
    this.inbox.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** One round: the worker handles its inbox and one deferred slice; the page gets the output. */
  pump(): boolean {
    if (this.terminated || this.hang) return false;
    const commands = this.inbox.splice(0);
    for (const c of commands) this.core.handle(c);
    this.tasks.shift()?.();
    const out = this.outbox.splice(0);
    for (const m of out) this.onmessage?.({ data: m } as MessageEvent<WorkerMessage>);
    return commands.length + out.length > 0 || this.tasks.length > 0;
  }
}
