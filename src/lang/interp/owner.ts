/**
 * Ownership and drops, decided at run time by identity (values.ts): a value is dropped by the
 * place that owns it — the frame slot, struct field or container item it was moved into — and by
 * nobody else, so borrowed copies of a handle (`for g in &guards`, `match &r`, `&self`) never drop
 * it, partial moves leave the moved-out parts alone, and a value is dropped exactly once.
 *
 * - `claim` (a store into an owning place): an in-flight value becomes owned by that place.
 * - `take*` (a by-value read of a place, i.e. a move): the owner lets go; the value is in flight.
 * - `drop*`: runs the drop glue iff the given place (or nobody, for in-flight values) owns it.
 */
import { type Frame } from './frame.ts';
import type { FnDef } from './defs.ts';
import { DROPPED, Owned, REnum, RStruct, RTuple, installDropHooks, type Value } from './values.ts';

/** Stores in-flight `v` as owned by slot `i` of container `c`. */
export function claim(v: Value, c: Value[], i: number): void {
  if (v instanceof Owned && v.o === null) {
    v.o = c;
    v.oi = i;
  }
}

/** Claims every in-flight item of `items` for the container `c` (growable containers). */
export function claimAll(items: Value[], c: Value[]): void {
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v instanceof Owned && v.o === null) {
      v.o = c;
      v.oi = i;
    }
  }
}

/** Copy types read by value get a fresh copy (so mutating one copy leaves the other alone). */
export function copyValue(v: Owned): Value {
  if (v instanceof RStruct) {
    if (!v.def.isCopy) return v;
    const f = v.f.slice();
    for (let i = 0; i < f.length; i++) {
      const x = f[i];
      if (x instanceof Owned) f[i] = copyValue(x);
    }
    return new RStruct(v.def, f);
  }
  if (v instanceof RTuple) {
    const f = v.f;
    for (let i = 0; i < f.length; i++) {
      const x = f[i];
      if (x instanceof Owned && !isCopyObject(x)) return v;
    }
    const g = f.slice();
    for (let i = 0; i < g.length; i++) {
      const x = g[i];
      if (x instanceof Owned) g[i] = copyValue(x);
    }
    return new RTuple(g);
  }
  if (v instanceof REnum && v.def.isCopy && v.f.length > 0) return new REnum(v.def, v.v, v.f.slice());
  return v;
}

function isCopyObject(v: Owned): boolean {
  if (v instanceof RStruct || v instanceof REnum) return v.def.isCopy;
  if (v instanceof RTuple) return v.f.every((x) => !(x instanceof Owned) || isCopyObject(x));
  return false;
}

/** A by-value read of slot `i` of `c`: moves the value out if the slot owns it, copies Copy data. */
export function take(c: Value[], i: number): Value {
  const v = c[i];
  if (v instanceof Owned) {
    if (v.o === c && v.oi === i) {
      if (v instanceof RStruct || v instanceof RTuple || v instanceof REnum) {
        const cp = copyValue(v);
        if (cp !== v) return cp;
      }
      v.o = null;
      return v;
    }
    if (v instanceof RStruct || v instanceof RTuple) return copyValue(v);
  }
  return v;
}

/** Lets go of `v` if container `c` owns it (consuming a value read from a growable container). */
export function release(v: Value, c: object): Value {
  if (v instanceof Owned && v.o === c) v.o = null;
  return v;
}

/** Drops `v` if slot `i` of `c` owns it. */
export function dropSlot(v: Value, c: object, i: number): void {
  if (v instanceof Owned && v.o === c && v.oi === i) {
    v.o = DROPPED;
    v.dropGlue();
  }
}

/** Drops `v` if the container `c` owns it (index not checked). */
export function dropChild(v: Value, c: object): void {
  if (v instanceof Owned && v.o === c) {
    v.o = DROPPED;
    v.dropGlue();
  }
}

/** Drops `v` if it is in flight (a temporary or a value handed to us to consume). */
export function dropInFlight(v: Value): void {
  if (v instanceof Owned && v.o === null) {
    v.o = DROPPED;
    v.dropGlue();
  }
}

/** Drops every value in `items` owned by `c`, in order (Vec, tuple, fields). */
export function dropItems(items: Value[], c: object): void {
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v instanceof Owned && v.o === c) {
      v.o = DROPPED;
      v.dropGlue();
    }
  }
}

/** Temporary `i` of `f` (frame.ts `t0` / `temps`); i < f.nt. */
function tempAt(f: Frame, i: number): Value {
  return i === 0 ? f.t0 : f.temps![i - 1];
}

function setTemp(f: Frame, i: number, v: Value): void {
  if (i === 0) f.t0 = v;
  else f.temps![i - 1] = v;
}

/** Temporary `i` of `f`, its place cleared (nothing kept alive by a stale reference). */
function takeTemp(f: Frame, i: number): Value {
  const v = tempAt(f, i);
  setTemp(f, i, undefined);
  return v;
}

/** Drops the temporaries registered in `f` since `mark`, newest first. */
export function dropTemps(f: Frame, mark: number): void {
  for (let i = f.nt - 1; i >= mark; i--) dropInFlight(takeTemp(f, i));
  f.nt = mark;
}

/** Forgets `v` as a temporary of `f` without dropping it (an awaited future; most often the newest). */
export function forgetTemp(f: Frame, v: Value): void {
  const n = f.nt;
  let i = n - 1;
  while (i >= 0 && tempAt(f, i) !== v) i--;
  if (i < 0) return;
  for (; i < n - 1; i++) setTemp(f, i, tempAt(f, i + 1));
  setTemp(f, n - 1, undefined);
  f.nt = n - 1;
}

/**
 * Drops what is left of a returning frame's temporaries: those of its body's tail expression
 * (`fn f(c: &RefCell<T>) { c.borrow_mut().push(x) }` and a closure's `|l| l.borrow_mut().push(x)`
 * release the borrow on return). The returned value itself goes to the caller.
 */
export function dropTailTemps(f: Frame, returned: Value): void {
  for (let i = f.nt - 1; i >= 0; i--) {
    const v = takeTemp(f, i);
    if (v !== returned) dropInFlight(v);
  }
  f.nt = 0;
}

/** Registers `v` as a temporary of the current statement if it is in flight. */
export function noteTemp(f: Frame, v: Value): void {
  if (v instanceof Owned && v.o === null) pushTemp(f, v);
}

/** Adds `v` to the frame's temporaries. */
export function pushTemp(f: Frame, v: Value): void {
  const n = f.nt;
  if (n === 0) f.t0 = v;
  else if (f.temps === null) f.temps = [v];
  else f.temps[n - 1] = v;
  f.nt = n + 1;
}

/** Drops the live slots of a frame in `order` (unwinding, or dropping a suspended future). */
export function dropFrame(f: Frame, order: number[]): void {
  if (f.nt > 0) dropTemps(f, 0);
  const s = f.s;
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    const v = s[i];
    if (v instanceof Owned && v.o === s && v.oi === i) {
      v.o = DROPPED;
      v.dropGlue();
    }
  }
}

type UserDropCaller = (fn: FnDef, self: Value) => void;
let callUserDrop: UserDropCaller = () => undefined;

/** The interpreter installs how `Drop::drop(&mut self)` bodies are run. */
export function setUserDropCaller(c: UserDropCaller): void {
  callUserDrop = c;
}

installDropHooks({
  dropStruct(s: RStruct): void {
    if (s.def.dropFn) callUserDrop(s.def.dropFn, s);
    dropItems(s.f, s.f);
  },
  dropEnum(e: REnum): void {
    if (e.def.dropFn) callUserDrop(e.def.dropFn, e);
    dropItems(e.f, e.f);
  },
  dropItems,
  dropChild,
});

/** Drops an owned handle now, whoever owns it (explicit runtime/handle shutdown). */
export function forceDrop(v: Owned): void {
  if (v.o !== DROPPED) {
    v.o = DROPPED;
    v.dropGlue();
  }
}
