/**
 * `tokio::spawn` / `tokio::task::*` (tokio-facts.md §5, §6.4, §7, §8): spawning interpreter futures
 * as simulated tasks, `JoinHandle` (await, abort, is_finished, abort_handle, id; drop = detach),
 * `AbortHandle`, `JoinError` values, `yield_now`, `spawn_blocking` (a closure run on the blocking
 * pool; `std::thread::sleep` inside it blocks that thread), task ids, and the coop helpers.
 */
import { allocate, TASK_BYTES } from '../guards.ts';
import { RFuture } from '../async.ts';
import type { NativeFn, Site } from '../defs.ts';
import { displayString, registerFmt } from '../fmt-value.ts';
import { fmtIntDisplay } from '../../fmt/index.ts';
import { panicAt } from '../panic.ts';
import type { AbortHandle } from '../sim.ts';
import {
  consumeBudget,
  type Context,
  currentContext,
  type Future,
  hasBudgetRemaining,
  type JoinError,
  type JoinHandle,
  PENDING,
  type Pending,
  RustPanic,
  spawn,
  spawnBlocking,
  taskId,
  tryTaskId,
  unconstrained,
  yieldNow,
} from '../sim.ts';
import { err, NONE, ok, some } from '../std/enums.ts';
import { JoinErrorValue } from '../std/errors.ts';
import { fn } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, Owned, STATIC, type Value } from '../values.ts';
import { dropInFlight } from '../owner.ts';
import { PanicPayload } from '../panic.ts';
import { asFuture, asValue, fromResult, SimFut, toUnit } from './sim-values.ts';
import { blockingJob } from './blocking.ts';
import { TypeFault, typeFault } from '../type-fault.ts';
import { adaptFuture } from './into-future.ts';
import { spawnSiteName } from '../site-names.ts';

export { blockingJob };

/** Hands a future to the simulator (which drops it through `Future.drop`). */
export function toSim(v: Value, site: Site): Future<Value> {
  const x = adaptFuture(deref(v), true);
  if (x === null) return typeFault(site, 'this value is not a future, so it cannot be spawned', 'E0277');
  if (x instanceof RJoinHandle) liveJoinHandle(site, x);
  if (x.o === null) x.o = STATIC;
  return x;
}

/** Runs a simulator call that may panic (outside a runtime…) with a located Rust panic. */
export function located<T>(site: Site, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RustPanic) panicAt(site, e.panicMessage ?? 'Box<dyn Any>');
    throw e;
  }
}

/** `task::Id`: Display `3`, Debug `Id(3)`. */
export class RTaskId {
  constructor(readonly id: number) {}
}
registerFmt(RTaskId, (v) => ({
  display: (f) => fmtIntDisplay(f, (v as RTaskId).id),
  debug: (f) => f.writeStr(`Id(${(v as RTaskId).id})`),
}));
def(tableFor(RTaskId), 'eq', 'ref', (_s, a) => (deref(a[0]) as RTaskId).id === (deref(a[1]) as RTaskId).id);
def(tableFor(RTaskId), '__key', 'ref', (_s, a) => `T${(deref(a[0]) as RTaskId).id}`);
def(tableFor(RTaskId), 'clone', 'ref', (_s, a) => deref(a[0]));
def(tableFor(RTaskId), 'to_string', 'ref', (_s, a) => String((deref(a[0]) as RTaskId).id));

const joinError = (e: unknown): Value => new JoinErrorValue(e as never);

/** A join's outcome as `Result<T, JoinError>` (runs on every JoinHandle / JoinSet completion). */
export const joinResult = (r: unknown): Value => fromResult(r, asValue, joinError);

// A join's outcome straight into `Result<T, JoinError>`, with no JoinResult in between.
const okJoin = (v: Value): Value => ok(v);
const errJoin = (e: JoinError): Value => err(new JoinErrorValue(e));

/** `JoinHandle<T>`: a future of `Result<T, JoinError>`; dropping it detaches the task. */
export class RJoinHandle extends RFuture {
  constructor(readonly h: JoinHandle<Value>) {
    super();
  }
  poll(cx: Context): Value | Pending {
    // polled after it was consumed (a moved or finished handle reached through a reference)
    if (this.h.isDropped)
      throw new TypeFault(0, 0, 'use of moved value: this `JoinHandle` was already consumed', 'E0382');
    return this.h.pollWith<Value>(cx, okJoin, errJoin);
  }
  dropGlue(): void {
    this.h.drop();
  }
}

export class RAbortHandle extends Owned {
  constructor(readonly h: AbortHandle) {
    super();
  }
  dropGlue(): void {
    this.h.drop();
  }
}

/** A handle the program still owns; one already consumed (awaited, dropped) was moved (E0382). */
export function liveJoinHandle(site: Site, h: RJoinHandle): RJoinHandle {
  if (h.h.isDropped) typeFault(site, 'use of moved value: this `JoinHandle` was already consumed', 'E0382');
  return h;
}

// Tokio's `Debug` for both handles: `JoinHandle { id: Id(3) }` (task/join.rs, task/abort.rs).
registerFmt(RJoinHandle, (v) => ({ debug: (f) => f.writeStr(`JoinHandle { id: Id(${(v as RJoinHandle).h.id}) }`) }));
registerFmt(RAbortHandle, (v) => ({ debug: (f) => f.writeStr(`AbortHandle { id: Id(${(v as RAbortHandle).h.id}) }`) }));

const JH = tableFor(RJoinHandle);
const jh = (s: Site, v: Value): RJoinHandle => liveJoinHandle(s, deref(v) as RJoinHandle);
def(JH, 'abort', 'ref', (s, a) => void jh(s, a[0]).h.abort());
def(JH, 'is_finished', 'ref', (s, a) => jh(s, a[0]).h.isFinished());
def(JH, 'abort_handle', 'ref', (s, a) => new RAbortHandle(jh(s, a[0]).h.abortHandle()));
def(JH, 'id', 'ref', (s, a) => new RTaskId(jh(s, a[0]).h.id));

const AH = tableFor(RAbortHandle);
const ah = (v: Value): RAbortHandle => deref(v) as RAbortHandle;
def(AH, 'abort', 'ref', (_s, a) => void ah(a[0]).h.abort());
def(AH, 'is_finished', 'ref', (_s, a) => ah(a[0]).h.isFinished());
def(AH, 'id', 'ref', (_s, a) => new RTaskId(ah(a[0]).h.id));
def(AH, 'clone', 'ref', (_s, a) => new RAbortHandle(ah(a[0]).h.clone()));

// ---- JoinError
const JE = tableFor(JoinErrorValue);
const je = (v: Value): JoinErrorValue => deref(v) as JoinErrorValue;
registerFmt(JoinErrorValue, (v) => ({
  // Tokio writes it with write! (width and fill do not apply)
  display: (f) => f.writeStr((v as JoinErrorValue).e.display()),
  debug: (f) => f.writeStr((v as JoinErrorValue).e.debug()),
}));
def(JE, 'is_cancelled', 'ref', (_s, a) => je(a[0]).e.isCancelled());
def(JE, 'is_panic', 'ref', (_s, a) => je(a[0]).e.isPanic());
def(JE, 'id', 'ref', (_s, a) => new RTaskId(je(a[0]).e.id));
def(JE, 'to_string', 'ref', (_s, a) => je(a[0]).e.display());
def(JE, 'into_panic', 'value', (s, a) => {
  const e = je(a[0]).e;
  if (!e.isPanic()) return panicAt(s, `\`JoinError\` reason is not a panic.: ${e.debug()}`);
  return e.intoPanic().payload as Value;
});
def(JE, 'try_into_panic', 'value', (_s, a) => {
  const e = je(a[0]);
  const p = e.e.tryIntoPanic();
  return p ? ok(p.payload as Value) : err(e);
});

// ---- spawn
type Meta = { readonly name?: string; readonly span: { readonly line: number; readonly col: number } };
const metas = new WeakMap<Site, Meta>();
/**
 * What the trace records about a spawn site (one object per call site, not per spawn): its line
 * and the task name the syntax gives it (compile/spawn-names.ts), or `named` (`Builder::name`).
 */
export function spawnMeta(site: Site, named: string | null = null): Meta {
  // every spawn path asks for its meta first: the task's cell is charged to the memory guard here
  allocate(TASK_BYTES);
  if (named !== null) return { name: named, span: { line: site.line, col: site.col } };
  let m = metas.get(site);
  if (!m) {
    const span = { line: site.line, col: site.col };
    const name = spawnSiteName(site);
    m = name === undefined ? { span } : { name, span };
    metas.set(site, m);
  }
  return m;
}
const spawnFn: NativeFn = (s, a) => {
  const fut = toSim(a[0], s);
  try {
    return new RJoinHandle(spawn(fut, spawnMeta(s)));
  } catch (e) {
    if (e instanceof RustPanic) panicAt(s, e.panicMessage ?? 'Box<dyn Any>');
    throw e;
  }
};
fn(['tokio::spawn', 'tokio::task::spawn', 'task::spawn', 'spawn'], spawnFn);

fn(['tokio::task::spawn_blocking', 'task::spawn_blocking', 'spawn_blocking'], (s, a) => {
  return new RJoinHandle(located(s, () => spawnBlocking(blockingJob(a[0], s), spawnMeta(s))));
});
fn(['tokio::task::yield_now', 'task::yield_now', 'yield_now'], () => new SimFut(yieldNow(), toUnit));
fn(['tokio::task::id', 'task::id'], (s) => new RTaskId(located(s, () => taskId())));
fn(['tokio::task::try_id', 'task::try_id'], () => {
  const id = tryTaskId();
  return id === undefined ? NONE : some(new RTaskId(id));
});
fn(
  ['tokio::task::consume_budget', 'task::consume_budget', 'coop::consume_budget', 'tokio::task::coop::consume_budget'],
  () => new SimFut(consumeBudget(), toUnit),
);
fn(['tokio::task::coop::has_budget_remaining', 'coop::has_budget_remaining', 'task::coop::has_budget_remaining'], () =>
  hasBudgetRemaining(),
);
fn(
  ['tokio::task::unconstrained', 'task::unconstrained', 'coop::unconstrained', 'tokio::task::coop::unconstrained'],
  (s, a) => new SimFut(unconstrained(toSim(a[0], s))),
);
fn(['std::future::ready', 'future::ready', 'core::future::ready'], (_s, a) => new ReadyFut(a[0]));
fn(['std::future::pending', 'future::pending'], () => new SimFut({ poll: () => PENDING, drop: () => undefined }));

/** `std::future::ready(v)`. */
class ReadyFut extends RFuture {
  private taken = false;
  constructor(private readonly v: Value) {
    super();
    if (v instanceof Owned && v.o === null) {
      v.o = this;
    }
  }
  poll(): Value | Pending {
    if (this.taken) throw new Error('`Ready` polled after completion');
    this.taken = true;
    const v = this.v;
    if (v instanceof Owned && v.o === this) v.o = null;
    return v;
  }
  dropGlue(): void {
    const v = this.v;
    if (!this.taken && v instanceof Owned && v.o === this) {
      v.o = null;
      dropInFlight(v);
    }
  }
}

export { PanicPayload, displayString, asFuture, currentContext };

// ---- panic payloads (`Box<dyn Any + Send>`)
const PP = tableFor(PanicPayload);
function downcast(p: PanicPayload, hint: string | null): boolean {
  const h = (hint ?? '').replace(/\s+/g, '');
  if (h === '&str' || h === "&'staticstr") return p.isStr;
  if (h === 'String') return !p.isStr;
  return false;
}
def(PP, 'downcast_ref', 'ref', (s, a) => {
  const p = deref(a[0]) as PanicPayload;
  return downcast(p, s.hint) ? some(p.msg) : NONE;
});
def(PP, 'downcast', 'value', (s, a) => {
  const p = deref(a[0]) as PanicPayload;
  return downcast(p, s.hint) ? ok(p.msg) : err(p);
});
def(PP, 'is', 'ref', (s, a) => downcast(deref(a[0]) as PanicPayload, s.hint));
registerFmt(PanicPayload, () => ({ debug: (f) => f.writeStr('Any { .. }') }));
