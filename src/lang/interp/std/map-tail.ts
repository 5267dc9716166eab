/**
 * The rest of the stable methods of `HashMap`, `BTreeMap`, `HashSet` and `BTreeSet` a learner may
 * call (see `docs/std-methods/collections.md`): lazy `extract_if`, B-tree `append`, `split_off` and
 * `range_mut`, `get_disjoint_mut`, sets' `replace`, and the capacity requests (no-ops: capacity is
 * not modelled).
 */
import { callValue } from '../call.ts';
import type { Site } from '../defs.ts';
import { cmpValues, keyOf } from '../ops-rt.ts';
import { claim, dropInFlight, release } from '../owner.ts';
import { panicAt } from '../panic.ts';
import { deref, type MapEntry, RMap, RVec, type Value } from '../values.ts';
import { NONE, ok, some } from './enums.ts';
import { BufIter, DONE, MapEntryRef, type Next, RIter, tuple2 } from './iter.ts';
import { entriesOf, mapInsert } from './map-core.ts';
import { MAP } from './map.ts';
import type { RRange } from './range.ts';
import { def } from './tables.ts';

const mp = (v: Value): RMap => deref(v) as RMap;
const sorted = (m: RMap): MapEntry[] => entriesOf(m, cmpValues);

for (const name of ['reserve', 'shrink_to', 'shrink_to_fit']) def(MAP, name, 'refMut', () => undefined);
def(MAP, 'try_reserve', 'refMut', () => ok(undefined));

/** Is `k` inside the range `r` (keys compared as the B-tree orders them)? */
function inRange(r: RRange, k: Value): boolean {
  if (r.hasStart && cmpValues(k, r.start) < 0) return false;
  if (!r.hasEnd) return true;
  const c = cmpValues(k, r.end);
  return r.inclusive ? c <= 0 : c < 0;
}

/** Takes entry `e` out of `x`, giving `(k, v)` (maps) or `k` (sets) in flight. */
function takeOut(x: RMap, e: MapEntry): Value {
  x.m.delete(keyOf(e.k));
  const k = release(e.k, x.items);
  return x.set ? k : tuple2(k, release(e.v, x.items));
}

/**
 * `extract_if`: removes and yields the entries the predicate accepts (given `&K, &mut V`, or `&T`
 * for sets), lazily: entries after where the iterator stopped stay. B-trees take a range first.
 */
class MapExtractIf extends RIter {
  private i = 0;
  constructor(
    private readonly x: RMap,
    private readonly es: MapEntry[],
    private readonly test: (e: MapEntry) => boolean,
  ) {
    super();
  }
  next(): Next {
    while (this.i < this.es.length) {
      const e = this.es[this.i++];
      if (this.test(e)) return takeOut(this.x, e);
    }
    return DONE;
  }
}
def(MAP, 'extract_if', 'refMut', (s, a) => {
  const x = mp(a[0]);
  const ranged = a.length > 2;
  const f = ranged ? a[2] : a[1];
  const r = ranged ? (deref(a[1]) as RRange) : null;
  const es = sorted(x).filter((e) => r === null || inRange(r, e.k));
  return new MapExtractIf(x, es, (e) => callValue(s, f, x.set ? [e.k] : [e.k, new MapEntryRef(e)]) === true);
});

def(MAP, 'range_mut', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  const r = deref(a[1]) as RRange;
  const items = sorted(x)
    .filter((e) => inRange(r, e.k))
    .map((e) => tuple2(e.k, new MapEntryRef(e)));
  return new BufIter(items, false);
});

/** `append(&mut other)`: moves every entry of `other` in (its values win); `other` is left empty. */
def(MAP, 'append', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  const y = mp(a[1]);
  for (const e of sorted(y)) {
    y.m.delete(keyOf(e.k));
    const k = release(e.k, y.items);
    const v = release(e.v, y.items);
    if (x.set) {
      if (x.m.has(keyOf(k))) dropInFlight(k);
      else mapInsert(x, k, undefined);
      continue;
    }
    const old = mapInsert(x, k, v);
    if (old !== undefined) {
      dropInFlight(old);
      dropInFlight(k);
    }
  }
});

/** `split_off(&k)`: the entries from `k` on move to a new map (or set). */
def(MAP, 'split_off', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  const out = new RMap(x.sorted, x.set);
  for (const e of sorted(x)) {
    if (cmpValues(e.k, a[1]) < 0) continue;
    x.m.delete(keyOf(e.k));
    mapInsert(out, release(e.k, x.items), release(e.v, x.items));
  }
  return out;
});

/** Sets' `replace(v)`: puts `v` in place of an equal value and gives that one back. */
def(MAP, 'replace', 'refMut', (_s, a) => {
  const x = mp(a[0]);
  const e = x.m.get(keyOf(a[1]));
  if (!e) {
    mapInsert(x, a[1], undefined);
    return NONE;
  }
  const old = release(e.k, x.items);
  e.k = a[1];
  claim(a[1], x.items, -1);
  return some(old);
});

/** `HashMap::get_disjoint_mut([&a, &b])`: `Option<&mut V>` for each key; two equal keys panic. */
def(MAP, 'get_disjoint_mut', 'refMut', (s: Site, a) => {
  const x = mp(a[0]);
  const ks = (deref(a[1]) as RVec).a.map((k) => keyOf(deref(k)));
  if (new Set(ks).size !== ks.length) panicAt(s, 'duplicate keys found');
  return new RVec(
    ks.map((k) => {
      const e = x.m.get(k);
      return e ? some(new MapEntryRef(e)) : NONE;
    }),
    true,
  );
});
