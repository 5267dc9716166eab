/**
 * The entry API of `HashMap` / `BTreeMap`: `map.entry(k)` is the enum `Entry::{Occupied, Vacant}`
 * (usable in patterns under `std::collections::{hash_map, btree_map}::Entry`), whose payload is an
 * `OccupiedEntry` or a `VacantEntry`: both are an `REntry` (the map and the key), the variant
 * telling which. `BTreeMap::{first_entry, last_entry}` give an `OccupiedEntry` too.
 */
import { noteFallback } from '../fallbacks.ts';
import { callValue } from '../call.ts';
import { EnumDef, VariantDef } from '../defs.ts';
import { dropInFlight, release } from '../owner.ts';

import type { RMap } from '../values.ts';
import { deref, type MapEntry, REnum, type Value } from '../values.ts';
import { defaultFor, defaultOf } from './defaults.ts';
import { NONE, some } from './enums.ts';
import { MapEntryRef, tuple2 } from './iter.ts';
import { entriesOf, mapGet, mapInsert } from './map-core.ts';
import { cmpValues, keyOf } from '../ops-rt.ts';
import { MAP } from './map.ts';
import { regEnum } from './registry.ts';
import { def, registerNames, tableFor } from './tables.ts';

/** An `OccupiedEntry` or a `VacantEntry`: the map and the key. */
export class REntry {
  constructor(
    readonly map: RMap,
    readonly key: Value,
  ) {}
}

const tuple = (n: string, d: number): VariantDef => new VariantDef(n, ['0'], 'tuple', d, [null]);
export const ENTRY = new EnumDef('Entry', [tuple('Vacant', 0), tuple('Occupied', 1)]);
ENTRY.derives.add('Debug');
regEnum(
  [
    'Entry',
    'hash_map::Entry',
    'btree_map::Entry',
    'std::collections::hash_map::Entry',
    'std::collections::btree_map::Entry',
  ],
  ENTRY,
);
registerNames(ENTRY.methods);
const OCCUPIED = 1;

function entryOf(map: RMap, key: Value): REnum {
  return new REnum(ENTRY, mapGet(map, key) ? OCCUPIED : 0, [new REntry(map, key)]);
}
const payload = (v: Value): REntry => (deref(v) as REnum).f[0] as REntry;
const found = (en: REntry): MapEntry | undefined => mapGet(en.map, en.key);

function insertNew(en: REntry, v: Value): MapEntryRef {
  mapInsert(en.map, en.key, v);
  return new MapEntryRef(found(en)!);
}
/** The `&mut V` of the entry, inserting `make()` first when it is vacant. */
function orInsert(v: Value, make: () => Value, unused?: Value): MapEntryRef {
  const en = payload(v);
  const e = found(en);
  if (e) {
    if (unused !== undefined) dropInFlight(unused);
    return new MapEntryRef(e);
  }
  return insertNew(en, make());
}

const E = ENTRY.methods;
m(E, 'or_insert', (_s, a) => orInsert(a[0], () => a[1], a[1]));
m(E, 'or_insert_with', (s, a) => orInsert(a[0], () => callValue(s, a[1], [])));
m(E, 'or_insert_with_key', (s, a) => orInsert(a[0], () => callValue(s, a[1], [payload(a[0]).key])));
m(E, 'or_default', (s, a) =>
  orInsert(a[0], () => {
    if (s.ty !== null) return defaultFor(s);
    noteFallback('defaultByName', s.line, s.col);
    return s.hint ? defaultOf(s.hint) : 0;
  }),
);
m(E, 'and_modify', (s, a) => {
  const e = found(payload(a[0]));
  if (e) callValue(s, a[1], [new MapEntryRef(e)]);
  return a[0];
});
def(E, 'key', 'ref', (_s, a) => payload(a[0]).key);
m(E, 'insert_entry', (_s, a) => insertEntry(payload(a[0]), a[1]));

function m(t: typeof E, name: string, f: Parameters<typeof def>[3]): void {
  def(t, name, 'value', f);
}

/** `insert_entry(v)`: sets the value (dropping an old one) and gives the `OccupiedEntry`. */
function insertEntry(en: REntry, v: Value): REntry {
  const old = mapInsert(en.map, en.key, v);
  if (old !== undefined) dropInFlight(old);
  return en;
}

// `OccupiedEntry` and `VacantEntry`
const P = tableFor(REntry);
const occupied = (v: Value): MapEntry => found(deref(v) as REntry)!;
def(P, 'key', 'ref', (_s, a) => (deref(a[0]) as REntry).key);
def(P, 'get', 'ref', (_s, a) => occupied(a[0]).v);
def(P, 'get_mut', 'refMut', (_s, a) => new MapEntryRef(occupied(a[0])));
def(P, 'into_mut', 'value', (_s, a) => new MapEntryRef(occupied(a[0])));
def(P, 'into_key', 'value', (_s, a) => (a[0] as REntry).key);
def(P, 'insert_entry', 'value', (_s, a) => insertEntry(a[0] as REntry, a[1]));
/** Occupied: replaces the value and gives the old one; vacant: inserts and gives `&mut V`. */
def(P, 'insert', 'refMut', (_s, a) => {
  const en = deref(a[0]) as REntry;
  const e = found(en);
  if (!e) return insertNew(en, a[1]);
  const old = release(e.v, en.map.items);
  mapInsert(en.map, e.k, a[1]);
  return old;
});
function removeEntry(en: REntry): [Value, Value] {
  const e = found(en)!;
  en.map.m.delete(keyOf(e.k));
  return [release(e.k, en.map.items), release(e.v, en.map.items)];
}
def(P, 'remove', 'value', (_s, a) => {
  const [k, v] = removeEntry(a[0] as REntry);
  dropInFlight(k);
  return v;
});
def(P, 'remove_entry', 'value', (_s, a) => {
  const [k, v] = removeEntry(a[0] as REntry);
  return tuple2(k, v);
});

def(MAP, 'entry', 'refMut', (_s, a) => entryOf(deref(a[0]) as RMap, a[1]));
/** `BTreeMap::{first_entry, last_entry}`: the `OccupiedEntry` of the least / greatest key. */
for (const [name, last] of [
  ['first_entry', false],
  ['last_entry', true],
] as const) {
  def(MAP, name, 'refMut', (_s, a) => {
    const x = deref(a[0]) as RMap;
    const es = entriesOf(x, cmpValues);
    const e = last ? es[es.length - 1] : es[0];
    return e ? some(new REntry(x, e.k)) : NONE;
  });
}
