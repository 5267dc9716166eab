/**
 * `tokio::sync::RwLock` as Rust values over the simulator's fair RwLock: read and write guards
 * read through to the lock's value; a write guard can `downgrade` to a read guard in place.
 */
import { registerFmt, toFmt } from '../fmt-value.ts';
import { fmtWith } from '../../fmt/index.ts';
import { dropInFlight } from '../owner.ts';
import { RwLock, type RwLockGuard } from '../sim.ts';
import { member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, Owned, RefBase, type Value } from '../values.ts';
import { fromResult, SimError, SimFut, SimGuard } from './sim-values.ts';

export class RRwLock extends Owned {
  constructor(readonly l: RwLock<Value>) {
    super();
  }
  dropGlue(): void {
    dropInFlight(this.l.getMut());
  }
}
export class RRwLockGuard extends SimGuard<RwLockGuard<Value>> {}
registerFmt(RRwLock, (v) => {
  const l = (v as RRwLock).l;
  return {
    debug: (f) => {
      // Tokio prints the value only when a read permit is free right now
      f.writeStr('RwLock { data: ');
      if (l.sem.availablePermits() > 0) fmtWith(toFmt(l.getMut()), 'Debug', f);
      else f.writeStr('<locked>');
      f.writeStr(' }');
    },
  };
});

const tryLockError = (): SimError => new SimError('operation would block', 'TryLockError(())');
const guard = (g: unknown): Value => new RRwLockGuard(g as RwLockGuard<Value>);

const N = ns(['tokio::sync::RwLock', 'sync::RwLock']);
member(N, 'new', (_s, a) => new RRwLock(new RwLock<Value>(a[0])));
member(N, 'const_new', (_s, a) => new RRwLock(new RwLock<Value>(a[0])));
member(N, 'with_max_readers', (_s, a) => new RRwLock(new RwLock<Value>(a[0], Number(a[1]))));
const T = tableFor(RRwLock);
const lk = (v: Value): RwLock<Value> => (deref(v) as RRwLock).l;
for (const owned of ['', '_owned']) {
  const mode = owned ? 'value' : 'ref';
  def(T, `read${owned}`, mode, (_s, a) => new SimFut(lk(a[0]).read(), guard));
  def(T, `write${owned}`, mode, (_s, a) => new SimFut(lk(a[0]).write(), guard));
  def(T, `try_read${owned}`, mode, (_s, a) => fromResult(lk(a[0]).tryRead(), guard, tryLockError));
  def(T, `try_write${owned}`, mode, (_s, a) => fromResult(lk(a[0]).tryWrite(), guard, tryLockError));
}
/** `get_mut`: `&mut T` straight into the lock (no guard: the caller owns the lock). */
class LockPlace extends RefBase {
  constructor(readonly l: RwLock<Value>) {
    super();
  }
  get(): Value {
    return this.l.getMut();
  }
  set(v: Value): void {
    this.l.write_(v);
  }
  dropGlue(): void {}
}
def(T, 'get_mut', 'refMut', (_s, a) => new LockPlace(lk(a[0])));
def(T, 'into_inner', 'value', (_s, a) => lk(a[0]).getMut());

/** The guard itself (`deref` would go through it to the value). */
function guardOf(v: Value): RRwLockGuard {
  let x = v;
  while (!(x instanceof RRwLockGuard) && x instanceof RefBase) x = x.get();
  return x as RRwLockGuard;
}
const downgrade = (_s: unknown, a: Value[]): Value => {
  guardOf(a[0]).g.downgrade();
  return a[0];
};
def(tableFor(RRwLockGuard), 'downgrade', 'value', downgrade);
for (const path of ['tokio::sync::RwLockWriteGuard', 'tokio::sync::OwnedRwLockWriteGuard']) {
  member(ns([path, path.replace('tokio::', '')]), 'downgrade', downgrade);
}
