/**
 * `std::cmp::Reverse(T)`: a tuple struct whose order is its field's, reversed (ops-rt.ts
 * `cmpValues` flips it); equality, hashing and Debug (`Reverse(3)`) are the derived ones.
 */
import { StructDef } from '../defs.ts';
import { RStruct } from '../values.ts';
import { fn } from './registry.ts';

export const REVERSE = new StructDef('Reverse', ['0'], 'tuple', [null]);
for (const t of ['Debug', 'Clone', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Hash', 'Default']) REVERSE.derives.add(t);

fn(['std::cmp::Reverse', 'cmp::Reverse', 'Reverse'], (_s, a) => new RStruct(REVERSE, [a[0]]));
