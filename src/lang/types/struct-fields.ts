/** Field accesses and struct literals: a user struct's field types with its arguments applied (E0609, E0063). */
import type { FieldExpr, StructExpr } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import { subst } from './cx.ts';
import { coerce, derefStep } from './coerce.ts';
import { inferExpr } from './expr.ts';
import { lastName } from './items.ts';
import { knownValueName } from './names.ts';
import { UNKNOWN, showTy, type Ty } from './ty.ts';
import { lowerType } from './lower.ts';
import { freshAdt } from './path.ts';

/** Named fields of a user struct type, with its type arguments applied; null when not one. */
export function structFields(cx: Cx, t: Ty, variant: string | null = null): Map<string, Ty> | null {
  const s = cx.resolved(t);
  if (s.k !== 'adt' || cx.items.ambiguous.has(s.name)) return null;
  const def = cx.items.adts.get(s.name);
  if (def === undefined) return null;
  // With a variant name: the fields of that variant of a user enum.
  const fields =
    def.item.kind === 'Struct'
      ? variant === null
        ? def.item.fields
        : undefined
      : variant === null
        ? undefined
        : def.item.variants.find((v) => v.name === variant)?.fields;
  if (fields === undefined) return null;
  const map = new Map(def.generics.map((g, i) => [g, s.args[i] ?? UNKNOWN] as const));
  const saved = cx.generics;
  cx.generics = new Set(def.generics);
  const out = new Map<string, Ty>();
  if (fields.kind === 'NamedFields') {
    for (const f of fields.fields)
      out.set(f.name, subst(lowerType(f.type, { ...cx.lowerEnv, fresh: () => UNKNOWN }), map));
  } else if (fields.kind === 'TupleFields') {
    fields.fields.forEach((f, i) =>
      out.set(String(i), subst(lowerType(f.type, { ...cx.lowerEnv, fresh: () => UNKNOWN }), map)),
    );
  }
  cx.generics = saved;
  return out;
}

export function inferField(cx: Cx, e: FieldExpr): Ty {
  const obj = inferExpr(cx, e.object);
  let cur: Ty | null = obj;
  for (let i = 0; cur !== null && i < 8; i++) {
    const fields = structFields(cx, cur);
    if (fields !== null) {
      const f = fields.get(e.name);
      if (f !== undefined) return f;
      const s = cx.resolved(cur);
      const target = derefTarget(cx, s);
      if (target !== null) {
        cur = target;
        continue;
      }
      const deref = cx.items.impls.some(
        (im) => (im.blanket || (s.k === 'adt' && im.selfName === s.name)) && im.trait === 'Deref',
      );
      if (!deref && s.k === 'adt') {
        cx.findings.error(
          'typeck',
          e.nameSpan,
          'E0609',
          `no field \`${e.name}\` on type \`${showTy(cx.table.deep(s), cx.table.showVar)}\``,
        );
      }
      break;
    }
    cur = derefStep(cx, cur);
  }
  cx.table.escape(obj);
  return UNKNOWN;
}

/** `type Target` of a non-generic user type's own `impl Deref` (so `guard.name` finds the field). */
function derefTarget(cx: Cx, s: Ty): Ty | null {
  if (s.k !== 'adt' || s.args.length > 0) return null;
  const impl = cx.items.impls.find((i) => !i.blanket && i.selfName === s.name && i.trait === 'Deref');
  const alias = impl?.item.items.find((it) => it.kind === 'TypeAlias' && it.name === 'Target');
  if (alias?.kind !== 'TypeAlias' || alias.type === null) return null;
  const t = lowerType(alias.type, { ...cx.lowerEnv, generics: new Set(), selfTy: s, fresh: () => UNKNOWN });
  return t.k === 'unknown' ? null : t;
}

export function inferStructLit(cx: Cx, e: StructExpr): Ty {
  const segs = e.path.segments;
  const name = lastName(e.path);
  let owner: Ty = UNKNOWN;
  if (segs.length === 1 && name === 'Self' && cx.selfTy !== null) owner = cx.selfTy;
  else if (segs.length === 1 && cx.items.adts.get(name)?.kind === 'struct' && !cx.items.ambiguous.has(name))
    owner = freshAdt(cx, name);
  else if (segs.length === 2 && cx.items.adts.get(segs[0]?.name ?? '')?.kind === 'enum')
    owner = freshAdt(cx, segs[0]?.name ?? '');
  else if (segs.length === 1 && !cx.openNames && !knownValueName(name, cx.items) && !cx.items.traits.has(name)) {
    cx.findings.error(
      'resolve',
      e.path.span,
      'E0422',
      `cannot find struct, variant or union type \`${name}\` in this scope`,
    );
  }
  const fields = segs.length === 1 ? structFields(cx, owner) : null;
  for (const f of e.fields) {
    const t = inferExpr(cx, f.value);
    const want = fields?.get(f.name);
    if (want !== undefined) coerce(cx, t, want, f.value);
    else cx.table.escape(t);
  }
  if (e.base) coerce(cx, inferExpr(cx, e.base), owner, e.base);
  else if (fields !== null && cx.items.adts.get(name)?.item.kind === 'Struct') missingFields(cx, e, name, fields);
  return owner;
}

/** E0063: a struct literal without `..base` must give every field. */
function missingFields(cx: Cx, e: StructExpr, name: string, fields: ReadonlyMap<string, Ty>): void {
  const given = new Set(e.fields.map((f) => f.name));
  const missing = [...fields.keys()].filter((f) => !given.has(f));
  if (missing.length === 0) return;
  const list =
    missing.length === 1
      ? `field \`${missing[0]}\``
      : `fields ${missing
          .slice(0, -1)
          .map((m) => `\`${m}\``)
          .join(', ')} and \`${missing[missing.length - 1]}\``;
  cx.findings.error('typeck', e.path.span, 'E0063', `missing ${list} in initializer of \`${name}\``);
}
