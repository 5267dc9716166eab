/**
 * Which types implement `Display` and `Debug` (E0277 "`T` doesn't implement `Debug`"), for format
 * arguments, `unwrap`/`expect` on a `Result` (its error must be `Debug`) and `#[derive(Debug)]`
 * fields. Unknown types, generic parameters and blanket impls count as implementing.
 */
import { bindArguments, type BoundFormat } from '../fmt/bind.ts';
import { parseFormatString } from '../fmt/parse.ts';
import type { Expr, FormatArg, StrLit } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import { showTy, type Ty } from './ty.ts';

export type FmtTrait = 'Display' | 'Debug';

/** The part of `t` lacking the trait (rustc names the innermost one), or null when it has it. */
export function lacks(cx: Cx, t: Ty, trait: FmtTrait): Ty | null {
  const s = cx.table.shallow(t);
  const each = (ts: readonly Ty[]): Ty | null => {
    for (const x of ts) {
      const l = lacks(cx, x, trait);
      if (l !== null) return l;
    }
    return null;
  };
  switch (s.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'str':
      return null;
    case 'ref':
      return lacks(cx, s.inner, trait);
    case 'tuple':
    case 'array':
    case 'slice':
      if (trait === 'Display') return s;
      return s.k === 'tuple' ? each(s.elems) : lacks(cx, s.elem, trait);
    case 'future':
      return s;
    case 'adt':
      return adtLacks(cx, s, trait, each);
    default:
      return null;
  }
}

const POINTERS = new Set(['Box', 'Arc', 'Rc']);
const DEBUG_CONTAINERS = new Set([
  'Vec',
  'Option',
  'Result',
  'HashMap',
  'HashSet',
  'BTreeMap',
  'BTreeSet',
  'VecDeque',
  'BinaryHeap',
]);

function adtLacks(
  cx: Cx,
  s: Extract<Ty, { k: 'adt' }>,
  trait: FmtTrait,
  each: (ts: readonly Ty[]) => Ty | null,
): Ty | null {
  if (POINTERS.has(s.name)) return each(s.args);
  if (s.name === 'String') return null;
  if (DEBUG_CONTAINERS.has(s.name)) return trait === 'Display' ? s : each(s.args);
  const def = cx.items.adts.get(s.name);
  if (def === undefined) return null;
  if (cx.items.ambiguous.has(s.name)) return null;
  if (trait === 'Debug' && def.derives.has('Debug')) return null;
  const implemented = cx.items.impls.some(
    (i) =>
      (i.selfName === s.name || i.blanket) &&
      (i.trait === trait || (i.trait !== null && !['Display', 'Debug'].includes(i.trait) && i.blanket)),
  );
  return implemented ? null : s;
}

function traitPath(trait: FmtTrait): string {
  return trait === 'Display' ? 'std::fmt::Display' : 'Debug';
}

export function reportLack(
  cx: Cx,
  at: { line: number; col: number; endLine: number; endCol: number },
  t: Ty,
  trait: FmtTrait,
): void {
  const name = showTy(cx.table.deep(t), cx.table.showVar);
  cx.findings.error('typeck', at, 'E0277', `\`${name}\` doesn't implement \`${traitPath(trait)}\``);
}

/** The format string bound to its arguments, with the expression of each written argument slot. */
function bindFormat(format: StrLit, args: readonly FormatArg[]): { bound: BoundFormat; slots: Expr[] } | null {
  const parsed = parseFormatString(format.value);
  if (!parsed.ok) return null;
  const positional = args.filter((a) => a.name === null);
  const named = args.filter((a) => a.name !== null);
  const bound = bindArguments(parsed.value, { positional: positional.length, named: named.map((a) => a.name ?? '') });
  if (!bound.ok) return null;
  return { bound: bound.value, slots: [...positional, ...named].map((a) => a.value) };
}

/** Checks each `{}` / `{:?}` argument of a format macro against its trait. */
export function checkFormatArgs(cx: Cx, format: StrLit, args: readonly FormatArg[]): void {
  const b = bindFormat(format, args);
  if (b === null) return;
  const { bound, slots } = b;
  for (const p of bound.pieces) {
    if (typeof p === 'string' || (p.trait !== 'Display' && p.trait !== 'Debug')) continue;
    const e = slots[p.arg];
    if (e === undefined) continue;
    const t = cx.exprTy.get(e);
    if (t === undefined) continue;
    const missing = lacks(cx, t, p.trait);
    if (missing !== null) reportLack(cx, e.span, missing, p.trait);
  }
}

/** After inference: format arguments, unwrapped errors and derived `Debug` fields. */
export function checkFmtTraits(cx: Cx): void {
  for (const f of cx.formatSites) checkFormatArgs(cx, f.format, f.args);
  for (const d of cx.debugSites) {
    const missing = lacks(cx, d.ty, 'Debug');
    if (missing !== null) reportLack(cx, d.at, missing, 'Debug');
  }
  for (const def of cx.items.adts.values()) {
    if (!def.derives.has('Debug')) continue;
    const saved = cx.generics;
    cx.generics = new Set(def.generics);
    const fieldLists = def.item.kind === 'Struct' ? [def.item.fields] : def.item.variants.map((v) => v.fields);
    for (const fields of fieldLists) {
      if (fields.kind === 'UnitFields') continue;
      for (const f of fields.fields) {
        const missing = lacks(cx, cx.lower(f.type), 'Debug');
        if (missing !== null) reportLack(cx, f.span, missing, 'Debug');
      }
    }
    cx.generics = saved;
  }
}
