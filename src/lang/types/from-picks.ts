/**
 * `T::from(x)` and `x.into()` into a user type with several `From` impls: the argument's type
 * picks the impl, and an argument whose type is still open takes the one impl it can fit, as
 * rustc's selection does (`Label::from(('v', 2))` with `From<(char, u32)>` makes the `2` a `u32`;
 * `7.into()` with one integer impl, `From<u32>`, makes the `7` a `u32`). Resolved once inference
 * is over, before the literal fallback, so the interpreter gets the impl's own type (facts.ts).
 */
import type { Cx } from './cx.ts';
import { lowerType } from './lower.ts';
import type { Ty } from './ty.ts';

interface Pick {
  readonly arg: Ty;
  readonly target: Ty;
}

const picks = new WeakMap<Cx, Pick[]>();

/** Records that `arg` converts into `target` through one of `target`'s `From` impls. */
export function deferFromPick(cx: Cx, arg: Ty, target: Ty): void {
  const list = picks.get(cx) ?? [];
  list.push({ arg, target });
  picks.set(cx, list);
}

/** The parameter types of `impl From<X> for name`, or null when one of them is generic. */
function fromParams(cx: Cx, name: string): Ty[] | null {
  const out: Ty[] = [];
  for (const impl of cx.items.impls) {
    if (impl.trait !== 'From' || impl.selfName !== name) continue;
    if (impl.item.generics.params.some((p) => p.kind === 'TypeParam')) return null;
    const seg = impl.item.trait?.segments[impl.item.trait.segments.length - 1];
    const a = seg?.args?.kind === 'AngleArgs' ? seg.args.args[0] : undefined;
    if (a?.kind !== 'TypeArg') return null;
    out.push(lowerType(a.type, { ...cx.lowerEnv, fresh: () => ({ k: 'unknown' }) }));
  }
  return out;
}

/** Can the (partly open) type `a` be the written type `c`? */
function couldBe(cx: Cx, a: Ty, c: Ty): boolean {
  if (a.k === 'unknown' || c.k === 'unknown') return true;
  if (a.k === 'var') {
    const kind = cx.table.kindOf(a.id);
    return kind === 'general' || c.k === kind;
  }
  switch (a.k) {
    case 'int':
    case 'float':
      return c.k === a.k && c.name === a.name;
    case 'ref':
      return c.k === 'ref' && couldBe(cx, a.inner, c.inner);
    case 'tuple':
      return (
        c.k === 'tuple' && c.elems.length === a.elems.length && a.elems.every((x, i) => couldBe(cx, x, c.elems[i]))
      );
    case 'adt':
      return (
        c.k === 'adt' &&
        c.name === a.name &&
        a.args.length === c.args.length &&
        a.args.every((x, i) => couldBe(cx, x, c.args[i]))
      );
    default:
      return c.k === a.k;
  }
}

/** Gives each recorded argument the type of the one `From` impl it fits. */
export function resolveFromPicks(cx: Cx): void {
  for (const p of picks.get(cx) ?? []) {
    const target = cx.table.deep(p.target);
    if (target.k !== 'adt' || !cx.items.adts.has(target.name)) continue;
    const params = fromParams(cx, target.name);
    if (params === null) continue;
    const arg = cx.table.deep(p.arg);
    // the identity `From<T> for T` is a candidate of `into()` too
    const fits = [...params, target].filter((c) => couldBe(cx, arg, c));
    if (fits.length === 1) cx.table.unify(p.arg, fits[0]);
  }
}
