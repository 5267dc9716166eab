/**
 * Closures on the blocking pool (tokio-facts.md §8): `std::thread::sleep` inside a closure handed
 * to `spawn_blocking` blocks that pool thread on the simulator's real-time axis, so what the
 * closure does after the sleep happens after the async side has run all it can at that instant.
 *
 * A non-async closure whose body calls `thread::sleep` is compiled in generator mode: the sleep
 * call yields after recording its duration. Called from the blocking pool, the body is resumed
 * one sleep at a time (the job returns Pending after `blockingSleep`); called anywhere else, the
 * generator is simply run to the end. A sleep reached through a plain `fn` (not compiled this way)
 * is still summed and applied at the closure's next suspension or at its end.
 */
import { nativeOrigin } from '../type-fault.ts';
import { type ClosureDef, RClosure, callValue } from '../call.ts';
import type { GenCode, NativeFn, Site } from '../defs.ts';
import { env, runaway } from '../env.ts';
import { CTL, Flow, Frame } from '../frame.ts';
import { claim, dropChild, dropFrame, dropSlot, dropTailTemps } from '../owner.ts';
import { blockingSleep, tryTaskId, type Future, PENDING, type Pending } from '../sim.ts';
import { fn } from '../std/registry.ts';
import { deref, type Value } from '../values.ts';
import type { RDuration } from './time.ts';
import { Blocked, inSpawnedThread, notYielding, sleepOn } from '../std/thread-block.ts';

/** Time slept by `std::thread::sleep` inside the running blocking closure, not yet applied. */
export const blocking = { depth: 0, sleptNs: 0 };

export const threadSleep: NativeFn = (s, a) => {
  const ns = (deref(a[0]) as RDuration).ns;
  if (blocking.depth > 0) {
    blocking.sleptNs += ns;
    return undefined;
  }
  // inside a task on the runtime's own thread the sleep is not modelled (the worker just runs on)
  if (tryTaskId() !== undefined && !inSpawnedThread()) return undefined;
  return sleepOn(s, ns);
};
fn(['std::thread::sleep', 'thread::sleep'], threadSleep);

/** Function scopes (compile-time objects) of non-async closures: `thread::sleep` may suspend there. */
const resumableScopes = new WeakSet<object>();
/** Generator bodies of closures compiled in resumable mode. */
const resumableBodies = new WeakMap<ClosureDef, GenCode>();

/** Marks a closure's call scope as one whose `thread::sleep` calls suspend (compile time). */
export function markResumableScope(scope: object): void {
  resumableScopes.add(scope);
}

/** Whether code compiled in `scope` may suspend (a non-async closure's body). */
export function isResumableScope(scope: object): boolean {
  return resumableScopes.has(scope);
}

/** Whether a call to `call` in `scope` suspends the closure after it runs (compile time). */
export function suspendsAfter(scope: object, call: NativeFn): boolean {
  return nativeOrigin(call) === threadSleep && resumableScopes.has(scope);
}

/** A `thread::sleep` call compiled inside a resumable closure: runs `code`, then yields. */
export function sleepThenYield(code: GenCode): GenCode {
  return function* (f: Frame) {
    const r = yield* code(f);
    // a std thread's sleep hands back `Blocked`: its call site waits it out (std/thread-block.ts)
    if (r !== CTL && !(r instanceof Blocked)) yield undefined;
    return r;
  };
}

/** Registers a closure's generator body; returns the plain body (runs the generator to the end). */
export function resumableBody(def: ClosureDef, g: GenCode): (f: Frame) => Value {
  resumableBodies.set(def, g);
  return (f) =>
    notYielding(() => {
      const it = g(f);
      let r = it.next();
      while (r.done !== true) r = it.next();
      return r.value;
    });
}

/**
 * A closure called with no arguments and run one suspension at a time: its generator body when it
 * was compiled in resumable mode, otherwise in one go.
 */
export class ClosureRun {
  private it: Generator<undefined, Value, undefined> | null = null;
  private frame: Frame | null = null;
  /** The closure's result once `step` returned true. */
  out: Value = undefined;

  constructor(
    private readonly f: Value,
    private readonly site: Site,
  ) {}

  /** Runs until the closure finishes (true) or it yields and `stop()` says to stop there (false). */
  step(stop: () => boolean): boolean {
    if (this.it === null) {
      const c = this.f;
      const g = c instanceof RClosure ? resumableBodies.get(c.def) : undefined;
      if (c instanceof RClosure && g !== undefined) {
        const def = c.def;
        if (--env.budget < 0) runaway(this.site.line, this.site.col);
        this.frame = new Frame(def.nslots, c.env);
        def.bind(this.frame, []);
        this.it = g(this.frame);
      } else {
        this.out = callValue(this.site, c, []);
        return true;
      }
    }
    const frame = this.frame!;
    for (;;) {
      let r: IteratorResult<undefined, Value>;
      try {
        r = this.it.next();
      } catch (e) {
        dropFrame(frame, (this.f as RClosure).def.dropOrder);
        throw e;
      }
      if (r.done === true) {
        this.out = r.value === CTL ? frame.rv : r.value;
        frame.flow = Flow.None;
        dropTailTemps(frame, this.out);
        const ps = (this.f as RClosure).def.paramSlots;
        for (let i = ps.length - 1; i >= 0; i--) dropSlot(frame.s[ps[i]], frame.s, ps[i]);
        return true;
      }
      if (stop()) return false;
    }
  }
}

const slept = (): boolean => blocking.sleptNs > 0;

/** A blocking-pool job running a closure; each `thread::sleep` blocks its thread for real time. */
class BlockingClosure implements Future<Value> {
  private done = false;
  private readonly run: ClosureRun;
  /** Owns the closure until it has run: then it and what it captured (a Sender, an Arc) go. */
  private readonly holder: Value[];

  constructor(f: Value, site: Site) {
    this.run = new ClosureRun(f, site);
    this.holder = [f];
    claim(f, this.holder, 0);
  }

  poll(): Value | Pending {
    if (this.done) return this.run.out;
    blocking.depth++;
    blocking.sleptNs = 0;
    let finished = false;
    try {
      finished = this.run.step(slept);
      if (!finished) {
        blockingSleep(blocking.sleptNs);
        return PENDING;
      }
    } catch (e) {
      finished = true;
      throw e;
    } finally {
      blocking.depth--;
      if (finished) this.drop();
    }
    this.done = true;
    if (blocking.sleptNs > 0) {
      blockingSleep(blocking.sleptNs);
      return PENDING;
    }
    return this.run.out;
  }

  drop(): void {
    if (this.holder.length > 0) dropChild(this.holder[0], this.holder);
    this.holder.length = 0;
  }
}

/** A closure as a blocking-pool job. */
export function blockingJob(f: Value, site: Site): Future<Value> {
  return new BlockingClosure(f, site);
}
