/**
 * `MutexGuard::map`, `OwnedMutexGuard::map`, `RwLockReadGuard::map`, `RwLockWriteGuard::map` (and
 * their owned forms): the closure gets the guarded value and returns a reference into it; the
 * mapped guard reads and writes through that reference and keeps the lock until it is dropped.
 * `OwnedMutexGuard::mutex(&guard)` gives back the `Arc<Mutex<T>>` an owned guard holds.
 */
import { callValue } from '../call.ts';
import { claim, dropChild } from '../owner.ts';
import { member, ns } from '../std/registry.ts';
import type { Site } from '../defs.ts';
import { deref, MutRef, RefBase, type Value } from '../values.ts';
import { RMutexGuard } from './sync.ts';

/** A guard narrowed to part of the locked value; dropping it drops (unlocks) the original guard. */
export class RMappedGuard extends RefBase {
  /** What the closure returned: a place (`&mut x.field`) or the referenced object itself. */
  private part: Value = undefined;
  private readonly base: Value[];
  constructor(s: Site, base: Value, f: Value) {
    super();
    this.base = [base];
    claim(base, this.base, 0);
    // the closure borrows the guard (`&mut T`); the mapped guard keeps owning it
    this.part = callValue(s, f, [new MutRef(this.base, 0)]);
  }
  get(): Value {
    return this.part instanceof RefBase ? this.part.get() : this.part;
  }
  set(v: Value): void {
    if (this.part instanceof RefBase) this.part.set(v);
  }
  dropGlue(): void {
    dropChild(this.base[0], this.base);
  }
}

const map = (s: Site, a: Value[]): Value => new RMappedGuard(s, a[0], a[1]);

for (const name of [
  'MutexGuard',
  'OwnedMutexGuard',
  'MappedMutexGuard',
  'RwLockReadGuard',
  'OwnedRwLockReadGuard',
  'RwLockWriteGuard',
  'OwnedRwLockWriteGuard',
  'RwLockMappedWriteGuard',
]) {
  member(ns([`tokio::sync::${name}`, `sync::${name}`]), 'map', map);
}

/** The guard an argument names (through the references around it). */
function mutexGuardOf(v: Value): RMutexGuard | null {
  let x = v;
  while (!(x instanceof RMutexGuard) && x instanceof RefBase) x = x.get();
  return x instanceof RMutexGuard ? x : null;
}
member(ns(['tokio::sync::OwnedMutexGuard', 'sync::OwnedMutexGuard']), 'mutex', (_s, a) => {
  const g = mutexGuardOf(a[0]) ?? (deref(a[0]) as RMutexGuard);
  return g.owner[0];
});
