/** Core `HashMap` / `BTreeMap` / set operations shared by collect and the map methods. */
import { keyOf } from '../ops-rt.ts';
import { claim, release } from '../owner.ts';
import type { MapEntry, RMap, Value } from '../values.ts';

/** Inserts; returns the previous value (in flight) or undefined when the key was new. */
export function mapInsert(m: RMap, k: Value, v: Value): Value | undefined {
  const key = keyOf(k);
  const e = m.m.get(key);
  if (e) {
    const old = release(e.v, m.items);
    e.v = v;
    claim(v, m.items, -1);
    return old === undefined ? UNIT_OLD : old;
  }
  claim(k, m.items, -1);
  claim(v, m.items, -1);
  m.m.set(key, { k, v });
  return undefined;
}

/** Marker for "the key existed and its old value was `()`". */
export const UNIT_OLD = Symbol('unit') as unknown as Value;

export function mapGet(m: RMap, k: Value): MapEntry | undefined {
  return m.m.get(keyOf(k));
}

/** Sorted entries for BTree maps, insertion order for hash maps. */
export function entriesOf(m: RMap, cmp: (a: Value, b: Value) => number): MapEntry[] {
  const es = [...m.m.values()];
  if (m.sorted) es.sort((a, b) => cmp(a.k, b.k));
  return es;
}
