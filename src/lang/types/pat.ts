/**
 * Patterns: declare the names they bind, with the types the scrutinee gives them where the
 * checker can tell (identifiers, tuples, references, user struct and enum variants, `Some`/`Ok`/
 * `Err`), unknown elsewhere.
 */
import type { Pattern } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import { subst } from './cx.ts';
import { lastName } from './items.ts';
import { UNKNOWN, showTy, type Ty } from './ty.ts';
import { enumVariantInScope } from './names.ts';

/** The types of the fields of a variant/struct pattern, by position or name; null when unknown. */
function variantFields(cx: Cx, path: { segments: readonly { name: string }[] }, scrut: Ty): Map<string, Ty> | null {
  const s = cx.resolved(peelRefs(cx, scrut));
  const name = lastName(path);
  if (s.k === 'adt') {
    if (s.name === 'Option' && name === 'Some') return new Map([['0', s.args[0] ?? UNKNOWN]]);
    if (s.name === 'Result' && name === 'Ok') return new Map([['0', s.args[0] ?? UNKNOWN]]);
    if (s.name === 'Result' && name === 'Err') return new Map([['0', s.args[1] ?? UNKNOWN]]);
    const def = cx.items.adts.get(s.name);
    if (def === undefined || cx.items.ambiguous.has(s.name)) return null;
    const map = new Map(def.generics.map((g, i) => [g, s.args[i] ?? UNKNOWN] as const));
    const fields =
      def.item.kind === 'Struct' ? def.item.fields : def.item.variants.find((v) => v.name === name)?.fields;
    if (fields === undefined) return null;
    const saved = cx.generics;
    cx.generics = new Set(def.generics);
    const out = new Map<string, Ty>();
    if (fields.kind === 'NamedFields') for (const f of fields.fields) out.set(f.name, subst(cx.lower(f.type), map));
    if (fields.kind === 'TupleFields')
      fields.fields.forEach((f, i) => out.set(String(i), subst(cx.lower(f.type), map)));
    cx.generics = saved;
    return out;
  }
  return null;
}

function peelRefs(cx: Cx, t: Ty): Ty {
  let s = cx.resolved(t);
  while (s.k === 'ref') s = cx.resolved(s.inner);
  return s;
}

const STD_CTORS: Record<string, string> = { Some: 'Option', None: 'Option', Ok: 'Result', Err: 'Result' };

/** A `Some`/`None`/`Ok`/`Err` pattern against a known type that is not that enum: E0308. */
function checkCtor(cx: Cx, p: Pattern, ty: Ty): void {
  let name: string | null = null;
  if (p.kind === 'TupleStructPat' || p.kind === 'PathPat')
    name = p.path.segments.length === 1 ? lastName(p.path) : null;
  if (p.kind === 'IdentPat' && p.name === 'None' && p.sub === null) name = 'None';
  const owner = name === null ? undefined : STD_CTORS[name];
  if (owner === undefined || cx.items.adts.has(name ?? '') || cx.items.imports.has(name ?? '')) return;
  const s = peelRefs(cx, ty);
  const wrong =
    s.k === 'future' ||
    ['int', 'float', 'bool', 'char', 'str', 'tuple'].includes(s.k) ||
    (s.k === 'adt' && s.name !== owner && !cx.items.adts.has(s.name));
  if (wrong) {
    const show = showTy(cx.table.deep(s), cx.table.showVar);
    cx.findings.error('typeck', p.span, 'E0308', 'mismatched types', `expected \`${show}\`, found \`${owner}<_>\``);
  }
}

/** Declares the bindings of `p` matched against a value of type `ty`. */
export function bindPattern(cx: Cx, p: Pattern, ty: Ty): void {
  checkCtor(cx, p, ty);
  switch (p.kind) {
    case 'IdentPat': {
      // A lone name that is a unit variant or unit struct in scope is a path, not a binding.
      if (p.sub === null && !p.byRef && !p.mutable && isUnitPath(cx, p.name)) return;
      if (p.sub !== null) bindPattern(cx, p.sub, ty);
      const s = cx.resolved(ty);
      const bound = p.byRef ? { k: 'ref' as const, mut: p.mutable, inner: ty } : s.k === 'unknown' ? UNKNOWN : ty;
      cx.declare(p.name, bound, p.span, p.mutable || p.byRef);
      return;
    }
    case 'TuplePat': {
      const s = cx.resolved(ty);
      const hasRest = p.elems.some((e) => e.kind === 'RestPat');
      if (s.k === 'tuple' && !hasRest && s.elems.length === p.elems.length) {
        p.elems.forEach((e, i) => bindPattern(cx, e, s.elems[i] ?? UNKNOWN));
      } else if (s.k === 'ref' && cx.resolved(s.inner).k === 'tuple') {
        // Default binding mode: fields of a matched reference bind by reference.
        const inner = cx.resolved(s.inner);
        if (inner.k === 'tuple' && !hasRest && inner.elems.length === p.elems.length) {
          p.elems.forEach((e, i) => bindPattern(cx, e, { k: 'ref', mut: s.mut, inner: inner.elems[i] ?? UNKNOWN }));
        } else for (const e of p.elems) bindPattern(cx, e, UNKNOWN);
      } else {
        if (s.k === 'var') cx.table.escape(s);
        for (const e of p.elems) bindPattern(cx, e, UNKNOWN);
      }
      return;
    }
    case 'TupleStructPat': {
      const fields = variantFields(cx, p.path, ty);
      const byRef = cx.resolved(ty).k === 'ref';
      const hasRest = p.elems.some((e) => e.kind === 'RestPat');
      p.elems.forEach((e, i) => {
        const f = hasRest ? undefined : fields?.get(String(i));
        bindPattern(cx, e, f === undefined ? UNKNOWN : byRef ? { k: 'ref', mut: false, inner: f } : f);
      });
      return;
    }
    case 'StructPat': {
      const fields = variantFields(cx, p.path, ty);
      const byRef = cx.resolved(ty).k === 'ref';
      for (const f of p.fields) {
        const ft = fields?.get(f.name);
        bindPattern(cx, f.pat, ft === undefined ? UNKNOWN : byRef ? { k: 'ref', mut: false, inner: ft } : ft);
      }
      return;
    }
    case 'RefPat': {
      const s = cx.resolved(ty);
      bindPattern(cx, p.pat, s.k === 'ref' ? s.inner : UNKNOWN);
      return;
    }
    case 'ParenPat':
      bindPattern(cx, p.pat, ty);
      return;
    case 'OrPat':
      // Every alternative binds the same names; the first declares them.
      if (p.alts[0] !== undefined) bindPattern(cx, p.alts[0], ty);
      return;
    case 'SlicePat': {
      // Items of an array or slice bind as the item type (by reference through a reference,
      // the default binding mode); a `rest @ ..` binding stays untyped.
      const s = cx.resolved(ty);
      const inner = s.k === 'ref' ? cx.resolved(s.inner) : s;
      const item = inner.k === 'array' || inner.k === 'slice' ? inner.elem : UNKNOWN;
      const bound: Ty = item.k === 'unknown' || s.k !== 'ref' ? item : { k: 'ref', mut: s.mut, inner: item };
      for (const e of p.elems) {
        const rest = e.kind === 'RestPat' || (e.kind === 'IdentPat' && e.sub?.kind === 'RestPat');
        bindPattern(cx, e, rest ? UNKNOWN : bound);
      }
      return;
    }
    case 'WildPat':
    case 'RestPat':
    case 'LitPat':
    case 'RangePat':
    case 'PathPat':
      return;
  }
}

function isUnitPath(cx: Cx, name: string): boolean {
  if (name === 'None') return true;
  if (enumVariantInScope(name, cx.items) !== null) return true;
  const d = cx.items.adts.get(name);
  if (d !== undefined && d.item.kind === 'Struct' && d.item.fields.kind === 'UnitFields') return true;
  return cx.items.values.has(name) && /^[A-Z_0-9]+$/.test(name);
}
