/**
 * The syntax tree of the Rust subset Task Lab reads (design.md §5). The parser builds it, the
 * checker refuses what the interpreter cannot run, the interpreter runs it, the printer prints it.
 *
 * Conventions other modules rely on:
 * - Every node has `kind` (the discriminant) and `span`. Spans are 1-based; `endLine`/`endCol` point
 *   just past the last character (exclusive); `start`/`end` are UTF-16 offsets into the source.
 *   Columns count UTF-16 code units, so they index the source line string directly.
 * - The tree only grows additively: new optional fields or new kinds, never renamed ones.
 * - Parentheses are kept (`Paren`, `ParenPat`, `ParenType`) so printing reproduces the grouping.
 * - A single identifier in a pattern is an `IdentPat`, even when it names a unit variant or a
 *   constant (`None`, `MAX`): as in rustc, the interpreter resolves it (binding vs. path).
 * - Macros the subset knows are parsed into structured nodes (`FormatMacro`, `SelectMacro`, …);
 *   `path` keeps the path as written (`tokio::select`), `name` its last segment (`select`).
 */

export type * from './ast-types.ts';
export type * from './ast-items.ts';
export type * from './ast-expr.ts';
export type * from './ast-macro.ts';
export type * from './ast-pattern.ts';
import type { Attribute, Path, Type } from './ast-types.ts';
import type { Block, Item, NamedField, Param, Program, Stmt, TupleField, Variant } from './ast-items.ts';
import type { ClosureParam, Expr, FieldInit, MatchArm } from './ast-expr.ts';
import type { SelectBranch } from './ast-macro.ts';
import type { FieldPat, Pattern } from './ast-pattern.ts';

/** Any node that carries a span (for diagnostics). */
export type Node =
  | Program
  | Item
  | Stmt
  | Expr
  | Pattern
  | Type
  | Block
  | Attribute
  | Path
  | MatchArm
  | SelectBranch
  | Variant
  | NamedField
  | TupleField
  | Param
  | ClosureParam
  | FieldInit
  | FieldPat;
