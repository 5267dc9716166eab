/** The macros the subset supports, parsed into structure (see ast.ts for the conventions). */
import type { Path, Span } from './ast-types.ts';
import type { LetStmt } from './ast-items.ts';
import type { Expr, ExprBase, StrLit } from './ast-expr.ts';
import type { Pattern } from './ast-pattern.ts';

// ---------------------------------------------------------------------------------------------
// Macros the subset supports, parsed into structure

export type MacroExpr =
  FormatMacro | AssertMacro | AssertCmpMacro | VecMacro | MatchesMacro | DbgMacro | SelectMacro | JoinMacro | PinMacro;

interface MacroBase extends ExprBase {
  /** The path as written: `println`, `std::println`, `tokio::select`. */
  path: Path;
  /** Its last segment, without `!`. */
  name: string;
  delim: '(' | '[' | '{';
}

/** An argument after the format string: positional (`name` null) or named (`name = expr`). */
export interface FormatArg {
  kind: 'FormatArg';
  name: string | null;
  value: Expr;
  span: Span;
}

/**
 * `println! print! eprintln! eprint! format! panic! unreachable! todo! unimplemented!` and
 * `write!`/`writeln!` (which have `target`). `format` is null when the macro has no arguments
 * (`println!()`, `panic!()`, `todo!()`). The format string's `{…}` pieces are not parsed here.
 */
export interface FormatMacro extends MacroBase {
  kind: 'FormatMacro';
  target: Expr | null;
  format: StrLit | null;
  args: FormatArg[];
}

/** `assert!(cond)`, `assert!(cond, "fmt", args…)`; also `debug_assert!`. */
export interface AssertMacro extends MacroBase {
  kind: 'AssertMacro';
  cond: Expr;
  format: StrLit | null;
  args: FormatArg[];
}

/** `assert_eq!` / `assert_ne!` (and `debug_` forms): `op` says which. */
export interface AssertCmpMacro extends MacroBase {
  kind: 'AssertCmpMacro';
  op: 'eq' | 'ne';
  left: Expr;
  right: Expr;
  format: StrLit | null;
  args: FormatArg[];
}

/** `vec![a, b, c]` (`repeat` null) or `vec![value; count]` (`elems` empty, `repeat` set). */
export interface VecMacro extends MacroBase {
  kind: 'VecMacro';
  elems: Expr[];
  repeat: { value: Expr; count: Expr } | null;
}

/** `matches!(expr, pat)` / `matches!(expr, pat if guard)` */
export interface MatchesMacro extends MacroBase {
  kind: 'MatchesMacro';
  expr: Expr;
  pat: Pattern;
  guard: Expr | null;
}

/** `dbg!(a, b)` */
export interface DbgMacro extends MacroBase {
  kind: 'DbgMacro';
  args: Expr[];
}

/** One `pattern = future (, if cond)? => handler` branch of `tokio::select!`. */
export interface SelectBranch {
  kind: 'SelectBranch';
  pat: Pattern;
  future: Expr;
  guard: Expr | null;
  /** A `BlockExpr` when written as a block, else the handler expression. */
  handler: Expr;
  span: Span;
}

/** `tokio::select! { biased; branches… else => expr }` (tokio-facts §12). */
export interface SelectMacro extends MacroBase {
  kind: 'SelectMacro';
  biased: boolean;
  branches: SelectBranch[];
  elseBranch: Expr | null;
}

/** `tokio::join!(a, b)` (`isTry` false) or `tokio::try_join!(a, b)` (`isTry` true). */
export interface JoinMacro extends MacroBase {
  kind: 'JoinMacro';
  isTry: boolean;
  biased: boolean;
  futures: Expr[];
}

/**
 * `tokio::pin!(a, b)` pins existing locals (`names`); `tokio::pin! { let x = fut; }` declares
 * and pins (`lets`). Statement-level.
 */
export interface PinMacro extends MacroBase {
  kind: 'PinMacro';
  names: { name: string; span: Span }[];
  lets: LetStmt[];
  /** `std::pin::pin!(expr)`: an expression that pins its value (names and lets are empty). */
  expr?: Expr;
}
