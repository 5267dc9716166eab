/** Patterns of the syntax tree (see ast.ts for the conventions). */
import type { Attribute, Path, Span } from './ast-types.ts';
import type { Literal } from './ast-expr.ts';

// ---------------------------------------------------------------------------------------------
// Patterns

export type Pattern =
  | WildPat
  | RestPat
  | IdentPat
  | LitPat
  | RangePat
  | PathPat
  | TuplePat
  | TupleStructPat
  | StructPat
  | RefPat
  | SlicePat
  | OrPat
  | ParenPat;

/** `_` */
export interface WildPat {
  kind: 'WildPat';
  span: Span;
}
/** `..` inside tuple, tuple-struct and slice patterns. */
export interface RestPat {
  kind: 'RestPat';
  span: Span;
}
/** `x`, `mut x`, `ref x`, `ref mut x`, `x @ 1..=3`, `rest @ ..`. */
export interface IdentPat {
  kind: 'IdentPat';
  name: string;
  byRef: boolean;
  mutable: boolean;
  sub: Pattern | null;
  span: Span;
}
/** A literal pattern; `negative` for `-1`, `-2.5`. */
export interface LitPat {
  kind: 'LitPat';
  lit: Literal;
  negative: boolean;
  span: Span;
}
/** An endpoint of a range pattern. */
export type RangePatEnd = LitPat | PathPat;
/** `1..=5`, `'a'..='z'`, `0..10`, `5..`, `..=9`. */
export interface RangePat {
  kind: 'RangePat';
  start: RangePatEnd | null;
  end: RangePatEnd | null;
  inclusive: boolean;
  span: Span;
}
/**
 * `E::A`, `Self::B`, `i32::MAX`: a path of two or more segments or with generics. A lone
 * identifier is an IdentPat, except as a range endpoint (`0..=MAX`), where it is a PathPat.
 */
export interface PathPat {
  kind: 'PathPat';
  path: Path;
  span: Span;
}
export interface TuplePat {
  kind: 'TuplePat';
  elems: Pattern[];
  span: Span;
}
/** `Some(x)`, `E::V(a, ..)` */
export interface TupleStructPat {
  kind: 'TupleStructPat';
  path: Path;
  elems: Pattern[];
  span: Span;
}
export interface FieldPat {
  kind: 'FieldPat';
  attrs: Attribute[];
  /** A field name, or a tuple index as a string. */
  name: string;
  pat: Pattern;
  /** `S { x }` / `S { ref mut x }`: the pattern is an IdentPat named like the field. */
  shorthand: boolean;
  span: Span;
}
/** `S { x, y: 0, .. }` */
export interface StructPat {
  kind: 'StructPat';
  path: Path;
  fields: FieldPat[];
  rest: boolean;
  span: Span;
}
/** `&pat`, `&mut pat` */
export interface RefPat {
  kind: 'RefPat';
  mutable: boolean;
  pat: Pattern;
  span: Span;
}
/** `[a, b, rest @ ..]` */
export interface SlicePat {
  kind: 'SlicePat';
  elems: Pattern[];
  span: Span;
}
/** `a | b | c` */
export interface OrPat {
  kind: 'OrPat';
  alts: Pattern[];
  span: Span;
}
export interface ParenPat {
  kind: 'ParenPat';
  pat: Pattern;
  span: Span;
}
