/**
 * `std::thread`: `spawn`, `Builder` (`name`, `stack_size`), `scope`, `sleep`, `yield_now`,
 * `current()` (`name`, `id`), `JoinHandle` (`join`, `is_finished`, `thread`) and `ThreadId`.
 * Threads are simulated OS threads (src/sim/threads/os-threads.ts): a spawned closure runs when
 * another thread blocks, one blocking call at a time; `join` returns `Err(payload)` when it panicked.
 */
import { callValue } from '../call.ts';
import type { NativeFn, Site } from '../defs.ts';
import { env } from '../env.ts';
import { registerFmt } from '../fmt-value.ts';
import { panicAt } from '../panic.ts';
import { claim, dropChild } from '../owner.ts';
import { OsThread, RustPanic, withContext } from '../sim.ts';
import { ClosureRun } from '../tokio/blocking.ts';
import { deref, type Value } from '../values.ts';
import { err, NONE, ok, some } from './enums.ts';
import { fn, member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';
import { blockOn, markBlockingFn, osThreads, WOULD_BLOCK, yieldPoint } from './thread-block.ts';
import type { RDuration } from '../tokio/time.ts';
import { RNonZero } from './nonzero.ts';
import { dropThreadLocals, runtimeThread, stdThreadKey } from './thread-local.ts';

/** What a spawned thread leaves behind: its result or its panic payload. */
class ThreadOutcome {
  result: Value = undefined;
  panic: unknown = undefined;
  panicked = false;
  joined = false;
}

/** `std::thread::Thread`: a handle on a thread's identity. */
export class RThread {
  constructor(readonly t: OsThread) {}
}
/** `std::thread::ThreadId`. */
export class RThreadId {
  constructor(readonly id: number) {}
}
/** `JoinHandle<T>` (and `ScopedJoinHandle`). */
export class RThreadHandle {
  constructor(
    readonly t: OsThread,
    readonly out: ThreadOutcome,
  ) {}
}
/** `std::thread::Builder` (the name and stack size it was given). */
class RThreadBuilder {
  name: string | null = null;
}
/** `std::thread::Scope`: the threads spawned in it, joined when the scope ends. */
class RScope {
  readonly handles: RThreadHandle[] = [];
}

const stopAtYield = (): boolean => true;

/** Starts `f` on a new simulated thread (it first runs when the spawning thread blocks). */
function spawnThread(s: Site, f: Value, name: string | null): RThreadHandle {
  const holder: Value[] = [f];
  claim(f, holder, 0);
  const run = new ClosureRun(f, s);
  const out = new ThreadOutcome();
  const t = osThreads().spawn(name, () => {
    const prev = yieldPoint.genActive;
    yieldPoint.genActive = true;
    try {
      // a new OS thread has entered no runtime (`Handle::current()` there panics)
      if (!withContext(undefined, () => run.step(stopAtYield))) return false;
      out.result = run.out;
    } catch (e) {
      if (!(e instanceof RustPanic)) throw e;
      out.panic = e.payload;
      out.panicked = true;
      env.panicking = false;
    } finally {
      yieldPoint.genActive = prev;
    }
    // the closure and what it captured (a Sender, an Arc) go with the thread, then its thread-locals
    dropChild(holder[0], holder);
    dropThreadLocals(stdThreadKey(osThreads().current.id));
    return true;
  });
  return new RThreadHandle(t, out);
}

function join(s: Site, h: RThreadHandle): Value {
  return blockOn(
    s,
    () => {
      if (!h.t.done) return WOULD_BLOCK;
      h.out.joined = true;
      return h.out.panicked ? err(h.out.panic as Value) : ok(h.out.result);
    },
    () => h.t.done,
  );
}

const THREAD = ['std::thread', 'thread'];
const at = (p: string): string[] => THREAD.map((x) => `${x}::${p}`);

fn(at('spawn'), (s, a) => spawnThread(s, a[0], null));
/** Tokio's threads as `Thread`s: named as Tokio names them by default (ids are not modelled). */
const runtimeThreads = new WeakMap<object, OsThread>();
fn(at('current'), () => {
  const rt = runtimeThread();
  if (rt === null) return new RThread(osThreads().current);
  let t = runtimeThreads.get(rt);
  if (t === undefined) runtimeThreads.set(rt, (t = new OsThread(0, 'tokio-runtime-worker', null)));
  return new RThread(t);
});
fn(at('yield_now'), () => void osThreads().runOne());
fn(at('panicking'), () => env.panicking);
fn(at('scope'), (s, a) => {
  const scope = new RScope();
  let v: Value;
  // threads nobody joined are joined here; if one of them panicked, so does `scope`
  let autoJoinedPanic = false;
  try {
    v = callValue(s, a[0], [scope]);
  } finally {
    for (const h of scope.handles) {
      if (h.out.joined) continue;
      join(s, h);
      autoJoinedPanic ||= h.out.panicked;
    }
  }
  if (autoJoinedPanic) panicAt(s, 'a scoped thread panicked', true);
  return v;
});

/** `park` / `park_timeout`: consume the thread's token, or wait for `unpark` (or the deadline). */
function park(s: Site, ns: number): Value {
  const t = osThreads().current;
  const deadline = ns === Infinity ? ns : osThreads().world.realNow + Math.max(0, ns);
  return blockOn(
    s,
    () => {
      if (!t.parkToken) return WOULD_BLOCK;
      t.parkToken = false;
      return undefined;
    },
    () => t.parkToken,
    deadline,
  );
}
const parkFn: NativeFn = (s) => park(s, Infinity);
const parkTimeoutFn: NativeFn = (s, a) => park(s, (deref(a[0]) as RDuration).ns);
markBlockingFn(parkFn);
markBlockingFn(parkTimeoutFn);
fn(at('park'), parkFn);
fn(at('park_timeout'), parkTimeoutFn);
/**
 * The simulated machine has `SIMULATED_CORES` cores (the worker count a multi_thread runtime gets by
 * default), whatever machine the simulator runs on.
 */
export const SIMULATED_CORES = 4;
fn(at('available_parallelism'), () => ok(new RNonZero(SIMULATED_CORES)));

const B = ns(at('Builder'));
member(B, 'new', () => new RThreadBuilder());
const BT = tableFor(RThreadBuilder);
def(BT, 'name', 'value', (_s, a) => {
  const b = deref(a[0]) as RThreadBuilder;
  b.name = deref(a[1]) as string;
  return b;
});
def(BT, 'stack_size', 'value', (_s, a) => deref(a[0]));
def(BT, 'spawn', 'value', (s, a) => ok(spawnThread(s, a[1], (deref(a[0]) as RThreadBuilder).name)));
def(BT, 'spawn_scoped', 'value', (s, a) => {
  const h = spawnThread(s, a[2], (deref(a[0]) as RThreadBuilder).name);
  (deref(a[1]) as RScope).handles.push(h);
  return ok(h);
});

const ST = tableFor(RScope);
def(ST, 'spawn', 'ref', (s, a) => {
  const h = spawnThread(s, a[1], null);
  (deref(a[0]) as RScope).handles.push(h);
  return h;
});

const HT = tableFor(RThreadHandle);
def(HT, 'join', 'value', (s, a) => join(s, deref(a[0]) as RThreadHandle));
def(HT, 'is_finished', 'ref', (_s, a) => (deref(a[0]) as RThreadHandle).t.done);
def(HT, 'thread', 'ref', (_s, a) => new RThread((deref(a[0]) as RThreadHandle).t));

const TT = tableFor(RThread);
def(TT, 'name', 'ref', (_s, a) => {
  const n = (deref(a[0]) as RThread).t.name;
  return n === null ? NONE : some(n);
});
def(TT, 'id', 'ref', (_s, a) => new RThreadId((deref(a[0]) as RThread).t.id));
def(TT, 'unpark', 'ref', (_s, a) => void ((deref(a[0]) as RThread).t.parkToken = true));
def(TT, 'clone', 'ref', (_s, a) => new RThread((deref(a[0]) as RThread).t));

const IT = tableFor(RThreadId);
def(IT, 'eq', 'ref', (_s, a) => (deref(a[0]) as RThreadId).id === (deref(a[1]) as RThreadId).id);
def(IT, 'ne', 'ref', (_s, a) => (deref(a[0]) as RThreadId).id !== (deref(a[1]) as RThreadId).id);
def(IT, 'clone', 'ref', (_s, a) => deref(a[0]));

registerFmt(RThreadId, (v) => ({ debug: (f) => f.writeStr(`ThreadId(${(v as RThreadId).id})`) }));
registerFmt(RThread, (v) => {
  const t = (v as RThread).t;
  const name = t.name === null ? 'None' : `Some(${JSON.stringify(t.name)})`;
  return { debug: (f) => f.writeStr(`Thread { id: ThreadId(${t.id}), name: ${name}, .. }`) };
});
registerFmt(RThreadHandle, () => ({ debug: (f) => f.writeStr('JoinHandle { .. }') }));
