/**
 * The built-in enums: `Option`, `Result`, `std::cmp::Ordering`, and helpers that build their
 * values with the right ownership (a payload moved into `Some(x)` is owned by it).
 */
import { EnumDef, VariantDef } from '../defs.ts';
import { claim } from '../owner.ts';
import { REnum, type Value } from '../values.ts';

function tupleVariant(name: string, d: number): VariantDef {
  return new VariantDef(name, ['0'], 'tuple', d, [null]);
}

export const OPTION = new EnumDef('Option', [new VariantDef('None', [], 'unit', 0, []), tupleVariant('Some', 1)]);
export const RESULT = new EnumDef('Result', [tupleVariant('Ok', 0), tupleVariant('Err', 1)]);
export const ORDERING = new EnumDef('Ordering', [
  new VariantDef('Less', [], 'unit', -1, []),
  new VariantDef('Equal', [], 'unit', 0, []),
  new VariantDef('Greater', [], 'unit', 1, []),
]);
for (const d of [OPTION, RESULT, ORDERING])
  for (const t of ['Debug', 'Clone', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Hash']) d.derives.add(t);
ORDERING.derives.add('Copy');

export const NONE: REnum = OPTION.unit(0);

export function some(v: Value): REnum {
  const f = [v];
  claim(v, f, 0);
  return new REnum(OPTION, 1, f);
}

export function ok(v: Value): REnum {
  const f = [v];
  claim(v, f, 0);
  return new REnum(RESULT, 0, f);
}

export function err(v: Value): REnum {
  const f = [v];
  claim(v, f, 0);
  return new REnum(RESULT, 1, f);
}

/** `Some(v)` for a defined value, `None` for undefined. */
export function opt(v: Value | undefined, present: boolean): REnum {
  return present ? some(v) : NONE;
}

export function ordering(n: number): REnum {
  return ORDERING.unit(n < 0 ? 0 : n > 0 ? 2 : 1);
}

export function isSome(v: Value): v is REnum {
  return v instanceof REnum && v.def === OPTION && v.v === 1;
}

export function isOk(v: Value): v is REnum {
  return v instanceof REnum && v.def === RESULT && v.v === 0;
}
