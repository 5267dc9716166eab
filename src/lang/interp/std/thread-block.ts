/**
 * How std's blocking calls (join, recv, lock, wait, sleep) block a simulated OS thread
 * (src/sim/threads/os-threads.ts). A blocking call made directly in a thread's closure, which the
 * compiler turned into a generator, hands a `Blocked` back to its compiled call site: the site
 * yields, the thread scheduler runs others, and the call is retried once it may go on. Anywhere
 * else (the main thread, a plain `fn`, a closure a native calls back), the call blocks in place
 * and runs the other threads from there.
 */
import type { Site } from '../defs.ts';
import { OsThreads, type Blocker } from '../sim.ts';
import { currentRun } from '../tokio/current.ts';
import type { Value } from '../values.ts';

/** `attempt` could not go on yet. */
export const WOULD_BLOCK: unique symbol = Symbol('would block');
export type Attempt = () => Value | typeof WOULD_BLOCK;

/** A blocking call a generator site must wait out: yield while `blocker` holds, then `retry()`. */
export class Blocked {
  constructor(
    readonly blocker: Blocker,
    readonly retry: () => Value | Blocked,
  ) {}
}

/** `f` applied to a blocking call's result, now or once a suspended call has its value. */
export function mapBlocked(v: Value | Blocked, f: (x: Value) => Value): Value | Blocked {
  if (!(v instanceof Blocked)) return f(v);
  return new Blocked(v.blocker, () => mapBlocked(v.retry(), f));
}

let threads: OsThreads | null = null;

/** The run's threads (created with the run's world on first use). */
export function osThreads(): OsThreads {
  const world = currentRun().world;
  if (threads === null || threads.world !== world) threads = new OsThreads(world);
  return threads;
}

/** The run's threads if the program has used any std thread API (no side effect). */
export function osThreadsIfAny(): OsThreads | null {
  return threads !== null && threads.world === currentRun().world ? threads : null;
}

/** True while a thread's generator body runs (not code it calls that cannot suspend). */
export const yieldPoint = { genActive: false };
/** Call sites compiled to suspend their generator when the call blocks (`blockingSite`). */
const suspendingSites = new WeakSet<Site>();

const NEVER = Number.POSITIVE_INFINITY;

/**
 * Runs `attempt` until it goes on, blocking the current thread while it cannot: `ready` says when
 * trying again may succeed; at `deadline` (real time, ns) `timedOut` gives the result instead.
 */
export function blockOn(
  s: Site,
  attempt: Attempt,
  ready: () => boolean,
  deadline = NEVER,
  timedOut: () => Value = () => undefined,
): Value | Blocked {
  const first = attempt();
  if (first !== WOULD_BLOCK) return first;
  const ts = osThreads();
  const blocker: Blocker = { ready, deadline };
  const again = (): Value | typeof WOULD_BLOCK => {
    const v = attempt();
    if (v !== WOULD_BLOCK) return v;
    return ts.world.realNow >= deadline ? timedOut() : WOULD_BLOCK;
  };
  if (yieldPoint.genActive && suspendingSites.has(s)) {
    const retry = (): Value | Blocked => {
      const v = again();
      return v === WOULD_BLOCK ? new Blocked(blocker, retry) : v;
    };
    return new Blocked(blocker, retry);
  }
  for (;;) {
    ts.blockInline(blocker);
    const v = again();
    if (v !== WOULD_BLOCK) return v;
  }
}

/**
 * Wraps a compiled call in a thread closure: calls it with this site as the yield point; while
 * the result is `Blocked`, records the blocker, yields to the thread scheduler and retries.
 */
export function blockingSite<F>(
  site: Site,
  call: (f: F) => Generator<undefined, Value, undefined>,
): (f: F) => Generator<undefined, Value, undefined> {
  suspendingSites.add(site);
  return function* (f: F) {
    let v: Value | Blocked = yield* call(f);
    while (v instanceof Blocked) {
      osThreads().current.blocker = v.blocker;
      yield undefined;
      v = v.retry();
    }
    return v;
  };
}

/** Runs `body` where blocking calls block in place (a closure called back from native code). */
export function notYielding<T>(body: () => T): T {
  const prev = yieldPoint.genActive;
  yieldPoint.genActive = false;
  try {
    return body();
  } finally {
    yieldPoint.genActive = prev;
  }
}

/**
 * std's channel waits park the thread (`thread::park` in a loop until the channel selects it), so
 * a wait that really blocked uses up any `unpark` token that arrived meanwhile.
 */
export function parkingWait(attempt: Attempt): Attempt {
  const me = osThreads().current;
  let waited = false;
  return () => {
    const v = attempt();
    if (v === WOULD_BLOCK) waited = true;
    else if (waited) me.parkToken = false;
    return v;
  };
}

/** Natives that block the calling thread (`park`): compiled as suspending sites in a thread's closure. */
const blockingFns = new WeakSet<object>();
export function markBlockingFn(f: object): void {
  blockingFns.add(f);
}
export function isBlockingFn(f: object): boolean {
  return blockingFns.has(f);
}

/** True when the code running is a thread the program spawned (not main). */
export function inSpawnedThread(): boolean {
  const ts = osThreadsIfAny();
  return ts !== null && ts.current !== ts.main;
}

/** `std::thread::sleep`: the thread waits `ns` of real time (others run meanwhile). */
export function sleepOn(s: Site, ns: number): Value | Blocked {
  const ts = osThreads();
  const wake = ts.world.realNow + Math.max(0, ns);
  return blockOn(
    s,
    () => (ts.world.realNow >= wake ? undefined : WOULD_BLOCK),
    () => false,
    wake,
  );
}
