/**
 * `thread_local!` keys (`std::thread::LocalKey`): each thread that touches a key gets its own
 * value, made by the key's initializer on first use. "Thread" is what the code runs on: a std
 * thread the program spawned, a Tokio worker or blocking-pool thread of a runtime, or the main
 * thread (which also drives a current_thread runtime's tasks and every `block_on` future).
 * `with`, and for `Cell`/`RefCell` values `get`, `set`, `take`, `replace`, `with_borrow` and
 * `with_borrow_mut`. Values are not dropped when their thread ends (see docs/std-surface.md).
 */
import { callValue } from '../call.ts';
import type { Site } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import { currentContext } from '../sim.ts';
import { deref, type Value } from '../values.ts';
import { claim, release } from '../owner.ts';
import { defaultFor } from './defaults.ts';
import { ok } from './enums.ts';
import type { RStdMutex } from './sync.ts';
import { RStdGuard } from './sync.ts';
import { def, tableFor } from './tables.ts';
import { osThreadsIfAny } from './thread-block.ts';

/** Runtime threads (their context objects) numbered in the order first seen. */
const workerKeys = new WeakMap<object, string>();
let workerCount = 0;

/** The thread the running code is on, as a key for per-thread values. */
function threadKey(): string {
  const ctx = currentContext();
  const name = ctx?.threadName;
  if (ctx !== undefined && name !== undefined) {
    // one context object per worker and per blocking-pool thread (reused while it lives, as Tokio does)
    if (name.startsWith('blocking') || name.startsWith('worker') || name === 'tokio-runtime-worker') {
      let k = workerKeys.get(ctx);
      if (k === undefined) workerKeys.set(ctx, (k = `runtime thread ${workerCount++}`));
      return k;
    }
  }
  const ts = osThreadsIfAny();
  return ts !== null && ts.current !== ts.main ? `thread ${ts.current.id}` : 'main';
}

export class RLocalKey {
  private readonly perThread = new Map<string, Value>();
  constructor(
    readonly name: string,
    private readonly init: () => Value,
  ) {}

  /** This thread's value (made on first use). */
  value(): Value {
    const k = threadKey();
    if (!this.perThread.has(k)) this.perThread.set(k, this.init());
    return this.perThread.get(k);
  }
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
