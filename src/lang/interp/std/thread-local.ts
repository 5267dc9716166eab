/**
 * `thread_local!` keys (`std::thread::LocalKey`): each thread that touches a key gets its own
 * value, made by the key's initializer on first use. "Thread" is what the code runs on: a std
 * thread the program spawned, a Tokio worker or blocking-pool thread of a runtime, or the main
 * thread (which also drives a current_thread runtime's tasks and every `block_on` future).
 * `with`, and for `Cell`/`RefCell` values `get`, `set`, `take`, `replace`, `with_borrow` and
 * `with_borrow_mut`. A std thread's values are dropped when it ends, the main thread's when `main`
 * has returned, a runtime thread's when its runtime has shut down (its threads exit then, and the
 * runtime's drop waits for them).
 */
import { callValue } from '../call.ts';
import type { Site } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import { currentContext } from '../sim.ts';
import { deref, type Value } from '../values.ts';
import { claim, dropChild, release } from '../owner.ts';
import { currentRun } from '../tokio/current.ts';
import { defaultFor } from './defaults.ts';
import { ok } from './enums.ts';
import type { RStdMutex } from './sync.ts';
import { RStdGuard } from './sync.ts';
import { def, tableFor } from './tables.ts';
import { osThreadsIfAny } from './thread-block.ts';

/**
 * The Tokio worker or blocking-pool thread the code runs on, as its context object (one per
 * thread, reused while the thread lives, as Tokio reuses them), or null on any other thread.
 */
export function runtimeThread(): object | null {
  const ctx = currentContext();
  const name = ctx?.threadName;
  if (ctx === undefined || name === undefined) return null;
  return name.startsWith('blocking') || name.startsWith('worker') || name === 'tokio-runtime-worker' ? ctx : null;
}

/** Runtime threads numbered in the order first seen. */
const workerKeys = new WeakMap<object, string>();
let workerCount = 0;

/** The thread the running code is on, as a key for per-thread values. */
function threadKey(): string {
  const rt = runtimeThread();
  if (rt !== null) {
    let k = workerKeys.get(rt);
    if (k === undefined) {
      workerKeys.set(rt, (k = `runtime thread ${workerCount++}`));
      const id = currentContext()!.handle.id;
      const threads = runtimeThreadsOf();
      threads.set(id, [...(threads.get(id) ?? []), k]);
    }
    return k;
  }
  const ts = osThreadsIfAny();
  return ts !== null ? stdThreadKey(ts.current.id) : 'main';
}

/** Per run: each runtime's threads (by the runtime's id) that code ran on, in the order first seen. */
const runtimeThreadLists = new WeakMap<object, Map<number, string[]>>();
function runtimeThreadsOf(): Map<number, string[]> {
  const world = currentRun().world;
  let m = runtimeThreadLists.get(world);
  if (m === undefined) runtimeThreadLists.set(world, (m = new Map<number, string[]>()));
  return m;
}

/**
 * Runtime `id` has shut down: its worker and blocking-pool threads exit, each dropping its
 * thread-locals (the last initialized first). Which thread exits first is up to the OS; here it
 * is the order the threads were first seen.
 */
export function dropRuntimeThreadLocals(id: number): void {
  const threads = runtimeThreadsOf();
  const list = threads.get(id) ?? [];
  threads.delete(id);
  for (const k of list) dropThreadLocals(k);
}

/** Per run: each thread's initialized thread-locals, in the order they were first used. */
const initialized = new WeakMap<object, Map<string, RLocalKey[]>>();
function initializedOn(thread: string): RLocalKey[] {
  const world = currentRun().world;
  let m = initialized.get(world);
  if (m === undefined) initialized.set(world, (m = new Map<string, RLocalKey[]>()));
  let list = m.get(thread);
  if (list === undefined) m.set(thread, (list = []));
  return list;
}

export class RLocalKey {
  /** Each thread's value, owned by its one-slot holder. */
  private readonly perThread = new Map<string, Value[]>();
  constructor(
    readonly name: string,
    private readonly init: () => Value,
  ) {}

  /** This thread's value (made on first use). */
  value(): Value {
    const k = threadKey();
    let holder = this.perThread.get(k);
    if (holder === undefined) {
      holder = [this.init()];
      claim(holder[0], holder, 0);
      this.perThread.set(k, holder);
      initializedOn(k).push(this);
    }
    return holder[0];
  }

  /** Drops `thread`'s value (its destructor runs), as std does when that thread exits. */
  dropOn(thread: string): void {
    const holder = this.perThread.get(thread);
    if (holder === undefined) return;
    this.perThread.delete(thread);
    dropChild(holder[0], holder);
  }
}

/** The key of std thread `id` (main is 1). */
export const stdThreadKey = (id: number): string => (id === 1 ? 'main' : `thread ${id}`);

/**
 * A thread exits: its thread-locals are dropped, the last initialized first (std registers each
 * destructor when the value is first made; they run in reverse).
 */
export function dropThreadLocals(thread: string): void {
  const list = initializedOn(thread);
  while (list.length > 0) list.pop()!.dropOn(thread);
}

const key = (v: Value): RLocalKey => deref(v) as RLocalKey;
/** The `Cell` / `RefCell` a key's value is (both are `RStdMutex` in the interpreter). */
const cell = (v: Value): RStdMutex => deref(key(v).value()) as RStdMutex;

/** Runs `f` with a borrow guard on the key's cell, released when `f` returns. */
function withBorrow(s: Site, k: Value, f: Value, write: boolean): Value {
  const g = new RStdGuard(cell(k), write);
  try {
    return callValue(s, f, [g]);
  } finally {
    g.dropGlue();
  }
}

function replaceValue(k: Value, v: Value): Value {
  const m = cell(k);
  const old = release(m.holder[0], m.holder);
  m.holder[0] = v;
  claim(v, m.holder, 0);
  return old;
}

const KT = tableFor(RLocalKey);
def(KT, 'with', 'ref', (s, a) => callValue(s, a[1], [key(a[0]).value()]));
def(KT, 'try_with', 'ref', (s, a) => ok(callValue(s, a[1], [key(a[0]).value()])));
def(KT, 'with_borrow', 'ref', (s, a) => withBorrow(s, a[0], a[1], false));
def(KT, 'with_borrow_mut', 'ref', (s, a) => withBorrow(s, a[0], a[1], true));
def(KT, 'get', 'ref', (_s, a) => cell(a[0]).holder[0]);
def(KT, 'set', 'ref', (_s, a) => void replaceValue(a[0], a[1]));
def(KT, 'replace', 'ref', (_s, a) => replaceValue(a[0], a[1]));
def(KT, 'take', 'ref', (s, a) => replaceValue(a[0], defaultFor(s)));

registerFmt(RLocalKey, () => ({ debug: (f) => f.writeStr('LocalKey { .. }') }));
