/**
 * `std::cmp::Ordering`'s methods: `then`, `then_with`, `reverse` and the `is_*` tests
 * (variants 0 = Less, 1 = Equal, 2 = Greater, as enums.ts declares them).
 */
import { callValue } from '../call.ts';
import type { NativeFn, SelfMode } from '../defs.ts';
import { deref, type REnum, type Value } from '../values.ts';
import { ORDERING } from './enums.ts';
import { registerNames } from './tables.ts';

const O = ORDERING.methods;
function m(name: string, mode: SelfMode, f: NativeFn): void {
  O.set(name, { name, selfMode: mode, call: f });
}
const v = (x: Value): number => (deref(x) as REnum).v;
const EQUAL = 1;

m('then', 'value', (_s, a) => (v(a[0]) === EQUAL ? a[1] : a[0]));
m('then_with', 'value', (s, a) => (v(a[0]) === EQUAL ? callValue(s, a[1], []) : a[0]));
m('reverse', 'value', (_s, a) => ORDERING.unit(2 - v(a[0])));
m('is_eq', 'value', (_s, a) => v(a[0]) === EQUAL);
m('is_ne', 'value', (_s, a) => v(a[0]) !== EQUAL);
m('is_lt', 'value', (_s, a) => v(a[0]) === 0);
m('is_gt', 'value', (_s, a) => v(a[0]) === 2);
m('is_le', 'value', (_s, a) => v(a[0]) !== 2);
m('is_ge', 'value', (_s, a) => v(a[0]) !== 0);
registerNames(O);
