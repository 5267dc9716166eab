/** `Default::default()` by the type the program names (hint), including derived `Default`. */
import { INT_TYPES, isIntName } from '../../num/int-type.ts';
import { invoke } from '../call.ts';
import type { Site, StructDef } from '../defs.ts';
import { claim } from '../owner.ts';
import { mkChar, RDeque, RFloat, RMap, RStruct, RVec, type Value } from '../values.ts';
import { NONE } from './enums.ts';

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
    case 'String':
    case 'str':
      return '';
    case 'Vec':
      return new RVec([]);
    case 'VecDeque':
      return new RDeque([]);
    case 'HashMap':
    case 'BTreeMap':
      return new RMap(n === 'BTreeMap', false);
    case 'HashSet':
    case 'BTreeSet':
      return new RMap(n === 'BTreeSet', true);
    case 'Option':
      return NONE;
    case '()':
    case '':
      return undefined;
    default:
      break;
  }
  const def = lookup(n);
  if (def) {
    const m = def.methods.get('default');
    if (m && m.user) return invoke(m.user, [], null);
    const f = def.fieldTypes.map((t) => defaultOf(t));
    f.forEach((x, i) => claim(x, f, i));
    return new RStruct(def, f);
  }
  return 0;
}

export function defaultFor(site: Site): Value {
  if (site.hint) return defaultOf(site.hint);
  if (site.int) return 0;
  return 0;
}

export { INT_TYPES };
