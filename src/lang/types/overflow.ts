/**
 * rustc's deny-by-default `overflowing_literals` lint: after literal fallback, an integer literal
 * outside its type's range is refused ("literal out of range for `u8`"); `-128i8` is in range.
 */
import { INT_TYPES } from '../num/int-type.ts';
import type { Expr, Program } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import type { Cx } from './cx.ts';

export function checkOverflow(cx: Cx, program: Program): void {
  const negated = new Set<Expr>();
  walk(program, (node) => {
    if (node.kind === 'Unary' && node.op === '-') negated.add(node.operand);
    if (node.kind === 'LitPat' && node.negative) negated.add(node.lit);
    return true;
  });
  for (const [e, t] of cx.exprTy) {
    if (e.kind !== 'IntLit') continue;
    const r = cx.table.deep(t);
    if (r.k !== 'int') continue;
    const it = INT_TYPES[r.name];
    const v = negated.has(e) ? -e.value : e.value;
    // Hex/octal/binary literals may fill the bit pattern of a signed type (rustc warns, not denies).
    const radix = /^0[xob]/i.test(e.text);
    const max = radix && it.signed ? (it.maxBig << 1n) + 1n : it.maxBig;
    if (v < it.minBig || v > max) {
      cx.findings.error('lint', e.span, 'overflowing_literals', `literal out of range for \`${r.name}\``);
    }
  }
}
