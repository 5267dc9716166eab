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
import type { Items } from './items.ts';
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
    return {
      fn,
      sig: { ...raw, params: raw.params.map((p) => subst(p, map)), ret: subst(raw.ret, map) },
      args: map,
    };
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
    if (s.k !== 'ref') sawSmart = true;
    cur = derefStep(cx, s);
  }
  return { kind: 'other', self: recv };
}
