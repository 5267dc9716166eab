/**
 * `Arc` / `Rc` (shared ownership: the value is dropped with the last strong handle), `Weak`,
 * `std::sync::{Mutex, RwLock}` (lock → `Ok(guard)`; the guard unlocks when dropped), and the
 * atomics (`AtomicUsize`, `AtomicU32`, `AtomicU64`, `AtomicI32`, `AtomicI64`, `AtomicBool`).
 */
import { TypeFault } from '../type-fault.ts';
import type { NativeFn } from '../defs.ts';
import { registerFmt, toFmt } from '../fmt-value.ts';
import { fmtWith } from '../../fmt/index.ts';
import { claim, dropChild, dropInFlight, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { deref, Owned, RefBase, type REnum, type Value } from '../values.ts';
import { INT_TYPES, type IntType, type IntValue } from '../../num/int-type.ts';
import { callValue } from '../call.ts';
import { env } from '../env.ts';
import { blockOn, WOULD_BLOCK } from './thread-block.ts';
import { err, NONE, ok, ORDERING, some } from './enums.ts';
import { member, memberValue, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';
import { EnumDef, VariantDef } from '../defs.ts';

interface ArcBox {
  readonly holder: Value[];
  strong: number;
  weak: number;
}

/** `Arc<T>` / `Rc<T>`: a strong handle. */
export class RArc extends RefBase {
  constructor(readonly box: ArcBox) {
    super();
  }
  get(): Value {
    return this.box.holder[0];
  }
  set(): void {
    throw new TypeFault(0, 0, 'cannot assign to data in an `Arc`', 'E0594');
  }
  dropGlue(): void {
    const b = this.box;
    if (--b.strong === 0) dropChild(b.holder[0], b.holder);
  }
}

export class RWeak {
  constructor(readonly box: ArcBox) {}
}

function newArc(v: Value): RArc {
  const holder = [v];
  claim(v, holder, 0);
  return new RArc({ holder, strong: 1, weak: 0 });
}

registerFmt(RArc, (v) => {
  const inner = toFmt((v as RArc).get());
  return {
    ...(inner.display ? { display: (f) => fmtWith(inner, 'Display', f) } : {}),
    debug: (f) => fmtWith(inner, 'Debug', f),
  };
});
registerFmt(RWeak, () => ({ debug: (f) => f.writeStr('(Weak)') }));

const arc = (v: Value): RArc => {
  let x = v;
  while (x instanceof RefBase && !(x instanceof RArc)) x = x.get();
  return x as RArc;
};

for (const paths of [
  ['Arc', 'std::sync::Arc', 'sync::Arc'],
  ['Rc', 'std::rc::Rc', 'rc::Rc'],
]) {
  const N = ns(paths);
  member(N, 'new', (_s, a) => newArc(a[0]));
  member(N, 'clone', (_s, a) => {
    const x = arc(a[0]);
    x.box.strong++;
    return new RArc(x.box);
  });
  member(N, 'strong_count', (_s, a) => arc(a[0]).box.strong);
  member(N, 'weak_count', (_s, a) => arc(a[0]).box.weak);
  member(N, 'ptr_eq', (_s, a) => arc(a[0]).box === arc(a[1]).box);
  member(N, 'downgrade', (_s, a) => {
    const x = arc(a[0]);
    x.box.weak++;
    return new RWeak(x.box);
  });
  member(N, 'try_unwrap', (_s, a) => {
    const x = arc(a[0]);
    if (x.box.strong !== 1) return err(x);
    x.box.strong = 0;
    x.o = null;
    return ok(release(x.box.holder[0], x.box.holder));
  });
  member(N, 'into_inner', (_s, a) => {
    const x = arc(a[0]);
    if (--x.box.strong !== 0) return NONE;
    return some(release(x.box.holder[0], x.box.holder));
  });
  member(N, 'get_mut', (_s, a) => {
    const x = arc(a[0]);
    return x.box.strong === 1 ? some(x.box.holder[0]) : NONE;
  });
}
const AT = tableFor(RArc);
def(AT, 'clone', 'ref', (_s, a) => {
  const x = arc(a[0]);
  x.box.strong++;
  return new RArc(x.box);
});
const WT = tableFor(RWeak);
def(WT, 'upgrade', 'ref', (_s, a) => {
  const w = deref(a[0]) as RWeak;
  if (w.box.strong === 0) return NONE;
  w.box.strong++;
  return some(new RArc(w.box));
});
def(WT, 'clone', 'ref', (_s, a) => {
  const w = deref(a[0]) as RWeak;
  w.box.weak++;
  return new RWeak(w.box);
});

// ---- std::sync::Mutex / RwLock
export class RStdMutex extends Owned {
  readonly holder: Value[];
  locked = 0;
  /** A guard was dropped by a panicking thread (std's poisoning). */
  poisoned = false;
  constructor(v: Value) {
    super();
    this.holder = [v];
    claim(v, this.holder, 0);
  }
  dropGlue(): void {
    dropChild(this.holder[0], this.holder);
  }
}

export class RStdGuard extends RefBase {
  constructor(
    readonly m: RStdMutex,
    readonly write: boolean,
  ) {
    super();
    if (write) m.locked = -1;
    else m.locked++;
  }
  get(): Value {
    return this.m.holder[0];
  }
  set(v: Value): void {
    const h = this.m.holder;
    const old = h[0];
    h[0] = v;
    claim(v, h, 0);
    if (old instanceof Owned && old.o === h) {
      old.o = null;
      dropInFlight(old);
    }
  }
  dropGlue(): void {
    if (this.write) {
      this.m.locked = 0;
      if (env.panicking) this.m.poisoned = true;
    } else this.m.locked--;
  }
}

/** `PoisonError<Guard>`: the lock was poisoned; the guard is still there (`into_inner`). */
export class RPoisonError extends Owned {
  readonly f: Value[];
  constructor(g: Value) {
    super();
    this.f = [g];
    claim(g, this.f, 0);
  }
  dropGlue(): void {
    dropChild(this.f[0], this.f);
  }
}
registerFmt(RPoisonError, () => ({
  debug: (f) => f.writeStr('PoisonError { .. }'),
  display: (f) => f.writeStr('poisoned lock: another task failed inside'),
}));
const PE = tableFor(RPoisonError);
def(PE, 'into_inner', 'value', (_s, a) => release((deref(a[0]) as RPoisonError).f[0], (deref(a[0]) as RPoisonError).f));
def(PE, 'get_ref', 'ref', (_s, a) => (deref(a[0]) as RPoisonError).f[0]);
def(PE, 'get_mut', 'refMut', (_s, a) => (deref(a[0]) as RPoisonError).f[0]);

/** A guard as `LockResult`: `Err(PoisonError)` once a panicking thread dropped a guard. */
function lockResult(m: RStdMutex, g: RStdGuard): Value {
  return m.poisoned ? err(new RPoisonError(g)) : ok(g);
}
registerFmt(RStdMutex, (v) => {
  const inner = toFmt((v as RStdMutex).holder[0]);
  return {
    debug: (f) => {
      const m = v as RStdMutex;
      f.writeStr('Mutex { data: ');
      if (m.locked !== 0) f.writeStr('<locked>');
      else fmtWith(inner, 'Debug', f);
      f.writeStr(`, poisoned: ${m.poisoned}, .. }`);
    },
  };
});
registerFmt(RStdGuard, (v) => {
  const inner = toFmt((v as RStdGuard).get());
  return {
    ...(inner.display ? { display: (f) => fmtWith(inner, 'Display', f) } : {}),
    debug: (f) => fmtWith(inner, 'Debug', f),
  };
});

for (const paths of [
  ['std::sync::Mutex'],
  ['RwLock', 'std::sync::RwLock'],
  ['RefCell', 'std::cell::RefCell', 'cell::RefCell'],
  ['Cell', 'std::cell::Cell', 'cell::Cell'],
]) {
  const N = ns(paths);
  member(N, 'new', (_s, a) => new RStdMutex(a[0]));
  member(N, 'default', () => new RStdMutex(0));
}
const MT = tableFor(RStdMutex);
const mx = (v: Value): RStdMutex => deref(v) as RStdMutex;
function lock(write: boolean, wrap: boolean): NativeFn {
  return (s, a) => {
    const m = mx(a[0]);
    if (m.locked === -1 || (write && m.locked > 0)) {
      return panicAt(s, write ? 'already borrowed: BorrowMutError' : 'already mutably borrowed: BorrowError');
    }
    const g = new RStdGuard(m, write);
    return wrap ? ok(g) : g;
  };
}
/** std's `lock` / `write` / `read`: wait (blocking the thread) while the lock is held. */
function blockingLock(write: boolean): NativeFn {
  return (s, a) => {
    const m = mx(a[0]);
    const free = (): boolean => (write ? m.locked === 0 : m.locked !== -1);
    return blockOn(s, () => (free() ? lockResult(m, new RStdGuard(m, write)) : WOULD_BLOCK), free);
  };
}
def(MT, 'lock', 'ref', blockingLock(true));
def(MT, 'write', 'ref', blockingLock(true));
def(MT, 'read', 'ref', blockingLock(false));
def(MT, 'borrow_mut', 'ref', lock(true, false));
def(MT, 'borrow', 'ref', lock(false, false));
def(MT, 'try_lock', 'ref', (_s, a) => (mx(a[0]).locked !== 0 ? err('WouldBlock') : ok(new RStdGuard(mx(a[0]), true))));
def(MT, 'try_write', 'ref', (_s, a) => (mx(a[0]).locked !== 0 ? err('WouldBlock') : ok(new RStdGuard(mx(a[0]), true))));
def(MT, 'try_read', 'ref', (_s, a) =>
  mx(a[0]).locked === -1 ? err('WouldBlock') : ok(new RStdGuard(mx(a[0]), false)),
);
def(MT, 'get', 'ref', (_s, a) => mx(a[0]).holder[0]);
def(MT, 'set', 'ref', (_s, a) => {
  const m = mx(a[0]);
  new RStdGuard(m, true).set(a[1]);
  m.locked = 0;
});
def(MT, 'replace', 'ref', (_s, a) => {
  const m = mx(a[0]);
  const old = release(m.holder[0], m.holder);
  m.holder[0] = a[1];
  claim(a[1], m.holder, 0);
  return old;
});
def(MT, 'get_mut', 'refMut', (_s, a) => ok(new RStdGuard(mx(a[0]), false)));
def(MT, 'into_inner', 'value', (_s, a) => {
  const m = mx(a[0]);
  const v = release(m.holder[0], m.holder);
  return m.poisoned ? err(v) : ok(v);
});
def(MT, 'is_poisoned', 'ref', (_s, a) => mx(a[0]).poisoned);
def(MT, 'clear_poison', 'ref', (_s, a) => void (mx(a[0]).poisoned = false));

// ---- atomics
/** An atomic: its value and, for the integer ones, its type (arithmetic wraps, as `fetch_add` does). */
export class RAtomic {
  constructor(
    public v: Value,
    readonly t: IntType | null = null,
  ) {}
}
registerFmt(RAtomic, (v) => ({ debug: (f) => fmtWith(toFmt((v as RAtomic).v), 'Debug', f) }));
const ATOMIC_INTS: Record<string, IntType | null> = {
  AtomicUsize: INT_TYPES.usize,
  AtomicU64: INT_TYPES.u64,
  AtomicU32: INT_TYPES.u32,
  AtomicU16: INT_TYPES.u16,
  AtomicU8: INT_TYPES.u8,
  AtomicI32: INT_TYPES.i32,
  AtomicI64: INT_TYPES.i64,
  AtomicI16: INT_TYPES.i16,
  AtomicI8: INT_TYPES.i8,
  AtomicIsize: INT_TYPES.isize,
  AtomicBool: null,
};
/** The atomic types' names (`AtomicUsize`, `AtomicBool`, …). */
export const ATOMIC_NAMES: ReadonlySet<string> = new Set(Object.keys(ATOMIC_INTS));
for (const [name, t] of Object.entries(ATOMIC_INTS)) {
  const N = ns([name, `std::sync::atomic::${name}`, `atomic::${name}`]);
  member(N, 'new', (_s, a) => new RAtomic(deref(a[0]), t));
  // `From<bool> for AtomicBool`, `From<usize> for AtomicUsize`, … (so `false.into()` too)
  member(N, 'from', (_s, a) => new RAtomic(deref(a[0]), t));
  member(N, 'default', () => new RAtomic(t === null ? false : 0, t));
}
const AO = tableFor(RAtomic);
const at = (v: Value): RAtomic => deref(v) as RAtomic;
const big = (v: Value): bigint => BigInt(deref(v) as IntValue);
/** Atomics compare by value (a u64 above 2^53 is a bigint, below it a number). */
const sameValue = (x: Value, y: Value): boolean =>
  typeof x === 'boolean' || typeof y === 'boolean' ? x === y : big(x) === big(y);
def(AO, 'load', 'ref', (_s, a) => at(a[0]).v);
def(AO, 'store', 'ref', (_s, a) => void (at(a[0]).v = deref(a[1])));
def(AO, 'swap', 'ref', (_s, a) => {
  const x = at(a[0]);
  const old = x.v;
  x.v = deref(a[1]);
  return old;
});
/** A read-modify-write on the integer (wrapping in its type) or on the bool. */
function rmw(int: (o: bigint, v: bigint) => bigint, bool?: (o: boolean, v: boolean) => boolean): NativeFn {
  return (_s, a) => {
    const x = at(a[0]);
    const old = x.v;
    const arg = deref(a[1]);
    if (typeof old === 'boolean') x.v = bool === undefined ? old : bool(old, arg === true);
    else x.v = (x.t ?? INT_TYPES.i64).wrap(int(big(old), big(arg)));
    return old;
  };
}
def(
  AO,
  'fetch_add',
  'ref',
  rmw((o, v) => o + v),
);
def(
  AO,
  'fetch_sub',
  'ref',
  rmw((o, v) => o - v),
);
def(
  AO,
  'fetch_max',
  'ref',
  rmw((o, v) => (o > v ? o : v)),
);
def(
  AO,
  'fetch_min',
  'ref',
  rmw((o, v) => (o < v ? o : v)),
);
def(
  AO,
  'fetch_or',
  'ref',
  rmw(
    (o, v) => o | v,
    (o, v) => o || v,
  ),
);
def(
  AO,
  'fetch_and',
  'ref',
  rmw(
    (o, v) => o & v,
    (o, v) => o && v,
  ),
);
def(
  AO,
  'fetch_xor',
  'ref',
  rmw(
    (o, v) => o ^ v,
    (o, v) => o !== v,
  ),
);
def(
  AO,
  'fetch_nand',
  'ref',
  rmw(
    (o, v) => ~(o & v),
    (o, v) => !(o && v),
  ),
);
const compareExchange: NativeFn = (_s, a) => {
  const x = at(a[0]);
  const cur = x.v;
  if (sameValue(cur, a[1])) {
    x.v = deref(a[2]);
    return ok(cur);
  }
  return err(cur);
};
def(AO, 'compare_exchange', 'ref', compareExchange);
def(AO, 'compare_exchange_weak', 'ref', compareExchange);
// `fetch_update(set_order, fetch_order, f)`: `f(old)` is `Some(new)` or `None` (then Err(old)).
def(AO, 'fetch_update', 'ref', (s, a) => {
  const x = at(a[0]);
  const cur = x.v;
  const r = deref(callValue(s, a[3], [cur])) as REnum;
  if (r.v !== 1) return err(cur);
  x.v = deref(r.f[0]);
  return ok(cur);
});
def(AO, 'into_inner', 'value', (_s, a) => at(a[0]).v);
def(AO, 'get_mut', 'refMut', (_s, a) => at(a[0]).v);

export const ATOMIC_ORDERING = new EnumDef(
  'Ordering',
  ['Relaxed', 'Release', 'Acquire', 'AcqRel', 'SeqCst'].map((x, i) => new VariantDef(x, [], 'unit', i, [])),
);
const ORD = ns(['Ordering', 'std::sync::atomic::Ordering', 'atomic::Ordering', 'std::cmp::Ordering', 'cmp::Ordering']);
['Relaxed', 'Release', 'Acquire', 'AcqRel', 'SeqCst'].forEach((x, i) =>
  memberValue(ORD, x, () => ATOMIC_ORDERING.unit(i)),
);
['Less', 'Equal', 'Greater'].forEach((x, i) => memberValue(ORD, x, () => ORDERING.unit(i)));
