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
  const negation = new Map<Expr, Expr>();
  walk(program, (node) => {
    if (node.kind === 'Unary' && node.op === '-') {
      negated.add(node.operand);
      negation.set(node.operand, node);
    }
    if (node.kind === 'LitPat' && node.negative) negated.add(node.lit);
    return true;
  });
  for (const [e, t] of cx.exprTy) {
    if (e.kind !== 'IntLit') continue;
    const r = cx.table.deep(t);
    if (r.k !== 'int') continue;
    const it = INT_TYPES[r.name];
    const neg = negation.get(e);
    if (neg !== undefined && !it.signed) {
      // `-1` for an unsigned type is not a lint: unsigned types have no `Neg` (E0600, typeck).
      cx.findings.error('typeck', neg.span, 'E0600', `cannot apply unary operator \`-\` to type \`${r.name}\``);
      continue;
    }
    const v = negated.has(e) ? -e.value : e.value;
    // Hex/octal/binary literals may fill the bit pattern of a signed type (rustc warns, not denies).
    const radix = /^0[xob]/i.test(e.text);
    const max = radix && it.signed ? (it.maxBig << 1n) + 1n : it.maxBig;
    if (v < it.minBig || v > max) {
      cx.findings.error('lint', e.span, 'overflowing_literals', `literal out of range for \`${r.name}\``);
    }
  }
}
