/**
 * The parsed shape of a Rust format string (`std::fmt` grammar):
 *
 *   format_spec := [[fill]align][sign]['#']['0'][width]['.' precision]type
 *   count       := integer | integer '$' | identifier '$'      precision may also be '*'
 *   type        := '' | '?' | 'x?' | 'X?' | 'x' | 'X' | 'o' | 'b' | 'e' | 'E' | 'p'
 *
 * Offsets are UTF-16 indices into the format string as the caller passed it (after the caller
 * unescaped the string literal), so the caller can map them to `file:line:col`.
 */

export type FormatTrait =
  'Display' | 'Debug' | 'LowerHex' | 'UpperHex' | 'Octal' | 'Binary' | 'LowerExp' | 'UpperExp' | 'Pointer';

export type Alignment = 'left' | 'right' | 'center';

/** Where a placeholder takes its value from, before binding to the actual arguments. */
export type ArgRef =
  | { readonly kind: 'next' }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'name'; readonly name: string };

/** Width or precision as written. `star` (precision only) takes the next positional argument. */
export type Count =
  | { readonly kind: 'implied' }
  | { readonly kind: 'literal'; readonly value: number }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'star' };

export interface Placeholder {
  readonly kind: 'placeholder';
  readonly arg: ArgRef;
  readonly trait: FormatTrait;
  /** One Unicode scalar value; ' ' unless given. */
  readonly fill: string;
  readonly align: Alignment | undefined;
  readonly signPlus: boolean;
  readonly signMinus: boolean;
  readonly alternate: boolean;
  readonly zeroPad: boolean;
  /** `{:x?}` / `{:X?}`: Debug with integers in hex. */
  readonly debugHex: 'lower' | 'upper' | undefined;
  readonly width: Count;
  readonly precision: Count;
  /** Offsets of `{` and just past `}`. */
  readonly start: number;
  readonly end: number;
}

export interface Literal {
  readonly kind: 'literal';
  readonly text: string;
}

export type Piece = Literal | Placeholder;

export interface FormatTemplate {
  readonly source: string;
  readonly pieces: readonly Piece[];
}

/** A compile-time error in a format string or its arguments, as rustc words it. */
export interface FormatError {
  readonly message: string;
  /** Offsets into the format string; start === end for a point. */
  readonly start: number;
  readonly end: number;
  /** rustc's label under the caret, e.g. "expected `}` in format string". */
  readonly label?: string;
  readonly note?: string;
}

export type FormatResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FormatError };
