/**
 * A user type's `Deref`/`DerefMut` and `Index`/`IndexMut` impls. The impl is the one of the
 * value's nominal type (its `def`), as for every user method. Method lookup steps through `deref`
 * when the type itself has no such method (Rust's autoderef), and `v[i]` on a user type is its
 * `index`. Whether `*x` means a user `deref` is decided from the checker's type (compile/ops.ts),
 * since a shared reference and its referent share one run-time value.
 */
import type { Method, Site } from '../defs.ts';
import { deref, REnum, RefBase, RStruct, type Value } from '../values.ts';

function userImpl(v: Value, key: string): Method | undefined {
  return v instanceof RStruct || v instanceof REnum ? v.def.methods.get(key) : undefined;
}

/**
 * The target of `v`'s user `Deref` (`DerefMut` when `mutable` and the type has one), or
 * undefined when its type implements neither.
 */
export function userDeref(v0: Value, site: Site, mutable: boolean): Value | undefined {
  const v = deref(v0);
  const m = (mutable ? userImpl(v, 'DerefMut::deref_mut') : undefined) ?? userImpl(v, 'Deref::deref');
  return m === undefined ? undefined : m.call(site, [v]);
}

/** `v[i]` through a user `Index` (`IndexMut` when `mutable`); undefined when the type has none. */
export function userIndex(v0: Value, i: Value, site: Site, mutable: boolean): Value | undefined {
  const v = deref(v0);
  const m = (mutable ? userImpl(v, 'IndexMut::index_mut') : undefined) ?? userImpl(v, 'Index::index');
  return m === undefined ? undefined : m.call(site, [v, i]);
}

/** What a `&T` / `&mut T` a user impl returned reads as. */
export function readTarget(r: Value): Value {
  return r instanceof RefBase ? r.get() : r;
}
