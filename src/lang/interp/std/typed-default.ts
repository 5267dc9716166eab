/**
 * `Default::default()` by the checker's type (types/facts.ts): `T::default()`, derives, a user
 * `impl Default`, `unwrap_or_default()`, `entry().or_default()`. Returns NO_DEFAULT when the type
 * is not one the table describes (a generic parameter left open, an array whose length is not a
 * literal); callers then use the older name-based table (defaults.ts).
 */
import { invoke } from '../call.ts';
import { EnumDef, Site, type TypedEnv } from '../defs.ts';
import { lookupBuiltin } from './registry.ts';
import { claim } from '../owner.ts';
import { mkChar, RDeque, RHeap, REnum, RFloat, RMap, RStruct, RTuple, RVec, type Value } from '../values.ts';
import type { Ty } from '../../types/ty.ts';
import { NONE } from './enums.ts';

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
    case 'BinaryHeap':
      return new RHeap([]);
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

/** `T::default()` of a std type that registers one (the atomics), by its name. */
export function builtinDefault(name: string): Value | typeof NO_DEFAULT {
  const e = lookupBuiltin([name]);
  const d = e?.kind === 'ns' ? e.m.get('default') : undefined;
  return d?.kind === 'fn' ? d.call(new Site(0, 0), []) : NO_DEFAULT;
}

/** Std wrappers whose `Default` is `new(T::default())`, by the checker's name → their path. */
const WRAPPERS: ReadonlyMap<string, string> = new Map([
  ['Arc', 'std::sync::Arc'],
  ['Rc', 'std::rc::Rc'],
  ['Box', 'Box'],
  ['std::sync::Mutex', 'std::sync::Mutex'],
  ['std::sync::RwLock', 'std::sync::RwLock'],
  ['tokio::sync::Mutex', 'tokio::sync::Mutex'],
  ['RefCell', 'std::cell::RefCell'],
  ['Cell', 'std::cell::Cell'],
]);

function wrapperDefault(path: string, inner: Ty, env: TypedEnv): Value | typeof NO_DEFAULT {
  const e = lookupBuiltin(path.split('::'));
  const ctor = e?.kind === 'ns' ? e.m.get('new') : undefined;
  if (ctor?.kind !== 'fn') return NO_DEFAULT;
  const v = defaultOfTy(inner, env);
  return v === NO_DEFAULT ? NO_DEFAULT : ctor.call(new Site(0, 0), [v]);
}

/** `AtomicU64` of `std::sync::atomic::AtomicU64`, `Mutex` of `Mutex<Vec<u8>>`. */
function baseName(written: string): string {
  return written.split('<')[0].split('::').pop() ?? written;
}

function adtDefault(name: string, args: readonly Ty[], env: TypedEnv): Value | typeof NO_DEFAULT {
  const std = stdDefault(name.split('::').pop() ?? name);
  if (std !== NO_DEFAULT) return std;
  const wrapper = WRAPPERS.get(name);
  if (wrapper !== undefined && args.length === 1) return wrapperDefault(wrapper, args[0], env);
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
