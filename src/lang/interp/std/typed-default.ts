/**
 * `Default::default()` by the checker's type (types/facts.ts): `T::default()`, derives, a user
 * `impl Default`, `unwrap_or_default()`, `entry().or_default()`. Returns NO_DEFAULT when the type
 * is not one the table describes (a generic parameter left open, an array whose length is not a
 * literal); callers then use the older name-based table (defaults.ts).
 */
import { invoke } from '../call.ts';
import { EnumDef, Site, type TypedEnv } from '../defs.ts';
import { claim } from '../owner.ts';
import { mkChar, RDeque, REnum, RFloat, RMap, RStruct, RTuple, RVec, type Value } from '../values.ts';
import type { Ty } from '../../types/ty.ts';
import { NONE } from './enums.ts';
import { lookupBuiltin } from './registry.ts';

export const NO_DEFAULT: unique symbol = Symbol('no default');

function owned<T extends Value[]>(vs: T): T {
  vs.forEach((x, i) => claim(x, vs, i));
  return vs;
}

export function defaultOfTy(t: Ty, env: TypedEnv): Value | typeof NO_DEFAULT {
  switch (t.k) {
    case 'int':
      return 0;
    case 'float':
      return new RFloat(0, t.name === 'f32');
    case 'bool':
      return false;
    case 'char':
      return mkChar('\0');
    case 'ref':
      return t.inner.k === 'str' ? '' : NO_DEFAULT;
    case 'tuple': {
      if (t.elems.length === 0) return undefined;
      const vs: Value[] = [];
      for (const e of t.elems) {
        const v = defaultOfTy(e, env);
        if (v === NO_DEFAULT) return NO_DEFAULT;
        vs.push(v);
      }
      return new RTuple(owned(vs));
    }
    case 'array': {
      // `[T; N]::default()`: N defaults of T (the checker keeps N when the source writes it).
      if (t.len === undefined) return NO_DEFAULT;
      const vs: Value[] = [];
      for (let i = 0; i < t.len; i++) {
        const v = defaultOfTy(t.elem, env);
        if (v === NO_DEFAULT) return NO_DEFAULT;
        vs.push(v);
      }
      return new RVec(owned(vs), true);
    }
    case 'adt':
      return adtDefault(t.name, t.args, env);
    default:
      return NO_DEFAULT;
  }
}

/** The default of a std container or `String`, by its last path segment. */
export function stdDefault(name: string): Value | typeof NO_DEFAULT {
  switch (name) {
    case 'String':
      return '';
    case 'Vec':
      return new RVec([]);
    case 'VecDeque':
      return new RDeque([]);
    case 'HashMap':
    case 'BTreeMap':
      return new RMap(name === 'BTreeMap', false);
    case 'HashSet':
    case 'BTreeSet':
      return new RMap(name === 'BTreeSet', true);
    case 'Option':
      return NONE;
    default:
      return builtinDefault(name);
  }
}

/** `AtomicU64` of `std::sync::atomic::AtomicU64`, `Mutex` of `Mutex<Vec<u8>>`. */
function baseName(written: string): string {
  return written.split('<')[0].split('::').pop() ?? written;
}

/** No source position: the `default` of a std/tokio type cannot fail. */
const NOWHERE = new Site(0, 0);

/** A std/tokio type's own `default` (`AtomicU64`, `Duration`, `CancellationToken`, `JoinSet`…). */
function builtinDefault(name: string): Value | typeof NO_DEFAULT {
  const e = lookupBuiltin([name, 'default']);
  return e?.kind === 'fn' ? e.call(NOWHERE, []) : NO_DEFAULT;
}

function adtDefault(name: string, args: readonly Ty[], env: TypedEnv): Value | typeof NO_DEFAULT {
  const std = stdDefault(name.split('::').pop() ?? name);
  if (std !== NO_DEFAULT) return std;
  const def = env.adt(name);
  if (def === undefined) return NO_DEFAULT;
  const user = def.methods.get('default')?.user;
  if (user !== undefined) return invoke(user, [], null);
  if (def instanceof EnumDef) {
    const v = env.facts.defaultVariant(name);
    const i = v === null ? undefined : def.index.get(v);
    return i === undefined ? NO_DEFAULT : def.variants[i].kind === 'unit' ? def.unit(i) : new REnum(def, i, []);
  }
  const tys = env.facts.fieldTys({ k: 'adt', name, args });
  if (tys === null || tys.length !== def.fields.length) return NO_DEFAULT;
  const vs: Value[] = [];
  for (const [i, ft] of tys.entries()) {
    // A field type the checker left open (a std type it has no table for): the type as written.
    const v = ft.k === 'unknown' ? stdDefault(baseName(def.fieldTypes[i] ?? '')) : defaultOfTy(ft, env);
    if (v === NO_DEFAULT) return NO_DEFAULT;
    vs.push(v);
  }
  return new RStruct(def, owned(vs));
}
