/**
 * SIGINT for the simulated process (tokio/src/signal/unix.rs, signal/registry.rs, ctrl_c.rs). A
 * press of Ctrl-C is an instant on the real-time axis. Until some task has called
 * `tokio::signal::ctrl_c()`, the default action applies: the process dies, exit status 130 (what
 * a shell reports for a SIGINT death). Afterwards a press is queued for the I/O driver (Tokio's
 * signal pipe is one more registered source) and, at the driver's next turn, every `ctrl_c()`
 * waiting since before the press completes.
 */
import type { Waker } from '../future.ts';

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

  private deliver(): void {
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
