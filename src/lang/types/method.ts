/**
 * Method lookup (rustc-dev-guide "Method lookup"): the probe walks the receiver's autoderef steps
 * (`&T` → `T`, `Box`/`Arc`/`Rc`/`MutexGuard` → their pointee) and at each step looks for an inherent
 * or trait method of a user type; the confirm step instantiates its signature. For a user type the
 * checker sees every impl of, a name found nowhere is rustc's E0599.
 */
import type { FnItem, ImplItem } from '../syntax/ast.ts';
import type { Cx, Sig } from './cx.ts';
import { subst } from './cx.ts';
import { derefStep } from './coerce.ts';
import type { ImplDef, Items } from './items.ts';
import { lowerType } from './lower.ts';
import type { AdtTy, Ty } from './ty.ts';

/** Methods std traits give a type that derives or implements them. */
const TRAIT_METHODS: Record<string, readonly string[]> = {
  Clone: ['clone', 'clone_from', 'to_owned', 'clone_into'],
  Copy: [],
  Debug: ['fmt'],
  Display: ['fmt', 'to_string'],
  PartialEq: ['eq', 'ne'],
  Eq: [],
  PartialOrd: ['partial_cmp', 'lt', 'le', 'gt', 'ge'],
  Ord: ['cmp', 'max', 'min', 'clamp'],
  Hash: ['hash'],
  Default: [],
  Drop: ['drop'],
  From: [],
  Error: ['source', 'description', 'cause', 'to_string'],
  Add: ['add'],
  Sub: ['sub'],
  Mul: ['mul'],
  Div: ['div'],
  Rem: ['rem'],
  Neg: ['neg'],
  Send: [],
  Sync: [],
};

/** Every type has these (blanket impls of `Into`, `TryInto`, `Borrow`, `Any`). */
const UNIVERSAL = ['into', 'try_into', 'borrow', 'borrow_mut', 'type_id'];

export interface Found {
  readonly fn: FnItem;
  readonly sig: Sig;
  /** The impl's and the method's type parameters, as this call instantiates them. */
  readonly args: ReadonlyMap<string, Ty>;
}

function implGenerics(item: { generics: { params: readonly { kind: string; name: string }[] } }): string[] {
  return item.generics.params.filter((p) => p.kind === 'TypeParam').map((p) => p.name);
}

/** `impl<T> S<T>`: the impl's parameters are the type's arguments, in the order written. */
export function implArgs(item: ImplItem, gs: readonly string[], t: AdtTy): Map<string, Ty> {
  const map = new Map<string, Ty>();
  const st = item.selfType;
  if (st.kind !== 'PathType') return map;
  const seg = st.path.segments[st.path.segments.length - 1];
  if (seg?.args?.kind !== 'AngleArgs') return map;
  seg.args.args.forEach((a, i) => {
    const name = a.kind === 'TypeArg' && a.type.kind === 'PathType' ? (a.type.path.segments[0]?.name ?? '') : '';
    if (gs.includes(name)) map.set(name, t.args[i] ?? { k: 'unknown' });
  });
  return map;
}

/** `fn`'s signature with its type parameters replaced as `map` gives them. */
function found(fn: FnItem, raw: Sig, map: Map<string, Ty>): Found {
  return { fn, sig: { ...raw, params: raw.params.map((p) => subst(p, map)), ret: subst(raw.ret, map) }, args: map };
}

/** Finds `name` among the impls of the user type `t`; its signature with the type's arguments. */
export function findUserMethod(cx: Cx, t: AdtTy, name: string): Found | null {
  for (const impl of cx.items.impls) {
    if (impl.selfName !== t.name) continue;
    const fn = impl.item.items.find((i): i is FnItem => i.kind === 'Fn' && i.name === name);
    if (fn === undefined) continue;
    const gs = implGenerics(impl.item);
    const map = new Map(implArgs(impl.item, gs, t));
    for (const g of gs) if (!map.has(g)) map.set(g, cx.table.fresh());
    const raw = cx.sigOf(fn, t, gs);
    const own = raw.generics.filter((g) => !gs.includes(g));
    for (const g of own) map.set(g, cx.table.fresh());
    return found(fn, raw, map);
  }
  return null;
}

/**
 * Can the checker list every method of the user type `name`? Null when it cannot (a `Deref`
 * impl, a blanket impl, a trait with supertraits, an impl of a trait it does not know).
 */
export function methodUniverse(items: Items, name: string): Set<string> | null {
  const def = items.adts.get(name);
  if (def === undefined || items.ambiguous.has(name)) return null;
  const out = new Set<string>(UNIVERSAL);
  const addTrait = (trait: string): boolean => {
    const known = TRAIT_METHODS[trait];
    if (known !== undefined) {
      for (const m of known) out.add(m);
      return true;
    }
    const own = items.traits.get(trait);
    if (own === undefined || own.supertraits.length > 0) return false;
    for (const it of own.items) if (it.kind === 'Fn') out.add(it.name);
    return true;
  };
  for (const d of def.derives) if (!addTrait(d)) return null;
  for (const impl of items.impls) {
    if (impl.blanket) {
      if (impl.trait === null || !addTrait(impl.trait)) return null;
      continue;
    }
    if (impl.selfName !== name) continue;
    for (const it of impl.item.items) if (it.kind === 'Fn') out.add(it.name);
    if (impl.trait !== null && !addTrait(impl.trait)) return null;
  }
  return out;
}

export type Probe =
  | { readonly kind: 'user'; readonly found: Found; readonly steps: number }
  | { readonly kind: 'missing'; readonly on: AdtTy }
  | { readonly kind: 'other'; readonly self: Ty };

/** The probe phase: the first autoderef step whose type has the method. */
export function probeMethod(cx: Cx, recv: Ty, name: string): Probe {
  let cur: Ty | null = recv;
  let sawSmart = false;
  for (let steps = 0; cur !== null && steps < 8; steps++) {
    const s = cx.resolved(cur);
    if (s.k === 'adt' && cx.items.adts.has(s.name) && !cx.items.ambiguous.has(s.name)) {
      const found = findUserMethod(cx, s, name);
      if (found !== null) return { kind: 'user', found, steps };
      if (!sawSmart) {
        const universe = methodUniverse(cx.items, s.name);
        if (universe !== null && !universe.has(name)) return { kind: 'missing', on: s };
      }
      return { kind: 'other', self: s };
    }
    const foreign = foreignImplMethod(cx, s, name);
    if (foreign !== null) return { kind: 'user', found: foreign, steps };
    if (s.k !== 'ref') sawSmart = true;
    cur = derefStep(cx, s);
  }
  return { kind: 'other', self: recv };
}

/** Binds `pattern`'s parameters among `gs` so that it is `actual`; false when it cannot be. */
function matchTy(pattern: Ty, actual: Ty, gs: readonly string[], map: Map<string, Ty>): boolean {
  if (pattern.k === 'param' && gs.includes(pattern.name)) {
    const had = map.get(pattern.name);
    if (had === undefined) map.set(pattern.name, actual);
    return had === undefined || JSON.stringify(had) === JSON.stringify(actual);
  }
  switch (pattern.k) {
    case 'int':
    case 'float':
      return actual.k === pattern.k && actual.name === pattern.name;
    case 'str':
    case 'bool':
    case 'char':
      return actual.k === pattern.k;
    case 'ref':
      return actual.k === 'ref' && matchTy(pattern.inner, actual.inner, gs, map);
    case 'adt':
      return (
        actual.k === 'adt' &&
        actual.name === pattern.name &&
        actual.args.length === pattern.args.length &&
        pattern.args.every((a, i) => matchTy(a, actual.args[i], gs, map))
      );
    default:
      return false;
  }
}

/** A type the checker has fully worked out (no variable, nothing unknown). */
function settled(cx: Cx, t: Ty): Ty | null {
  const d = cx.table.deep(t);
  const open = (x: Ty): boolean =>
    x.k === 'var' ||
    x.k === 'unknown' ||
    (x.k === 'ref' && open(x.inner)) ||
    (x.k === 'adt' && x.args.some(open)) ||
    (x.k === 'tuple' && x.elems.some(open));
  return open(d) ? null : d;
}

/**
 * A user trait's method on a std type or a generic parameter: `impl<T: Describe> Describe for
 * Vec<T>` on a `Vec<u8>` (its `T` is `u8` for this call), `impl Describe for u8`, and `x.describe()`
 * with `x: &T` (the trait that declares the method, `Self` being `T`). Null when no impl or trait
 * answers for certain, so the receiver stays open as before.
 */
function foreignImplMethod(cx: Cx, s: Ty, name: string): Found | null {
  if (s.k === 'param') {
    const traits = [...cx.items.traits.values()].filter((t) =>
      t.items.some((i) => i.kind === 'Fn' && i.name === name && i.selfParam !== null),
    );
    const fn =
      traits.length === 1 ? traits[0].items.find((i): i is FnItem => i.kind === 'Fn' && i.name === name) : null;
    if (fn === null || fn === undefined) return null;
    const raw = cx.sigOf(fn, s);
    const map = new Map<string, Ty>();
    for (const g of raw.generics) map.set(g, cx.table.fresh());
    return found(fn, raw, map);
  }
  if (s.k === 'adt' && cx.items.adts.has(s.name)) return null;
  if (s.k === 'var' && cx.table.kindOf(s.id) !== 'general') return literalReceiver(cx, s, name);
  const actual = settled(cx, s);
  if (actual === null) return null;
  const hit = foreignImpl(cx, actual, name);
  if (hit === null) return null;
  const { impl, fn, map } = hit;
  const gs = implGenerics(impl.item);
  const raw = cx.sigOf(fn, actual, gs);
  for (const g of raw.generics) if (!map.has(g)) map.set(g, cx.table.fresh());
  return found(fn, raw, map);
}

/**
 * The one user trait impl for the std type `actual` (fully known) that has the method `name`, with
 * the impl's type parameters as `actual` gives them; null when none or several answer.
 */
export function foreignImpl(
  cx: Cx,
  actual: Ty,
  name: string,
): { impl: ImplDef; fn: FnItem; map: Map<string, Ty> } | null {
  const hits: { impl: ImplDef; fn: FnItem; map: Map<string, Ty> }[] = [];
  for (const impl of cx.items.impls) {
    if (impl.trait === null) continue;
    const fn = impl.item.items.find((i): i is FnItem => i.kind === 'Fn' && i.name === name);
    if (fn === undefined || fn.selfParam === null) continue;
    const gs = implGenerics(impl.item);
    // `impl<T: Display> Tagged for T` applies to types the checker cannot enumerate: leave it.
    if (impl.item.selfType.kind === 'PathType' && gs.includes(impl.item.selfType.path.segments[0]?.name ?? ''))
      return null;
    const saved = cx.generics;
    cx.generics = new Set(gs);
    const pattern = lowerType(impl.item.selfType, { ...cx.lowerEnv, fresh: () => ({ k: 'unknown' }) });
    cx.generics = saved;
    const map = new Map<string, Ty>();
    if (matchTy(pattern, actual, gs, map) && gs.every((g) => map.has(g))) hits.push({ impl, fn, map });
  }
  return hits.length === 1 ? hits[0] : null;
}

/**
 * `200.describe()`: a literal receiver of a user trait method. With one impl for a type of the
 * literal's kind the literal takes that type (rustc selects it); with several, or a blanket impl,
 * it keeps its literal fallback (`i32`). The method's result type is the trait's.
 */
function literalReceiver(cx: Cx, s: Extract<Ty, { k: 'var' }>, name: string): Found | null {
  const kind = cx.table.kindOf(s.id);
  const concrete: Ty[] = [];
  let first: FnItem | null = null;
  for (const impl of cx.items.impls) {
    if (impl.trait === null) continue;
    const fn = impl.item.items.find((i): i is FnItem => i.kind === 'Fn' && i.name === name);
    const declared = cx.items.traits
      .get(impl.trait)
      ?.items.find((i): i is FnItem => i.kind === 'Fn' && i.name === name && i.selfParam !== null);
    const method = fn ?? declared;
    if (method === undefined || method.selfParam === null) continue;
    first ??= declared ?? method;
    if (impl.blanket) continue;
    const self = lowerType(impl.item.selfType, { ...cx.lowerEnv, fresh: () => ({ k: 'unknown' }) });
    if (self.k === kind) concrete.push(self);
  }
  if (first === null) return null;
  if (concrete.length === 1) cx.table.unify(s, concrete[0]);
  const raw = cx.sigOf(first, s);
  const map = new Map<string, Ty>();
  for (const g of raw.generics) map.set(g, cx.table.fresh());
  return found(first, raw, map);
}
