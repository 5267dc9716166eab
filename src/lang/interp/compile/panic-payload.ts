/**
 * Whether an edition-2021 `panic!(fmt, args…)` unwinds with a `&'static str` or a `String` payload.
 * `format_args!` inlines literal arguments (strings, and integers that fit their type) into plain
 * `{}` placeholders; when no runtime argument remains, `Arguments::as_str()` is `Some` and std
 * boxes that `&'static str`. `panic!("{}", x)` is its own macro arm (`panic_display`), whose
 * argument is a reference, never a literal, so it always formats into a `String`.
 */
import type { BoundFormat } from '../../fmt/bind.ts';
import type { Expr, FormatArg, StrLit } from '../../syntax/ast.ts';

const INT_MAX: Record<string, bigint> = {
  i8: 0x7fn,
  i16: 0x7fffn,
  i32: 0x7fffffffn,
  i64: 0x7fffffffffffffffn,
  i128: (1n << 127n) - 1n,
  isize: 0x7fffffffffffffffn,
  u8: 0xffn,
  u16: 0xffffn,
  u32: 0xffffffffn,
  u64: 0xffffffffffffffffn,
  u128: (1n << 128n) - 1n,
  usize: 0xffffffffffffffffn,
};

function isInlinableLiteral(e: Expr): boolean {
  // rustc sees through parentheses: `panic!("{}", (1))` is inlined too
  if (e.kind === 'Paren') return isInlinableLiteral(e.expr);
  if (e.kind === 'StrLit') return true;
  // Unsuffixed integer literals are taken as i32 by the inliner.
  if (e.kind === 'IntLit') return e.value >= 0n && e.value <= (INT_MAX[e.suffix ?? 'i32'] ?? -1n);
  return false;
}

/** True when the panic payload is `&'static str` (see the header). */
export function panicPayloadIsStatic(fmt: StrLit, args: readonly FormatArg[], bound: BoundFormat): boolean {
  if (fmt.value === '{}' && args.length === 1 && args[0].name === null) return false;
  if (bound.captures.length > 0) return false;
  // The bound slots are the positional arguments, then the named ones.
  const slots = [...args.filter((a) => a.name === null), ...args.filter((a) => a.name !== null)];
  const inlinable = slots.map((a) => isInlinableLiteral(a.value));
  for (const p of bound.pieces) {
    if (typeof p === 'string') continue;
    if (p.widthArg >= 0) inlinable[p.widthArg] = false;
    if (p.precisionArg >= 0) inlinable[p.precisionArg] = false;
    const plain =
      p.trait === 'Display' &&
      p.fill === ' ' &&
      p.align === undefined &&
      p.flags === 0 &&
      p.width < 0 &&
      p.widthArg < 0 &&
      p.precision < 0 &&
      p.precisionArg < 0;
    if (!plain) inlinable[p.arg] = false;
  }
  return inlinable.every((x) => x);
}
