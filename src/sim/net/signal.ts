/**
 * SIGINT for the simulated process (tokio/src/signal/unix.rs, signal/registry.rs, ctrl_c.rs). A
 * press of Ctrl-C is an instant on the real-time axis. Until some task has called
 * `tokio::signal::ctrl_c()`, the default action applies: the process dies, exit status 130 (what
 * a shell reports for a SIGINT death). Afterwards a press is queued for the I/O driver (Tokio's
 * signal pipe is one more registered source) and, at the driver's next turn, every `ctrl_c()`
 * waiting since before the press completes.
 */
import type { Waker } from '../future.ts';
import type { TraceSink } from '../contracts.ts';
import { currentTaskIdRaw } from '../context.ts';
import { EventKind } from '../events.ts';

/** The process was killed by SIGINT (no handler installed). */
export class KilledBySignal extends Error {
  readonly exitCode = 130;
  constructor() {
    super('killed by SIGINT');
  }
}

export class Signals {
  /** Real instants (ns) of presses still to come, ascending. */
  private presses: number[] = [];
  /** Presses made by hand in the lab: the scheduler step after which each arrives, ascending. */
  private stepPresses: number[] = [];
  /** A handler is installed: `ctrl_c()` was polled once, so SIGINT no longer kills. */
  handler = false;
  /** Presses that arrived and that no driver turn has broadcast yet. */
  undelivered = 0;
  /** Broadcast presses so far (the listeners' watch version). */
  version = 0;
  private waiters: Waker[] = [];

  constructor(
    /** Where presses, the handler's installation and deliveries are recorded (none in unit tests). */
    private readonly trace: TraceSink | null = null,
  ) {}

  /** `ctrl_c()` polled for the first time: SIGINT no longer kills the process. */
  install(): void {
    if (this.handler) return;
    this.handler = true;
    this.trace?.emit(EventKind.SignalInstall, currentTaskIdRaw());
  }

  /** A press at real instant `at` (ns). */
  press(at: number): void {
    this.presses.push(at);
    this.presses.sort((a, b) => a - b);
  }

  /** A press right after scheduler step `step` (the lab's Ctrl-C button, replayed from the start). */
  pressAfterStep(step: number): void {
    this.stepPresses.push(step);
    this.stepPresses.sort((a, b) => a - b);
  }

  nextAt(): number {
    return this.presses.length > 0 ? this.presses[0] : Infinity;
  }

  /** Presses due by `now` arrive: queued for the driver, or the process dies. */
  arrive(now: number, step: number): void {
    while (this.presses.length > 0 && this.presses[0] <= now) {
      this.presses.shift();
      this.deliver();
    }
    while (this.stepPresses.length > 0 && this.stepPresses[0] < step) {
      this.stepPresses.shift();
      this.deliver();
    }
  }

  /**
   * At the start of step `step`: a press by hand before it, with no handler installed, kills the
   * process now (SIGINT's default action does not wait for any driver).
   */
  killIfDue(step: number): void {
    if (this.handler || this.stepPresses.length === 0 || this.stepPresses[0] >= step) return;
    this.stepPresses.shift();
    this.deliver();
  }

  /**
   * The process would wait forever: a press by hand still to come is what ends the wait (the
   * learner pressed at the end of a run that was waiting). True when one arrived.
   */
  arriveWhileIdle(): boolean {
    if (this.stepPresses.length === 0) return false;
    this.stepPresses.shift();
    this.deliver();
    return true;
  }

  private deliver(): void {
    this.trace?.emit(EventKind.SignalArrive, 0, this.handler ? 0 : 1);
    if (!this.handler) throw new KilledBySignal();
    this.undelivered++;
  }

  /** The signal driver's `process` after an I/O turn: wake every listener. */
  broadcast(): number {
    if (this.undelivered === 0) return 0;
    this.undelivered = 0;
    this.version++;
    const ws = this.waiters;
    this.waiters = [];
    this.trace?.emit(EventKind.SignalDeliver, 0, ws.length, this.version);
    for (const w of ws) w.wake();
    return ws.length;
  }

  /** A listener's poll: true once a press newer than `seen` was broadcast, else its waker waits. */
  listen(seen: number, waker: Waker): boolean {
    if (this.version > seen) return true;
    if (!this.waiters.some((w) => w.willWake(waker))) this.waiters.push(waker.clone());
    return false;
  }
}
