/** `Default::default()` by the type the program names (hint), including derived `Default`. */
import { noteFallback } from '../fallbacks.ts';
import { INT_TYPES, isIntName } from '../../num/int-type.ts';
import { invoke } from '../call.ts';
import type { Site, StructDef } from '../defs.ts';
import { claim } from '../owner.ts';
import { mkChar, RFloat, RStruct, type Value } from '../values.ts';
import { builtinDefault, defaultOfTy, NO_DEFAULT, stdDefault } from './typed-default.ts';

export type StructLookup = (name: string) => StructDef | undefined;
let lookup: StructLookup = () => undefined;
/** The interpreter installs how a user struct is found by name. */
export function setStructLookup(f: StructLookup): void {
  lookup = f;
}

export function defaultOf(name: string): Value {
  const n = name.split('<')[0].split('::').pop()!;
  if (isIntName(n)) return 0;
  switch (n) {
    case 'f64':
    case 'f32':
      return new RFloat(0, n === 'f32');
    case 'bool':
      return false;
    case 'char':
      return mkChar('\0');
    case 'str':
      return '';
    case '()':
    case '':
      return undefined;
    default:
      break;
  }
  const std = stdDefault(n);
  if (std !== NO_DEFAULT) return std;
  const def = lookup(n);
  if (def) {
    const m = def.methods.get('default');
    if (m && m.user) return invoke(m.user, [], null);
    const f = def.fieldTypes.map((t) => defaultOf(t));
    f.forEach((x, i) => claim(x, f, i));
    return new RStruct(def, f);
  }
  // a std type with its own `default()` (the atomics)
  const b = builtinDefault(n);
  return b === NO_DEFAULT ? 0 : b;
}

/** The default of the type the checker gave the site's result (`ref` peeled: `or_default`). */
export function typedDefault(site: Site): Value | typeof NO_DEFAULT {
  if (site.ty === null || site.typed === null) return NO_DEFAULT;
  return defaultOfTy(site.ty.k === 'ref' ? site.ty.inner : site.ty, site.typed);
}

export function defaultFor(site: Site): Value {
  const typed = typedDefault(site);
  if (typed !== NO_DEFAULT) return typed;
  noteFallback('defaultByName', site.line, site.col);
  if (site.hint) return defaultOf(site.hint);
  // A user type the checker could not fill field by field: the derive, by its fields' written types.
  if (site.ty?.k === 'adt') return defaultOf(site.ty.name);
  if (site.int) return 0;
  return 0;
}

export { INT_TYPES };
