/**
 * `tokio::sync::{oneshot, mpsc, Notify, Mutex, Semaphore}` as Rust values over the simulator's
 * primitives (tokio-facts.md §7 budget). Values sent through channels travel in flight; the
 * simulator hands undelivered ones back to be dropped.
 */
import type { NativeFn, Site } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import {
  type Permit as MpscPermit,
  channel,
  Mutex,
  type MutexGuard,
  Notify,
  type Notified,
  oneshot,
  type OneshotReceiver,
  type OneshotSender,
  type Receiver,
  Semaphore,
  type SemaphorePermit,
  Sender,
  unboundedChannel,
  type UnboundedSender,
  type WeakSender,
  type Context,
  PENDING,
  type Pending,
} from '../sim.ts';
import { claim, claimAll, dropChild, dropInFlight, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { err, NONE, ok, some } from '../std/enums.ts';
import { fn, member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, Owned, type Value } from '../values.ts';
import { RFuture } from '../async.ts';
import { asValue, fromResult, SimError, SimFut, SimGuard, toUnit, toOption } from './sim-values.ts';
import { RArc } from '../std/sync.ts';
import { BufIter, tuple2 } from '../std/iter.ts';
import {
  MPSC_TRY_RECV_ERROR,
  ONESHOT_TRY_RECV_ERROR,
  TRY_ACQUIRE_ERROR,
  TRY_SEND_ERROR,
  variantOf,
} from './error-enums.ts';

/** A simulator error (`RustError`) as a Rust value with Tokio's Display and a Debug form. */
function simErr(e: unknown, debug: string): SimError {
  const x = e as { display(): string; className: string; value?: unknown };
  const fields = x.className === 'SendError' ? [x.value as Value] : null;
  return new SimError(x.display(), debug, false, fields);
}
function debugOf(e: unknown): string {
  const x = e as { className: string };
  switch (x.className) {
    case 'RecvError':
      return 'RecvError(())';
    case 'SendError':
      return 'SendError { .. }';
    case 'AcquireError':
      return 'AcquireError(())';
    case 'TryLockError':
      return 'TryLockError(())';
    default:
      return x.className;
  }
}
/** The error enums (`TrySendError`, `TryRecvError`, `TryAcquireError`) are Rust enums; the rest structs. */
function enumErr(e: unknown): Value | null {
  const x = e as { kind?: string; value?: unknown; className: string };
  switch (x.className) {
    case 'TrySendError':
      return variantOf(TRY_SEND_ERROR, x.kind === 'full' ? 0 : 1, x.value as Value);
    case 'TryRecvError':
      if (x.kind === 'disconnected') return variantOf(MPSC_TRY_RECV_ERROR, 1);
      if (x.kind === 'closed') return variantOf(ONESHOT_TRY_RECV_ERROR, 1);
      // both channels' Empty is variant 0; which one is told by the receiver (see tryRecvErr)
      return null;
    case 'TryAcquireError':
      return variantOf(TRY_ACQUIRE_ERROR, x.kind === 'closed' ? 0 : 1);
    default:
      return null;
  }
}
const asErr = (e: unknown): Value => enumErr(e) ?? simErr(e, debugOf(e));
/** `try_recv`'s error, whose Empty variant belongs to the channel's own TryRecvError. */
const tryRecvErr =
  (empty: Value) =>
  (e: unknown): Value =>
    enumErr(e) ?? empty;

/** Rust wrapper around a simulator handle whose drop has an effect. */
abstract class Handle<T extends { drop(): void }> extends Owned {
  constructor(readonly h: T) {
    super();
  }
  dropGlue(): void {
    this.h.drop();
  }
}

// ---- oneshot
export class ROneshotTx extends Handle<OneshotSender<Value>> {}
export class ROneshotRx extends RFuture {
  constructor(readonly h: OneshotReceiver<Value>) {
    super();
  }
  poll(cx: Context): Value | Pending {
    const r = this.h.poll(cx);
    return r === PENDING ? PENDING : fromResult(r, (v) => v as Value, asErr);
  }
  dropGlue(): void {
    this.h.drop();
  }
}
fn(['tokio::sync::oneshot::channel', 'oneshot::channel', 'sync::oneshot::channel'], () => {
  const [tx, rx] = oneshot<Value>();
  return tuple2(new ROneshotTx(tx), new ROneshotRx(rx));
});
const OTX = tableFor(ROneshotTx);
const otx = (v: Value): OneshotSender<Value> => (deref(v) as ROneshotTx).h;
def(OTX, 'send', 'value', (_s, a) => {
  const r = otx(a[0]).send(a[1]);
  return r.ok ? ok(undefined) : err(r.error);
});
def(OTX, 'is_closed', 'ref', (_s, a) => otx(a[0]).isClosed());
def(OTX, 'closed', 'refMut', (_s, a) => new SimFut(otx(a[0]).closed(), toUnit));
const ORX = tableFor(ROneshotRx);
const orx = (v: Value): OneshotReceiver<Value> => (deref(v) as ROneshotRx).h;
def(ORX, 'try_recv', 'refMut', (_s, a) =>
  fromResult(orx(a[0]).tryRecv(), (v) => v as Value, tryRecvErr(variantOf(ONESHOT_TRY_RECV_ERROR, 0))),
);
def(ORX, 'close', 'refMut', (_s, a) => void orx(a[0]).close());
def(ORX, 'is_terminated', 'ref', (_s, a) => orx(a[0]).isTerminated());
def(ORX, 'is_empty', 'ref', (_s, a) => orx(a[0]).isEmpty());

// ---- mpsc
export class RSender extends Handle<Sender<Value>> {}
export class RUnboundedSender extends Handle<UnboundedSender<Value>> {}
export class RReceiver extends Handle<Receiver<Value>> {}
for (const cls of [RSender, RUnboundedSender, RReceiver]) {
  registerFmt(cls, () => ({ debug: (f) => f.writeStr(`${cls.name.slice(1)} { .. }`) }));
}
fn(['tokio::sync::mpsc::channel', 'mpsc::channel', 'sync::mpsc::channel'], (_s, a) => {
  const [tx, rx] = channel<Value>(Number(a[0]));
  return tuple2(new RSender(tx), new RReceiver(rx));
});
fn(['tokio::sync::mpsc::unbounded_channel', 'mpsc::unbounded_channel', 'sync::mpsc::unbounded_channel'], () => {
  const [tx, rx] = unboundedChannel<Value>();
  return tuple2(new RUnboundedSender(tx), new RReceiver(rx));
});
const sendErr = asErr;
const TX = tableFor(RSender);
const tx = (v: Value): Sender<Value> => (deref(v) as RSender).h;
def(TX, 'send', 'ref', (_s, a) => new SimFut(tx(a[0]).send(a[1]), (r) => fromResult(r, () => undefined, sendErr)));
def(TX, 'try_send', 'ref', (_s, a) => fromResult(tx(a[0]).trySend(a[1]), () => undefined, sendErr));
def(TX, 'clone', 'ref', (_s, a) => new RSender(tx(a[0]).clone()));
def(TX, 'is_closed', 'ref', (_s, a) => tx(a[0]).isClosed());
def(TX, 'closed', 'ref', (_s, a) => new SimFut(tx(a[0]).closed(), toUnit));
def(TX, 'capacity', 'ref', (_s, a) => tx(a[0]).capacity());
def(TX, 'max_capacity', 'ref', (_s, a) => tx(a[0]).maxCapacity());
def(TX, 'strong_count', 'ref', (_s, a) => tx(a[0]).strongCount());
def(TX, 'same_channel', 'ref', (_s, a) => tx(a[0]).sameChannel(tx(a[1])));
def(TX, 'downgrade', 'ref', (_s, a) => new RWeakSender(tx(a[0]).downgrade(), false));
def(TX, 'weak_count', 'ref', (_s, a) => tx(a[0]).weakCount());
const UTX = tableFor(RUnboundedSender);
const utx = (v: Value): UnboundedSender<Value> => (deref(v) as RUnboundedSender).h;
def(UTX, 'send', 'ref', (_s, a) => fromResult(utx(a[0]).send(a[1]), () => undefined, sendErr));
def(UTX, 'clone', 'ref', (_s, a) => new RUnboundedSender(utx(a[0]).clone()));
def(UTX, 'is_closed', 'ref', (_s, a) => utx(a[0]).isClosed());
def(UTX, 'closed', 'ref', (_s, a) => new SimFut(utx(a[0]).closed(), toUnit));
def(UTX, 'strong_count', 'ref', (_s, a) => utx(a[0]).strongCount());
def(UTX, 'downgrade', 'ref', (_s, a) => new RWeakSender(utx(a[0]).downgrade(), true));
def(UTX, 'weak_count', 'ref', (_s, a) => utx(a[0]).weakCount());

/** `WeakSender` / `WeakUnboundedSender`: `upgrade()` succeeds while a strong sender lives. */
export class RWeakSender extends Handle<WeakSender<Value>> {
  constructor(
    h: WeakSender<Value>,
    readonly unbounded: boolean,
  ) {
    super(h);
  }
}
// Tokio: `debug_struct("WeakSender").finish()` (no fields)
registerFmt(RWeakSender, (v) => ({
  debug: (f) => f.writeStr((v as RWeakSender).unbounded ? 'WeakUnboundedSender' : 'WeakSender'),
}));
const WTX = tableFor(RWeakSender);
const wtx = (v: Value): WeakSender<Value> => (deref(v) as RWeakSender).h;
def(WTX, 'upgrade', 'ref', (_s, a) => {
  const s = wtx(a[0]).upgrade() as Sender<Value> | UnboundedSender<Value> | null;
  if (s === null) return NONE;
  return some(s instanceof Sender ? new RSender(s) : new RUnboundedSender(s));
});
def(WTX, 'clone', 'ref', (_s, a) => new RWeakSender(wtx(a[0]).clone(), (deref(a[0]) as RWeakSender).unbounded));
def(WTX, 'strong_count', 'ref', (_s, a) => wtx(a[0]).strongCount());
def(WTX, 'weak_count', 'ref', (_s, a) => wtx(a[0]).weakCount());
const RX = tableFor(RReceiver);
const rx = (v: Value): Receiver<Value> => (deref(v) as RReceiver).h;
def(RX, 'recv', 'refMut', (_s, a) => new SimFut(rx(a[0]).recv(), toOption));
def(RX, 'try_recv', 'refMut', (_s, a) =>
  fromResult(rx(a[0]).tryRecv(), (v) => v as Value, tryRecvErr(variantOf(MPSC_TRY_RECV_ERROR, 0))),
);
def(RX, 'close', 'refMut', (_s, a) => void rx(a[0]).close());
def(RX, 'is_closed', 'ref', (_s, a) => rx(a[0]).isClosed());
def(RX, 'is_empty', 'ref', (_s, a) => rx(a[0]).isEmpty());
def(RX, 'len', 'ref', (_s, a) => rx(a[0]).len());

// ---- Notify
export class RNotify {
  constructor(readonly n: Notify) {}
}
const NF = ns(['Notify', 'tokio::sync::Notify', 'sync::Notify']);
member(NF, 'new', () => new RNotify(new Notify()));
member(NF, 'default', () => new RNotify(new Notify()));
const NT = tableFor(RNotify);
const nt = (v: Value): Notify => (deref(v) as RNotify).n;
/** `Notified<'_>`: a future that can also `enable()` itself (register before the first poll). */
export class RNotified extends RFuture {
  constructor(readonly n: Notified) {
    super();
  }
  poll(cx: Context): Value | Pending {
    return this.n.poll(cx) === PENDING ? PENDING : undefined;
  }
  dropGlue(): void {
    this.n.drop();
  }
}
def(NT, 'notified', 'ref', (_s, a) => new RNotified(nt(a[0]).notified()));
def(tableFor(RNotified), 'enable', 'refMut', (_s, a) => (deref(a[0]) as RNotified).n.enable());
def(NT, 'notify_one', 'ref', (_s, a) => void nt(a[0]).notifyOne());
def(NT, 'notify_last', 'ref', (_s, a) => void nt(a[0]).notifyLast());
def(NT, 'notify_waiters', 'ref', (_s, a) => void nt(a[0]).notifyWaiters());

// ---- Mutex
export class RMutex extends Owned {
  constructor(readonly m: Mutex<Value>) {
    super();
  }
  dropGlue(): void {
    dropInFlight(this.m.read());
  }
}
export class RMutexGuard extends SimGuard<MutexGuard<Value>> {
  /** The `Arc<Mutex<T>>` an owned guard (`lock_owned`) keeps alive: `OwnedMutexGuard::mutex`. */
  readonly owner: Value[] = [];
  override dropGlue(): void {
    super.dropGlue();
    if (this.owner.length > 0) dropChild(this.owner[0], this.owner);
  }
}
registerFmt(RMutex, () => ({ debug: (f) => f.writeStr('Mutex { .. }') }));
const MX = ns(['Mutex', 'tokio::sync::Mutex']);
member(MX, 'new', (_s, a) => new RMutex(new Mutex<Value>(a[0])));
const MT = tableFor(RMutex);
const mx = (v: Value): Mutex<Value> => (deref(v) as RMutex).m;
const lock = (_s: Site, a: Value[]): Value =>
  new SimFut(mx(a[0]).lock(), (g) => new RMutexGuard(g as MutexGuard<Value>));
const tryLock = (_s: Site, a: Value[]): Value =>
  fromResult(mx(a[0]).tryLock(), (g) => new RMutexGuard(g as MutexGuard<Value>), asErr);
/**
 * An owned guard holds the `Arc<Mutex>` it was taken through (released with the guard); until the
 * lock is acquired the pending call holds it.
 */
function owning(arc: Value): (g: unknown) => Value {
  const held: Value[] = [arc];
  claim(arc, held, 0);
  return (g) => {
    const guard = new RMutexGuard(g as MutexGuard<Value>);
    guard.owner.push(release(held[0], held));
    held[0] = undefined;
    claim(guard.owner[0], guard.owner, 0);
    return guard;
  };
}
def(MT, 'lock', 'ref', lock);
def(MT, 'lock_owned', 'value', lock);
def(MT, 'try_lock_owned', 'value', tryLock);
// on the `Arc<Mutex<T>>` itself, which the owned guard keeps (found before auto-deref)
const ARC = tableFor(RArc);
def(ARC, 'lock_owned', 'value', (_s, a) => new SimFut(mx(a[0]).lock(), owning(a[0])));
def(ARC, 'try_lock_owned', 'value', (_s, a) => {
  const r = mx(a[0]).tryLock() as { ok: boolean };
  // on failure the `Arc` taken by value is dropped with the call
  if (!r.ok) dropInFlight(a[0]);
  return fromResult(r, r.ok ? owning(a[0]) : asValue, asErr);
});
def(MT, 'try_lock', 'ref', tryLock);
def(MT, 'get_mut', 'refMut', (_s, a) => mx(a[0]).getMut());
def(MT, 'into_inner', 'value', (_s, a) => mx(a[0]).read());
def(MT, 'is_locked', 'ref', (_s, a) => mx(a[0]).isLocked());

// ---- Semaphore
export class RSemaphore {
  constructor(readonly s: Semaphore) {}
}
/** A (possibly owned) permit; keeps its semaphore for `semaphore()`. */
export class RPermit extends Owned {
  constructor(
    readonly h: SemaphorePermit,
    readonly sem: RSemaphore,
  ) {
    super();
  }
  dropGlue(): void {
    this.h.drop();
  }
}
const SM = ns(['Semaphore', 'tokio::sync::Semaphore', 'sync::Semaphore']);
member(SM, 'new', (_s, a) => new RSemaphore(new Semaphore(Number(a[0]))));
const ST = tableFor(RSemaphore);
const sm = (v: Value): Semaphore => (deref(v) as RSemaphore).s;
/** The permit conversions of one semaphore (owned or borrowed permits behave alike here). */
function permitOf(v: Value): (p: unknown) => Value {
  const s = deref(v) as RSemaphore;
  return (p) => new RPermit(p as SemaphorePermit, s);
}
const acquire = (_s: Site, a: Value[]): Value =>
  new SimFut(sm(a[0]).acquire(), (r) => fromResult(r, permitOf(a[0]), asErr));
const acquireMany = (_s: Site, a: Value[]): Value =>
  new SimFut(sm(a[0]).acquireMany(Number(a[1])), (r) => fromResult(r, permitOf(a[0]), asErr));
const tryAcquire = (_s: Site, a: Value[]): Value => fromResult(sm(a[0]).tryAcquire(), permitOf(a[0]), asErr);
const tryAcquireMany = (_s: Site, a: Value[]): Value =>
  fromResult(sm(a[0]).tryAcquireMany(Number(a[1])), permitOf(a[0]), asErr);
def(ST, 'acquire', 'ref', acquire);
def(ST, 'acquire_owned', 'value', acquire);
def(ST, 'acquire_many', 'ref', acquireMany);
def(ST, 'acquire_many_owned', 'value', acquireMany);
def(ST, 'try_acquire', 'ref', tryAcquire);
def(ST, 'try_acquire_owned', 'value', tryAcquire);
def(ST, 'try_acquire_many', 'ref', tryAcquireMany);
def(ST, 'try_acquire_many_owned', 'value', tryAcquireMany);
def(ST, 'available_permits', 'ref', (_s, a) => sm(a[0]).availablePermits());
def(ST, 'add_permits', 'ref', (_s, a) => void sm(a[0]).addPermits(Number(a[1])));
def(ST, 'forget_permits', 'ref', (_s, a) => sm(a[0]).forgetPermits(Number(a[1])));
def(ST, 'close', 'ref', (_s, a) => void sm(a[0]).close());
def(ST, 'is_closed', 'ref', (_s, a) => sm(a[0]).isClosed());
const PT = tableFor(RPermit);
def(PT, 'forget', 'value', (_s, a) => {
  const p = deref(a[0]) as RPermit;
  p.h.forget();
  return undefined;
});
def(PT, 'num_permits', 'ref', (_s, a) => (deref(a[0]) as RPermit).h.numPermits());
def(PT, 'merge', 'refMut', (site, a) => {
  const into = (deref(a[0]) as RPermit).h;
  const other = (deref(a[1]) as RPermit).h;
  // tokio asserts it (#[track_caller]: the panic is located at the call)
  if (!into.sameSemaphore(other)) panicAt(site, 'merging permits from different semaphore instances', true);
  into.merge(other);
  return undefined;
});
def(PT, 'split', 'refMut', (_s, a) => {
  const p = deref(a[0]) as RPermit;
  const part = p.h.split(Number(a[1]));
  return part === null ? NONE : some(new RPermit(part, p.sem));
});
def(PT, 'semaphore', 'ref', (_s, a) => (deref(a[0]) as RPermit).sem);

export type { NativeFn, Site };

/** `mpsc::Permit<T>`: one reserved slot; `send` uses it, dropping it unused gives it back. */
export class RMpscPermit extends Owned {
  constructor(readonly p: MpscPermit<Value>) {
    super();
  }
  dropGlue(): void {
    this.p.drop();
  }
}
registerFmt(RMpscPermit, () => ({ debug: (f) => f.writeStr('Permit { chan: .. }') }));
const closedErr = (): Value => new SimError('channel closed', 'SendError { .. }');
const onePermit = (ps: unknown): Value => new RMpscPermit((ps as MpscPermit<Value>[])[0]);
/** `PermitIterator`: the permits as an owned iterator; those never taken go back on drop. */
function permitIter(ps: unknown): Value {
  const a: Value[] = (ps as MpscPermit<Value>[]).map((p) => new RMpscPermit(p));
  claimAll(a, a);
  return new BufIter(a, true);
}
def(
  TX,
  'reserve',
  'ref',
  (_s, a) => new SimFut(tx(a[0]).reserve(), (r) => fromResult(r, (p) => onePermit([p]), closedErr)),
);
def(
  TX,
  'reserve_many',
  'ref',
  (_s, a) => new SimFut(tx(a[0]).reserveMany(Number(a[1])), (r) => fromResult(r, permitIter, closedErr)),
);
def(TX, 'try_reserve', 'ref', (_s, a) => fromResult(tx(a[0]).tryReserveMany(1), onePermit, asErr));
def(TX, 'try_reserve_many', 'ref', (_s, a) => fromResult(tx(a[0]).tryReserveMany(Number(a[1])), permitIter, asErr));

/**
 * `OwnedPermit<T>`: a permit that owns its `Sender` (moved in by `reserve_owned`); `send` and
 * `release` hand the sender back, dropping the permit drops both.
 */
export class ROwnedPermit extends Owned {
  private readonly box: Value[];
  constructor(
    readonly p: MpscPermit<Value>,
    sender: Value,
  ) {
    super();
    this.box = [sender];
    claim(sender, this.box, 0);
  }
  /** Gives the sender back (in flight) and leaves the permit spent. */
  takeSender(): Value {
    return release(this.box[0], this.box);
  }
  dropGlue(): void {
    this.p.drop();
    dropChild(this.box[0], this.box);
  }
}
registerFmt(ROwnedPermit, () => ({ debug: (f) => f.writeStr('OwnedPermit { chan: .. }') }));
/** The owned forms consume the sender: kept in the permit, or dropped with the error. */
function ownedPermit(sender: Value): (r: unknown) => Value {
  return (r) => {
    const res = r as { ok: boolean; value?: unknown };
    if (res.ok) return ok(new ROwnedPermit((res.value as MpscPermit<Value>[])[0], sender));
    dropInFlight(sender);
    return err(closedErr());
  };
}
def(TX, 'reserve_owned', 'value', (_s, a) => new SimFut(tx(a[0]).reserveMany(1), ownedPermit(a[0])));
def(TX, 'try_reserve_owned', 'value', (_s, a) => {
  const r = tx(a[0]).tryReserveMany(1);
  if (r.ok) return ownedPermit(a[0])(r);
  dropInFlight(a[0]);
  return err(asErr(r.error));
});
const OPT = tableFor(ROwnedPermit);
def(OPT, 'send', 'value', (_s, a) => {
  const x = deref(a[0]) as ROwnedPermit;
  x.p.send(a[1]);
  return x.takeSender();
});
def(OPT, 'release', 'value', (_s, a) => {
  const x = deref(a[0]) as ROwnedPermit;
  x.p.drop();
  return x.takeSender();
});
def(tableFor(RMpscPermit), 'send', 'value', (_s, a) => {
  const x = deref(a[0]) as RMpscPermit;
  x.p.send(a[1]);
  return undefined;
});
