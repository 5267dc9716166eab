/**
 * `std::num::NonZeroUsize` (and its siblings): `new` (None for 0), `get`, Display and Debug as the
 * number, comparison. What `thread::available_parallelism` returns.
 */
import { registerFmt } from '../fmt-value.ts';
import { deref, type Value } from '../values.ts';
import { NONE, some } from './enums.ts';
import { member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';

export class RNonZero {
  constructor(readonly v: number) {}
}

/** A `NonZero*` reads as its number where an integer is converted from it (`usize::from(n)`). */
export function nonZeroValue(v: Value): Value {
  return v instanceof RNonZero ? v.v : v;
}

for (const t of ['usize', 'u8', 'u16', 'u32', 'u64', 'u128', 'isize', 'i8', 'i16', 'i32', 'i64', 'i128']) {
  const name = `NonZero${t[0].toUpperCase()}${t.slice(1)}`;
  const N = ns([name, `std::num::${name}`, `num::${name}`]);
  member(N, 'new', (_s, a) => (Number(deref(a[0])) === 0 ? NONE : some(new RNonZero(Number(deref(a[0]))))));
}
const T = tableFor(RNonZero);
const nz = (v: Value): number => (deref(v) as RNonZero).v;
def(T, 'get', 'value', (_s, a) => nz(a[0]));
def(T, 'clone', 'ref', (_s, a) => deref(a[0]));
def(T, 'eq', 'ref', (_s, a) => nz(a[0]) === nz(a[1]));
def(T, 'ne', 'ref', (_s, a) => nz(a[0]) !== nz(a[1]));
registerFmt(RNonZero, (v) => {
  const text = String((v as RNonZero).v);
  return { debug: (f) => f.writeStr(text), display: (f) => f.writeStr(text) };
});
