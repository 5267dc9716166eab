/**
 * Width and precision taken from arguments (`{:w$}`, `{:.p$}`, `{:.*}`) are `usize` in rustc: an
 * integer literal bound to such an argument (or to a variable captured by name) is inferred
 * `usize`, not `i32`, so the formatter reads it as a count.
 */
import { bindArguments } from '../fmt/bind.ts';
import { parseFormatString } from '../fmt/parse.ts';
import type { FormatArg, StrLit } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import { intTy, type Ty } from './ty.ts';

const USIZE = intTy('usize');

/** `argTys` are the types of `args`, in order. */
export function inferFormatCounts(cx: Cx, format: StrLit, args: readonly FormatArg[], argTys: readonly Ty[]): void {
  if (!format.value.includes('$') && !format.value.includes('*')) return;
  const parsed = parseFormatString(format.value);
  if (!parsed.ok) return;
  const positional: Ty[] = [];
  const named: Ty[] = [];
  args.forEach((a, i) => (a.name === null ? positional : named).push(argTys[i]));
  const bound = bindArguments(parsed.value, {
    positional: positional.length,
    named: args.filter((a) => a.name !== null).map((a) => a.name ?? ''),
  });
  if (!bound.ok) return;
  const slots = [...positional, ...named];
  const slotTy = (slot: number): Ty | undefined =>
    slot < slots.length ? slots[slot] : cx.lookup(bound.value.captures[slot - slots.length] ?? '')?.ty;
  for (const p of bound.value.pieces) {
    if (typeof p === 'string') continue;
    for (const slot of [p.widthArg, p.precisionArg]) {
      const t = slot >= 0 ? slotTy(slot) : undefined;
      const v = t === undefined ? null : cx.table.shallow(t);
      if (v?.k === 'var' && cx.table.kindOf(v.id) === 'int') cx.table.unify(v, USIZE);
    }
  }
}
