/**
 * Operators and indexing on types whose std impls the checker knows: `String + String` (Add takes
 * `&str`), `Instant + 5` and `elapsed > 5` (they take a `Duration`), `==` on a user type without `PartialEq` (E0369)
 * and a slice indexed by a signed or narrower integer (E0277). Anything the checker cannot decide
 * (an unknown type, a user `impl Add`) is left alone.
 */
import type { BinaryExpr, Expr, Span } from '../syntax/ast.ts';
import type { Cx } from './cx.ts';
import { showTy, type Ty } from './ty.ts';

function isAdt(t: Ty, name: string): boolean {
  return t.k === 'adt' && t.name === name;
}

/** A std type name the program does not redefine. */
const stdNamed = (cx: Cx, t: Ty, name: string): boolean => isAdt(t, name) && !cx.items.adts.has(name);

/** E0308 at the right operand of `String + String` or `Instant ± integer`; true when reported. */
export function operandMismatch(cx: Cx, op: string, l: Ty, r: Ty, right: Expr): boolean {
  let expected: string | null = null;
  if (op === '+' && stdNamed(cx, l, 'String') && stdNamed(cx, r, 'String')) expected = '&str';
  const intLike = r.k === 'int' || r.k === 'float' || (r.k === 'var' && cx.table.kindOf(r.id) !== 'general');
  if ((op === '+' || op === '-') && stdNamed(cx, l, 'Instant') && intLike) expected = 'Duration';
  // `Duration` multiplies and divides by `u32`, but adds and compares only with a `Duration`.
  const additive = ['+', '-', '==', '!=', '<', '<=', '>', '>='].includes(op);
  if (additive && stdNamed(cx, l, 'Duration') && intLike) expected = 'Duration';
  if (expected === null) return false;
  cx.findings.error(
    'typeck',
    right.span,
    'E0308',
    'mismatched types',
    `expected \`${expected}\`, found \`${showTy(cx.table.deep(r), cx.table.showVar)}\``,
  );
  return true;
}

const CMP_TRAIT: Record<string, string> = {
  '==': 'PartialEq',
  '!=': 'PartialEq',
  '<': 'PartialOrd',
  '<=': 'PartialOrd',
  '>': 'PartialOrd',
  '>=': 'PartialOrd',
};

/** Does the user type certainly lack `trait` (no derive, no impl, no blanket impl)? */
export function lacksTrait(cx: Cx, t: Ty, trait: string): boolean {
  const s = cx.resolved(t);
  if (s.k !== 'adt' || cx.items.ambiguous.has(s.name)) return false;
  const def = cx.items.adts.get(s.name);
  if (def === undefined || def.derives.has(trait)) return false;
  return !cx.items.impls.some((i) => i.trait === trait && (i.blanket || i.selfName === s.name));
}

/** E0369: comparing values of a user type that implements no comparison; true when reported. */
export function missingCmpTrait(cx: Cx, op: string, left: Ty, at: Span): boolean {
  const trait = CMP_TRAIT[op];
  if (trait === undefined || !lacksTrait(cx, left, trait)) return false;
  const shown = showTy(cx.table.deep(left), cx.table.showVar);
  cx.findings.error('typeck', at, 'E0369', `binary operation \`${op}\` cannot be applied to type \`${shown}\``);
  return true;
}

/** E0277: `v[i]` with `i` an integer type other than `usize`; true when reported. */
export function notUsizeIndex(cx: Cx, base: Ty, idx: Ty, index: Expr): boolean {
  const textual = base.k === 'str' || stdNamed(cx, base, 'String');
  const intLike = idx.k === 'int' || (idx.k === 'var' && cx.table.kindOf(idx.id) === 'int');
  if (textual && intLike) {
    // Strings are indexed by byte ranges only, never by a position.
    const shown = showTy(cx.table.deep(idx), cx.table.showVar);
    cx.findings.error('typeck', index.span, 'E0277', `the type \`str\` cannot be indexed by \`${shown}\``);
    return true;
  }
  if (idx.k !== 'int' || idx.name === 'usize') return false;
  let elem: Ty;
  if (base.k === 'adt' && base.name === 'Vec' && base.args[0] !== undefined) elem = base.args[0];
  else if (base.k === 'array' || base.k === 'slice') elem = base.elem;
  else return false;
  const shown = showTy(cx.table.deep(elem), cx.table.showVar);
  cx.findings.error(
    'typeck',
    index.span,
    'E0277',
    `the type \`[${shown}]\` cannot be indexed by \`${idx.name}\``,
    'slice indices are of type `usize` or ranges of `usize`',
  );
  return true;
}

const VERBS: Record<string, string> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '%': 'calculate the remainder of',
};

/** rustc's words for an arithmetic operator no impl covers (`cannot multiply `&u64` by `i32``). */
export function opMessage(op: string, l: string, r: string): string | null {
  const verb = VERBS[op];
  if (verb === undefined) return null;
  if (op === '+') return `cannot add \`${r}\` to \`${l}\``;
  if (op === '-') return `cannot subtract \`${r}\` from \`${l}\``;
  if (op === '%') return `cannot ${verb} \`${l}\` divided by \`${r}\``;
  return `cannot ${verb} \`${l}\` by \`${r}\``;
}

/**
 * Arithmetic between numbers of different types, either side possibly a reference (`&u64 * i32`,
 * `a / k`). Two integer (or two float) types: rustc reports E0308 at the right operand (it expected
 * the left one's type) and then E0277 at the operator; as diagnostics are shown by position, the
 * E0277 rides along as the E0308's help so the first error stays rustc's. An integer with a float:
 * E0277 at the operator only. `numL`/`numR` are the operands' number types, one reference peeled.
 */
export function numericMismatch(cx: Cx, e: BinaryExpr, l: Ty, r: Ty, numL: Ty, numR: Ty): void {
  const show = (t: Ty): string => showTy(cx.table.deep(t), cx.table.showVar);
  const message = opMessage(e.op, show(l), show(r));
  if (family(cx, numL) === family(cx, numR)) {
    const expected = `expected \`${show(numL)}\`, found \`${show(numR)}\``;
    const hint = message === null ? expected : `${expected}; then rustc's E0277: ${message}`;
    cx.findings.error('typeck', e.right.span, 'E0308', 'mismatched types', hint);
  } else if (message !== null) cx.findings.error('typeck', e.opSpan, 'E0277', message);
}

function family(cx: Cx, t: Ty): string {
  if (t.k === 'var') return cx.table.kindOf(t.id);
  return t.k;
}
