/**
 * `Clone::clone`: derived clones copy field by field (deep for owned data); user `impl Clone`
 * runs; built-in handles clone by their own rules (Arc bumps a count, a Sender counts senders, …)
 * through their method tables.
 */
import { invoke } from '../call.ts';
import { claim } from '../owner.ts';
import { Owned, RDeque, RHeap, REnum, RMap, RStruct, RTuple, RVec, type Value } from '../values.ts';
import { findMethod, FOUND } from './tables.ts';
import { Site } from '../defs.ts';

const NO_SITE = new Site(0, 0);

function cloneItems(a: Value[], owner: (arr: Value[]) => void): Value[] {
  const out = new Array<Value>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = cloneValue(a[i]);
  owner(out);
  return out;
}

export function cloneValue(v: Value): Value {
  if (!(v instanceof Object)) return v;
  if (v instanceof RStruct || v instanceof REnum) {
    const m = v.def.methods.get('clone');
    if (m && m.user) return invoke(m.user, [v], null);
    const f = cloneItems(v.f, (arr) => arr.forEach((x, i) => claim(x, arr, i)));
    return v instanceof RStruct ? new RStruct(v.def, f) : new REnum(v.def, v.v, f);
  }
  if (v instanceof RTuple) return new RTuple(cloneItems(v.f, (arr) => arr.forEach((x, i) => claim(x, arr, i))));
  if (v instanceof RVec)
    return new RVec(
      cloneItems(v.a, (arr) => arr.forEach((x) => claim(x, arr, -1))),
      v.array,
    );
  if (v instanceof RDeque) return new RDeque(cloneItems(v.a, (arr) => arr.forEach((x) => claim(x, arr, -1))));
  if (v instanceof RHeap) return new RHeap(cloneItems(v.a, (arr) => arr.forEach((x) => claim(x, arr, -1))));
  if (v instanceof RMap) {
    const m = new RMap(v.sorted, v.set);
    for (const [k, e] of v.m) {
      const kk = cloneValue(e.k);
      const vv = cloneValue(e.v);
      claim(kk, m.items, -1);
      claim(vv, m.items, -1);
      m.m.set(k, { k: kk, v: vv });
    }
    return m;
  }
  if (v instanceof Owned) {
    const m = findMethod(v, 'clone');
    if (m && m.call !== cloneMethod) return m.call(NO_SITE, [FOUND.self]);
  }
  return v;
}

/** The generic `clone` method registered on value tables. */
export const cloneMethod = (_s: Site, a: Value[]): Value => cloneValue(a[0]);
