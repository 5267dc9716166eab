/**
 * `x.into()` by the checker's types (types/facts.ts): the source and target types pick the
 * conversion (`From<u8> for f64`, `From<&str> for String`, `From<&str> for Vec<u8>`, the identity
 * `From<T> for T`), never the value. NOT_TYPED when the site carries no closed types or the pair
 * is not one of these; the caller then asks the target type's `from` (user impls included).
 */
import { intToFloat } from '../../num/cast.ts';
import type { IntValue } from '../../num/int-type.ts';
import type { Ty } from '../../types/ty.ts';
import type { Site } from '../defs.ts';
import { deref, RChar, RFloat, RVec, type Value } from '../values.ts';
import { lookupBuiltin } from './registry.ts';

export const NOT_TYPED: unique symbol = Symbol('not typed');

const peel = (t: Ty): Ty => (t.k === 'ref' ? peel(t.inner) : t);
const isText = (t: Ty): boolean => t.k === 'str' || (t.k === 'adt' && t.name === 'String');
const sameTy = (a: Ty, b: Ty): boolean => JSON.stringify(a) === JSON.stringify(b);

export function typedInto(site: Site, v: Value): Value | typeof NOT_TYPED {
  const to = site.ty;
  const from = site.from;
  if (to === null || from === null) return NOT_TYPED;
  if (sameTy(to, from)) return v;
  const src = peel(from);
  if (to.k === 'float') {
    if (src.k === 'int') return new RFloat(intToFloat(to.name, deref(v) as IntValue), to.name === 'f32');
    if (src.k === 'float') return new RFloat((deref(v) as RFloat).v, to.name === 'f32');
  }
  // Integer widening keeps the number; the target's width is the checker's, not the value's.
  if (to.k === 'int' && src.k === 'int') return deref(v);
  if (to.k === 'adt' && to.name === 'String') {
    const x = deref(v);
    if (isText(src) && typeof x === 'string') return x;
    if (src.k === 'char' && x instanceof RChar) return x.c;
  }
  if (to.k === 'adt' && to.name === 'Vec' && to.args[0]?.k === 'int' && to.args[0].name === 'u8' && isText(src)) {
    return new RVec(Array.from(new TextEncoder().encode(deref(v) as string)));
  }
  // `From<[T; N]>` / `From<Vec<T>>` for the collections: their own `from`
  if (to.k === 'adt' && COLLECTIONS.has(to.name) && deref(v) instanceof RVec) {
    const from = lookupBuiltin([to.name, 'from']);
    if (from?.kind === 'fn') return from.call(site, [v]);
  }
  return NOT_TYPED;
}

const COLLECTIONS = new Set(['HashSet', 'BTreeSet', 'HashMap', 'BTreeMap', 'VecDeque', 'BinaryHeap']);
