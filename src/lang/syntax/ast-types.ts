/** Spans, attributes, paths, generics and types of the syntax tree (see ast.ts for the conventions). */
import type { Expr, Literal } from './ast-expr.ts';

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Attributes

/** `#[path]`, `#[path = lit]`, `#[path(items…)]`; `inner` for `#![…]`. */
export interface Attribute {
  kind: 'Attribute';
  inner: boolean;
  meta: Meta;
  span: Span;
}

export type Meta = MetaPath | MetaNameValue | MetaList | MetaLit;

/** `Debug`, `test`, `tokio::main`. */
export interface MetaPath {
  kind: 'MetaPath';
  path: string;
  span: Span;
}
/** `flavor = "current_thread"`, `worker_threads = 2`. */
export interface MetaNameValue {
  kind: 'MetaNameValue';
  path: string;
  value: Literal;
  span: Span;
}
/** `derive(Debug, Clone)`, `tokio::main(flavor = "current_thread")`, `allow(dead_code)`. */
export interface MetaList {
  kind: 'MetaList';
  path: string;
  items: Meta[];
  span: Span;
}
/** A bare literal inside a list, e.g. `#[doc("x")]`. */
export interface MetaLit {
  kind: 'MetaLit';
  value: Literal;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Paths and generics

export interface Path {
  kind: 'Path';
  /** True for a leading `::` (`::std::mem::drop`). */
  global: boolean;
  segments: PathSegment[];
  /** `<T as Trait>::name`: the qualified self type (and trait) in front of `segments`. */
  qself?: QualifiedSelf;
  span: Span;
}

export interface QualifiedSelf {
  type: Type;
  trait: Path | null;
}

export interface PathSegment {
  kind: 'PathSegment';
  /** An identifier, or `self`, `Self`, `super`, `crate`. */
  name: string;
  /** `<…>` (or turbofish `::<…>` in expressions), or `Fn(A, B) -> C` sugar; null when absent. */
  args: GenericArgs | null;
  span: Span;
}

export type GenericArgs = AngleArgs | ParenArgs;

export interface AngleArgs {
  kind: 'AngleArgs';
  /** True when written with `::<` (turbofish). */
  turbofish: boolean;
  args: GenericArg[];
  span: Span;
}
/** `Fn(i32, &str) -> bool`, `FnMut()`. */
export interface ParenArgs {
  kind: 'ParenArgs';
  inputs: Type[];
  output: Type | null;
  span: Span;
}

export type GenericArg = TypeArg | LifetimeArg | ConstArg | AssocTypeArg;

export interface TypeArg {
  kind: 'TypeArg';
  type: Type;
  span: Span;
}
export interface LifetimeArg {
  kind: 'LifetimeArg';
  /** Without the quote: `'static` → `static`. */
  name: string;
  span: Span;
}
/** A const generic argument: a literal or a `{ block }`. */
export interface ConstArg {
  kind: 'ConstArg';
  value: Expr;
  span: Span;
}
/** `Item = u32` (binding) or `Item: Send` (bound) inside `<…>`. */
export interface AssocTypeArg {
  kind: 'AssocTypeArg';
  name: string;
  type: Type | null;
  bounds: TypeBound[];
  span: Span;
}

export interface Generics {
  params: GenericParam[];
  where: WherePredicate[];
}

export type GenericParam = LifetimeParam | TypeParam | ConstParam;

export interface LifetimeParam {
  kind: 'LifetimeParam';
  name: string;
  bounds: string[];
  span: Span;
}
export interface TypeParam {
  kind: 'TypeParam';
  name: string;
  bounds: TypeBound[];
  default: Type | null;
  span: Span;
}
export interface ConstParam {
  kind: 'ConstParam';
  name: string;
  type: Type;
  default: Expr | null;
  span: Span;
}

export type WherePredicate = BoundPredicate | LifetimePredicate;

export interface BoundPredicate {
  kind: 'BoundPredicate';
  /** `for<'a>` lifetimes, without quotes. */
  forLifetimes: string[];
  type: Type;
  bounds: TypeBound[];
  span: Span;
}
export interface LifetimePredicate {
  kind: 'LifetimePredicate';
  name: string;
  bounds: string[];
  span: Span;
}

export type TypeBound = TraitBound | LifetimeBound;

export interface TraitBound {
  kind: 'TraitBound';
  /** `?Sized` */
  maybe: boolean;
  forLifetimes: string[];
  path: Path;
  /** True when written in parentheses: `(dyn Fn() + Send)` bound lists keep their grouping. */
  parenthesized: boolean;
  span: Span;
}
export interface LifetimeBound {
  kind: 'LifetimeBound';
  name: string;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Types (parsed and kept loosely: the interpreter is dynamically typed)

export type Type =
  | PathType
  | RefType
  | PtrType
  | TupleType
  | ArrayType
  | SliceType
  | ImplTraitType
  | DynTraitType
  | FnPtrType
  | NeverType
  | InferType
  | ParenType;

export interface PathType {
  kind: 'PathType';
  path: Path;
  span: Span;
}
/** `&'a mut T` */
export interface RefType {
  kind: 'RefType';
  lifetime: string | null;
  mutable: boolean;
  inner: Type;
  span: Span;
}
/** `*const T` / `*mut T` (the checker refuses raw pointers). */
export interface PtrType {
  kind: 'PtrType';
  mutable: boolean;
  inner: Type;
  span: Span;
}
/** `()` is a TupleType with no elements. */
export interface TupleType {
  kind: 'TupleType';
  elems: Type[];
  span: Span;
}
export interface ArrayType {
  kind: 'ArrayType';
  elem: Type;
  len: Expr;
  span: Span;
}
export interface SliceType {
  kind: 'SliceType';
  elem: Type;
  span: Span;
}
export interface ImplTraitType {
  kind: 'ImplTraitType';
  bounds: TypeBound[];
  span: Span;
}
/** `dyn Fn(i32) -> i32 + Send + 'static` */
export interface DynTraitType {
  kind: 'DynTraitType';
  bounds: TypeBound[];
  span: Span;
}
/** `fn(i32) -> i32`, `unsafe extern "C" fn()`. */
export interface FnPtrType {
  kind: 'FnPtrType';
  isUnsafe: boolean;
  abi: string | null;
  inputs: Type[];
  output: Type | null;
  span: Span;
}
export interface NeverType {
  kind: 'NeverType';
  span: Span;
}
/** `_` */
export interface InferType {
  kind: 'InferType';
  span: Span;
}
export interface ParenType {
  kind: 'ParenType';
  inner: Type;
  span: Span;
}
