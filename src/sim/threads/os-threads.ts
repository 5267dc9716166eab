/**
 * std threads on the simulator's real-time axis (issue 13). A simulated OS thread runs until it
 * blocks (join, a channel, a lock, a condvar, a sleep); only then does another one run, picked
 * from the seed at the `OsThread` choice point so the explorer can drive it. Real time
 * (`SimWorld.realNow`) moves only when every thread waits, to the earliest deadline.
 *
 * A thread whose code can suspend (a closure compiled as a generator) gives control back when it
 * blocks; code that cannot (the main thread, a plain `fn` called from a thread) blocks "inline":
 * it runs the other threads from its own stack until what it waits for holds. Threads on that
 * stack cannot be resumed until it returns, which is the one way this model can deadlock where
 * the real program would not (the runner reports it).
 */
import { ChoicePoint } from '../choice.ts';
import { FastRand } from '../rng.ts';
import type { OtherThreads, SimWorld } from '../runtime/world.ts';

/** What a blocked thread waits for: `ready()` says when it may go on; `deadline` wakes it anyway. */
export interface Blocker {
  ready(): boolean;
  /** Real time (ns) at which it is woken even if `ready()` is false (a sleep or a timeout). */
  readonly deadline: number;
}

/** A thread's code: runs until it finishes (true) or blocks (false, with `thread.blocker` set). */
export type ThreadBody = (t: OsThread) => boolean;

export class OsThread {
  /** Set while the thread waits; cleared when it runs again. */
  blocker: Blocker | null = null;
  done = false;
  /** True while the thread's code is on the host stack (it cannot be resumed from inside itself). */
  running = false;
  /** `Thread::unpark`'s token: the next `park` consumes it and returns at once (one token at most). */
  parkToken = false;
  constructor(
    /** `ThreadId(n)`: main is 1, threads count up from 2 in spawn order. */
    readonly id: number,
    readonly name: string | null,
    readonly body: ThreadBody | null,
  ) {}

  canRun(now: number): boolean {
    if (this.done || this.running || this.body === null) return false;
    const b = this.blocker;
    return b === null || b.deadline <= now || b.ready();
  }
}

export class ThreadDeadlock extends Error {
  constructor() {
    super('deadlock: every std thread is blocked and nothing can wake them (the program would hang forever here)');
    this.name = 'ThreadDeadlock';
  }
}

const NEVER = Number.POSITIVE_INFINITY;

export class OsThreads implements OtherThreads {
  readonly main = new OsThread(1, 'main', null);
  current: OsThread = this.main;
  private readonly threads: OsThread[] = [];
  private nextId = 2;
  private rng: FastRand | null = null;
  private readonly ids: number[] = [];

  constructor(readonly world: SimWorld) {
    this.main.running = true;
    world.osThreads = this;
  }

  nextEventAt(): number {
    const now = this.world.realNow;
    for (const t of this.threads) if (t.canRun(now)) return now;
    return this.nextDeadline();
  }

  spawn(name: string | null, body: ThreadBody): OsThread {
    const t = new OsThread(this.nextId++, name, body);
    this.threads.push(t);
    return t;
  }

  /** Blocks the current thread in place until `b` is ready or its deadline passes. */
  blockInline(b: Blocker): void {
    const self = this.current;
    for (;;) {
      const now = this.world.realNow;
      if (b.deadline <= now || b.ready()) return;
      if (this.runOne()) continue;
      const next = Math.min(b.deadline, this.nextDeadline());
      if (next === NEVER) throw new ThreadDeadlock();
      this.world.realNow = next;
      this.current = self;
    }
  }

  /** Runs one runnable thread until it blocks or ends; false when none can run now. */
  runOne(): boolean {
    const now = this.world.realNow;
    const ready: OsThread[] = [];
    for (const t of this.threads) if (t.canRun(now)) ready.push(t);
    if (ready.length === 0) return false;
    const pick = ready.length === 1 ? ready[0] : ready[this.choose(ready)];
    this.resume(pick);
    return true;
  }

  private choose(ready: OsThread[]): number {
    this.rng ??= new FastRand(this.world.seeds.nextSeed());
    this.ids.length = 0;
    for (const t of ready) this.ids.push(t.id);
    const n = ready.length;
    return this.world.choose(ChoicePoint.OsThread, n, this.rng.fastrandN(n), this.ids, this.current.id);
  }

  private resume(t: OsThread): void {
    const prev = this.current;
    this.current = t;
    t.running = true;
    t.blocker = null;
    try {
      if (t.body!(t)) this.finish(t);
    } catch (e) {
      this.finish(t);
      throw e;
    } finally {
      t.running = false;
      this.current = prev;
    }
  }

  private finish(t: OsThread): void {
    t.done = true;
    const i = this.threads.indexOf(t);
    if (i >= 0) this.threads.splice(i, 1);
  }

  /** The earliest deadline of a waiting thread that could run once it passes. */
  private nextDeadline(): number {
    let next = NEVER;
    for (const t of this.threads) {
      if (t.done || t.running || t.blocker === null) continue;
      next = Math.min(next, t.blocker.deadline);
    }
    return next;
  }

  /** Live threads other than main (for tests and the inspector). */
  get live(): readonly OsThread[] {
    return this.threads;
  }
}
