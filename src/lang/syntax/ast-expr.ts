/** Expressions of the syntax tree (see ast.ts for the conventions). */
import type { Attribute, GenericArg, Path, Span, Type } from './ast-types.ts';
import type { Block } from './ast-items.ts';
import type { MacroExpr } from './ast-macro.ts';
import type { Pattern } from './ast-pattern.ts';

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | Literal
  | PathExpr
  | UnaryExpr
  | RefExpr
  | BinaryExpr
  | AssignExpr
  | CompoundAssignExpr
  | CastExpr
  | CallExpr
  | MethodCallExpr
  | FieldExpr
  | TupleIndexExpr
  | IndexExpr
  | RangeExpr
  | TryExpr
  | AwaitExpr
  | BlockExpr
  | UnsafeExpr
  | AsyncBlockExpr
  | IfExpr
  | LetExpr
  | WhileExpr
  | LoopExpr
  | ForExpr
  | MatchExpr
  | ClosureExpr
  | BreakExpr
  | ContinueExpr
  | ReturnExpr
  | TupleExpr
  | ParenExpr
  | ArrayExpr
  | ArrayRepeatExpr
  | StructExpr
  | MacroExpr;

export interface ExprBase {
  span: Span;
  /** Outer attributes written directly on the expression (rare; statements carry their own). */
  attrs?: Attribute[];
}

export type Literal = IntLit | FloatLit | StrLit | ByteStrLit | CharLit | ByteLit | BoolLit;

/** `42`, `1_000`, `0xff`, `100u64`. `value` is exact; `text` is the source spelling. */
export interface IntLit extends ExprBase {
  kind: 'IntLit';
  value: bigint;
  /** `u64`, `i32`, `usize`, …; null when unsuffixed. */
  suffix: string | null;
  text: string;
}
/** `1.5`, `1e3`, `2.0f64`. */
export interface FloatLit extends ExprBase {
  kind: 'FloatLit';
  value: number;
  suffix: string | null;
  text: string;
}
/** A string with its escapes resolved. `raw` is the number of `#` of a raw string, or -1. */
export interface StrLit extends ExprBase {
  kind: 'StrLit';
  value: string;
  raw: number;
  text: string;
}
/** `b"…"`: the bytes (escapes resolved). */
export interface ByteStrLit extends ExprBase {
  kind: 'ByteStrLit';
  value: number[];
  text: string;
}
/** `'a'`, `'\n'`, `'\u{1F600}'`: `value` is the one character (possibly a surrogate pair). */
export interface CharLit extends ExprBase {
  kind: 'CharLit';
  value: string;
  text: string;
}
/** `b'a'` */
export interface ByteLit extends ExprBase {
  kind: 'ByteLit';
  value: number;
  text: string;
}
export interface BoolLit extends ExprBase {
  kind: 'BoolLit';
  value: boolean;
}

/** `x`, `Vec::<i32>::new`, `Ordering::SeqCst`, `Self`. */
export interface PathExpr extends ExprBase {
  kind: 'PathExpr';
  path: Path;
}

export type UnaryOp = '-' | '!' | '*';

export interface UnaryExpr extends ExprBase {
  kind: 'Unary';
  op: UnaryOp;
  operand: Expr;
}
/** `&x`, `&mut x` */
export interface RefExpr extends ExprBase {
  kind: 'Ref';
  mutable: boolean;
  operand: Expr;
}

export type BinaryOp =
  '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export interface BinaryExpr extends ExprBase {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  opSpan: Span;
}

export interface AssignExpr extends ExprBase {
  kind: 'Assign';
  target: Expr;
  value: Expr;
}

export type CompoundOp = '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=';

export interface CompoundAssignExpr extends ExprBase {
  kind: 'CompoundAssign';
  op: CompoundOp;
  target: Expr;
  value: Expr;
}

export interface CastExpr extends ExprBase {
  kind: 'Cast';
  expr: Expr;
  type: Type;
}

export interface CallExpr extends ExprBase {
  kind: 'Call';
  callee: Expr;
  args: Expr[];
}

/** `recv.method::<T>(args)` */
export interface MethodCallExpr extends ExprBase {
  kind: 'MethodCall';
  receiver: Expr;
  method: string;
  methodSpan: Span;
  /** `::<…>` generic arguments; null when absent. */
  turbofish: GenericArg[] | null;
  args: Expr[];
}

/** `obj.name` */
export interface FieldExpr extends ExprBase {
  kind: 'Field';
  object: Expr;
  name: string;
  nameSpan: Span;
}
/** `t.0` (and `t.0.1` is two nested TupleIndex nodes). */
export interface TupleIndexExpr extends ExprBase {
  kind: 'TupleIndex';
  object: Expr;
  index: number;
}

export interface IndexExpr extends ExprBase {
  kind: 'Index';
  object: Expr;
  index: Expr;
}

/** `a..b`, `a..=b`, `..`, `a..`, `..b`, `..=b`. */
export interface RangeExpr extends ExprBase {
  kind: 'Range';
  start: Expr | null;
  end: Expr | null;
  inclusive: boolean;
}

/** `expr?` */
export interface TryExpr extends ExprBase {
  kind: 'Try';
  expr: Expr;
}
/** `expr.await` */
export interface AwaitExpr extends ExprBase {
  kind: 'Await';
  expr: Expr;
}

/** `{ … }` or `'label: { … }`. */
export interface BlockExpr extends ExprBase {
  kind: 'BlockExpr';
  label: string | null;
  block: Block;
}
/** `unsafe { … }` (the checker refuses it). */
export interface UnsafeExpr extends ExprBase {
  kind: 'Unsafe';
  block: Block;
}
/** `async { … }`, `async move { … }`. */
export interface AsyncBlockExpr extends ExprBase {
  kind: 'AsyncBlock';
  isMove: boolean;
  block: Block;
}

/**
 * `if cond { … } else …`. For `if let`, `cond` is a `Let` expression; a let-chain is a `&&`
 * Binary whose operands include `Let` nodes (the checker decides which chains are supported).
 */
export interface IfExpr extends ExprBase {
  kind: 'If';
  cond: Expr;
  then: Block;
  /** Another `If` (`else if`) or a `BlockExpr` (`else { … }`); null without else. */
  else: IfExpr | BlockExpr | null;
}

/** `let pat = expr`, only as the condition of `if`/`while` (or inside a let-chain). */
export interface LetExpr extends ExprBase {
  kind: 'Let';
  pat: Pattern;
  expr: Expr;
}

export interface WhileExpr extends ExprBase {
  kind: 'While';
  label: string | null;
  /** A `Let` for `while let`. */
  cond: Expr;
  body: Block;
}
export interface LoopExpr extends ExprBase {
  kind: 'Loop';
  label: string | null;
  body: Block;
}
export interface ForExpr extends ExprBase {
  kind: 'For';
  label: string | null;
  pat: Pattern;
  iter: Expr;
  body: Block;
}

export interface MatchArm {
  kind: 'MatchArm';
  attrs: Attribute[];
  pat: Pattern;
  guard: Expr | null;
  body: Expr;
  span: Span;
}
export interface MatchExpr extends ExprBase {
  kind: 'Match';
  scrutinee: Expr;
  arms: MatchArm[];
}

export interface ClosureParam {
  kind: 'ClosureParam';
  attrs: Attribute[];
  pat: Pattern;
  type: Type | null;
  span: Span;
}
/** `|a, b: i32| expr`, `move || { … }`, `async move |x| …` (async closures: the checker refuses). */
export interface ClosureExpr extends ExprBase {
  kind: 'Closure';
  isMove: boolean;
  isAsync: boolean;
  params: ClosureParam[];
  ret: Type | null;
  body: Expr;
}

/** `break`, `break 'outer`, `break value`, `break 'outer value`. Labels are without the quote. */
export interface BreakExpr extends ExprBase {
  kind: 'Break';
  label: string | null;
  value: Expr | null;
}
export interface ContinueExpr extends ExprBase {
  kind: 'Continue';
  label: string | null;
}
export interface ReturnExpr extends ExprBase {
  kind: 'Return';
  value: Expr | null;
}

/** `()` is a Tuple with no elements; `(x,)` a one-element tuple. */
export interface TupleExpr extends ExprBase {
  kind: 'Tuple';
  elems: Expr[];
}
export interface ParenExpr extends ExprBase {
  kind: 'Paren';
  expr: Expr;
}
export interface ArrayExpr extends ExprBase {
  kind: 'Array';
  elems: Expr[];
}
/** `[value; count]` */
export interface ArrayRepeatExpr extends ExprBase {
  kind: 'ArrayRepeat';
  value: Expr;
  count: Expr;
}

export interface FieldInit {
  kind: 'FieldInit';
  attrs: Attribute[];
  /** A field name, or a tuple index as a string (`S { 0: x }`). */
  name: string;
  value: Expr;
  /** `S { a }` rather than `S { a: a }`. */
  shorthand: boolean;
  span: Span;
}
/** `S { a, b: 1, ..base }`, `E::V { x }`. */
export interface StructExpr extends ExprBase {
  kind: 'StructLit';
  path: Path;
  fields: FieldInit[];
  base: Expr | null;
}
