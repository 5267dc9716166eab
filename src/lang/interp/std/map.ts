/**
 * `HashMap` / `BTreeMap` and `HashSet` / `BTreeSet`. Hash maps iterate in insertion order (Rust's
 * order is random, so programs printing it are nondeterministic anyway); B-trees iterate sorted.
 */
import { callValue } from '../call.ts';
import type { NativeFn, SelfMode, Site } from '../defs.ts';
import { cmpValues, keyOf } from '../ops-rt.ts';
import { claim, dropInFlight, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { deref, type MapEntry, RMap, type Value } from '../values.ts';
import { cloneValue } from './clone.ts';
import { NONE, some } from './enums.ts';
import { BufIter, forEachItem, intoIter, MapEntryRef, mapIter, type MapIterKind, tuple2 } from './iter.ts';
import { entriesOf, mapGet, mapInsert, UNIT_OLD } from './map-core.ts';
import { member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';

export const MAP = tableFor(RMap);
const mp = (v: Value): RMap => deref(v) as RMap;
const sorted = (m: RMap): MapEntry[] => entriesOf(m, cmpValues);

function m(name: string, mode: SelfMode, f: NativeFn): void {
  def(MAP, name, mode, f);
}

function iter(kind: MapIterKind): NativeFn {
  return (_s, a) => {
    const x = mp(a[0]);
    return mapIter(x, kind, sorted(x));
  };
}

m('insert', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  if (x.set) {
    if (x.m.has(keyOf(a[1]))) {
      dropInFlight(a[1]);
      return false;
    }
    mapInsert(x, a[1], undefined);
    return true;
  }
  const old = mapInsert(x, a[1], a[2]);
  if (old === undefined) return NONE;
  return some(old === UNIT_OLD ? undefined : old);
});
m('get', 'ref', (_s, a) => {
  const e = mapGet(mp(a[0]), a[1]);
  return e ? some(mp(a[0]).set ? e.k : e.v) : NONE;
});
m('get_mut', 'refMut', (_s, a) => {
  const e = mapGet(mp(a[0]), a[1]);
  return e ? some(new MapEntryRef(e)) : NONE;
});
m('get_key_value', 'ref', (_s, a) => {
  const e = mapGet(mp(a[0]), a[1]);
  return e ? some(tuple2(e.k, e.v)) : NONE;
});
m('contains_key', 'ref', (_s, a) => mp(a[0]).m.has(keyOf(a[1])));
m('contains', 'ref', (_s, a) => mp(a[0]).m.has(keyOf(a[1])));
m('remove', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  const k = keyOf(a[1]);
  const e = x.m.get(k);
  if (!e) return x.set ? false : NONE;
  x.m.delete(k);
  if (x.set) {
    dropInFlight(release(e.k, x.items));
    return true;
  }
  dropInFlight(release(e.k, x.items));
  return some(release(e.v, x.items));
});
m('remove_entry', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  const k = keyOf(a[1]);
  const e = x.m.get(k);
  if (!e) return NONE;
  x.m.delete(k);
  return some(tuple2(release(e.k, x.items), release(e.v, x.items)));
});
m('take', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  const k = keyOf(a[1]);
  const e = x.m.get(k);
  if (!e) return NONE;
  x.m.delete(k);
  return some(release(e.k, x.items));
});
m('len', 'ref', (_s, a) => mp(a[0]).m.size);
m('is_empty', 'ref', (_s, a) => mp(a[0]).m.size === 0);
m('clear', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  for (const e of x.m.values()) {
    dropInFlight(release(e.k, x.items));
    dropInFlight(release(e.v, x.items));
  }
  x.m.clear();
});
m('iter', 'ref', (_s, a) => {
  const x = mp(a[0]);
  return mapIter(x, 'ref', sorted(x));
});
m('iter_mut', 'refMut', iter('mut'));
m('keys', 'ref', iter('keys'));
m('values', 'ref', iter('values'));
m('values_mut', 'refMut', iter('values_mut'));
m('into_keys', 'value', iter('into_keys'));
m('into_values', 'value', iter('into_values'));
m('into_iter', 'value', (_s, a) => {
  const x = mp(a[0]);
  return mapIter(x, x.o === null ? 'owned' : 'ref', sorted(x));
});
m('drain', 'refMut', (_s, a) => mapIter(mp(a[0]), 'owned', sorted(mp(a[0]))));
m('clone', 'ref', (_s, a) => cloneValue(mp(a[0])));
/** `extend` / `from`: every item inserted, a replaced value dropped. */
function insertAll(x: RMap, from: Value, s: Site): void {
  forEachItem(intoIter(from, s), s, (v) => {
    if (x.set) {
      if (!x.m.has(keyOf(v))) mapInsert(x, v, undefined);
    } else {
      const t = v as { f: Value[] };
      const old = mapInsert(x, release(t.f[0], t.f), release(t.f[1], t.f));
      if (old !== undefined && old !== UNIT_OLD) dropInFlight(old);
    }
  });
}
m('extend', 'refMut', (s, a) => {
  insertAll(mp(a[0]), a[1], s);
});
m('retain', 'refMut', (s, a) => {
  const x = mp(a[0]);
  for (const [k, e] of [...x.m]) {
    const keep = x.set ? callValue(s, a[1], [e.k]) : callValue(s, a[1], [e.k, new MapEntryRef(e)]);
    if (keep !== true) {
      x.m.delete(k);
      dropInFlight(release(e.k, x.items));
      dropInFlight(release(e.v, x.items));
    }
  }
});
m('first_key_value', 'ref', (_s, a) => {
  const es = sorted(mp(a[0]));
  return es.length ? some(tuple2(es[0].k, es[0].v)) : NONE;
});
m('last_key_value', 'ref', (_s, a) => {
  const es = sorted(mp(a[0]));
  const e = es[es.length - 1];
  return e ? some(tuple2(e.k, e.v)) : NONE;
});
m('first', 'ref', (_s, a) => {
  const es = sorted(mp(a[0]));
  return es.length ? some(es[0].k) : NONE;
});
m('last', 'ref', (_s, a) => {
  const es = sorted(mp(a[0]));
  return es.length ? some(es[es.length - 1].k) : NONE;
});
m('union', 'ref', (_s, a) => setOp(mp(a[0]), mp(a[1]), 'union'));
m('intersection', 'ref', (_s, a) => setOp(mp(a[0]), mp(a[1]), 'inter'));
m('difference', 'ref', (_s, a) => setOp(mp(a[0]), mp(a[1]), 'diff'));
m('is_subset', 'ref', (_s, a) => [...mp(a[0]).m.keys()].every((k) => mp(a[1]).m.has(k)));

function setOp(x: RMap, y: RMap, op: 'union' | 'inter' | 'diff'): BufIter {
  const out: Value[] = [];
  for (const [k, e] of x.m) {
    if (op === 'union' || (op === 'inter' ? y.m.has(k) : !y.m.has(k))) out.push(e.k);
  }
  if (op === 'union') for (const [k, e] of y.m) if (!x.m.has(k)) out.push(e.k);
  // a BTreeSet's set operations yield in order
  if (x.sorted) out.sort(cmpValues);
  return new BufIter(out, false);
}

function mapNs(paths: string[], isSorted: boolean, isSet: boolean): void {
  const N = ns(paths);
  member(N, 'new', () => new RMap(isSorted, isSet));
  member(N, 'with_capacity', () => new RMap(isSorted, isSet));
  member(N, 'default', () => new RMap(isSorted, isSet));
  member(N, 'from', (s: Site, a) => {
    const x = new RMap(isSorted, isSet);
    insertAll(x, a[0], s);
    return x;
  });
}
mapNs(['HashMap', 'std::collections::HashMap', 'std::collections::hash_map::HashMap'], false, false);
mapNs(['BTreeMap', 'std::collections::BTreeMap', 'std::collections::btree_map::BTreeMap'], true, false);
mapNs(['HashSet', 'std::collections::HashSet', 'std::collections::hash_set::HashSet'], false, true);
mapNs(['BTreeSet', 'std::collections::BTreeSet', 'std::collections::btree_set::BTreeSet'], true, true);

export { claim, panicAt };
