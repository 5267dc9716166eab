/**
 * Panics raised by Rust's integer arithmetic in debug builds (overflow checks on), with the exact
 * messages rustc 1.95 prints after `thread 'main' panicked at file:line:col:`. The interpreter
 * catches `NumPanic` and turns it into its own panic, adding the source location.
 */

export const PANIC_MESSAGES = {
  add: 'attempt to add with overflow',
  sub: 'attempt to subtract with overflow',
  mul: 'attempt to multiply with overflow',
  div: 'attempt to divide with overflow',
  rem: 'attempt to calculate the remainder with overflow',
  neg: 'attempt to negate with overflow',
  shl: 'attempt to shift left with overflow',
  shr: 'attempt to shift right with overflow',
  divZero: 'attempt to divide by zero',
  remZero: 'attempt to calculate the remainder with a divisor of zero',
  isqrtNegative: 'argument of integer square root cannot be negative',
  ilogNonPositive: 'argument of integer logarithm must be positive',
  ilogBase: 'base of integer logarithm must be at least 2',
  clampBounds: 'assertion failed: min <= max',
  /** The message carries the bounds; see floatClamp. */
  floatClamp: 'min > max, or either was NaN',
} as const;

export type NumPanicKind = keyof typeof PANIC_MESSAGES;

/** A Rust panic from integer arithmetic; `message` is Rust's panic message, byte for byte. */
export class NumPanic extends Error {
  readonly kind: NumPanicKind;
  constructor(kind: NumPanicKind, message: string = PANIC_MESSAGES[kind]) {
    super(message);
    this.name = 'NumPanic';
    this.kind = kind;
  }
}

export function numPanic(kind: NumPanicKind): NumPanic {
  return new NumPanic(kind);
}
