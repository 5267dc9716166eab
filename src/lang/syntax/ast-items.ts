/** Programs, items, blocks and statements of the syntax tree (see ast.ts for the conventions). */
import type { Attribute, Generics, Path, Span, Type, TypeBound } from './ast-types.ts';
import type { Expr } from './ast-expr.ts';
import type { MacroExpr } from './ast-macro.ts';
import type { Pattern } from './ast-pattern.ts';

// ---------------------------------------------------------------------------------------------
// Program and items

export interface Program {
  kind: 'Program';
  file: string;
  /** `#![…]` at the top of the file. */
  attrs: Attribute[];
  items: Item[];
  span: Span;
}

/** `pub`, `pub(crate)`, `pub(super)`, `pub(in a::b)`; null on items without a visibility. */
export interface Visibility {
  kind: 'Visibility';
  /** null for plain `pub`; otherwise `crate`, `super`, `self` or `in a::b`. */
  restriction: string | null;
  span: Span;
}

export type Item =
  | UseItem
  | ExternCrateItem
  | FnItem
  | ConstItem
  | StaticItem
  | StructItem
  | EnumItem
  | ImplItem
  | TraitItem
  | TypeAliasItem
  | ModItem
  | MacroRulesItem
  | MacroItem;

interface ItemBase {
  attrs: Attribute[];
  vis: Visibility | null;
  span: Span;
}

export interface UseItem extends ItemBase {
  kind: 'Use';
  /** True for a leading `::`. */
  global: boolean;
  tree: UseTree;
}

/** `a::b::{c, d as e, f::*, self}`. */
export type UseTree = UsePath | UseName | UseGlob | UseGroup;

export interface UsePath {
  kind: 'UsePath';
  name: string;
  rest: UseTree;
  span: Span;
}
export interface UseName {
  kind: 'UseName';
  name: string;
  /** `as alias`; `_` for `use Trait as _`. */
  alias: string | null;
  span: Span;
}
export interface UseGlob {
  kind: 'UseGlob';
  span: Span;
}
export interface UseGroup {
  kind: 'UseGroup';
  items: UseTree[];
  span: Span;
}

export interface ExternCrateItem extends ItemBase {
  kind: 'ExternCrate';
  name: string;
  alias: string | null;
}

/** `self`, `mut self`, `&self`, `&'a mut self`, `self: Box<Self>`. */
export interface SelfParam {
  kind: 'SelfParam';
  /** 'value' for `self`/`mut self`/`self: T`; 'ref' for `&self`; 'refMut' for `&mut self`. */
  mode: 'value' | 'ref' | 'refMut';
  /** `mut self` */
  mutable: boolean;
  lifetime: string | null;
  /** `self: Type` */
  type: Type | null;
  span: Span;
}

export interface Param {
  kind: 'Param';
  attrs: Attribute[];
  pat: Pattern;
  type: Type;
  span: Span;
}

export interface FnItem extends ItemBase {
  kind: 'Fn';
  name: string;
  nameSpan: Span;
  isAsync: boolean;
  isConst: boolean;
  isUnsafe: boolean;
  /** `extern "C"` → `C`; `extern` alone → empty string; null when absent. */
  abi: string | null;
  generics: Generics;
  selfParam: SelfParam | null;
  params: Param[];
  /** null for `-> ()` omitted. */
  ret: Type | null;
  /** null for a trait method without a default body (`fn f(&self);`). */
  body: Block | null;
}

export interface ConstItem extends ItemBase {
  kind: 'Const';
  /** `_` for `const _: () = …`. */
  name: string;
  nameSpan: Span;
  type: Type | null;
  /** null in a trait (`const N: usize;`). */
  value: Expr | null;
}

export interface StaticItem extends ItemBase {
  kind: 'Static';
  name: string;
  nameSpan: Span;
  mutable: boolean;
  type: Type;
  value: Expr | null;
  /** Declared in `thread_local!`: `type` is the `T` of its `LocalKey<T>`. */
  threadLocal?: boolean;
}

export type StructFields = NamedFields | TupleFields | UnitFields;

export interface NamedFields {
  kind: 'NamedFields';
  fields: NamedField[];
}
export interface TupleFields {
  kind: 'TupleFields';
  fields: TupleField[];
}
export interface UnitFields {
  kind: 'UnitFields';
}

export interface NamedField {
  kind: 'NamedField';
  attrs: Attribute[];
  vis: Visibility | null;
  name: string;
  type: Type;
  span: Span;
}
export interface TupleField {
  kind: 'TupleField';
  attrs: Attribute[];
  vis: Visibility | null;
  type: Type;
  span: Span;
}

export interface StructItem extends ItemBase {
  kind: 'Struct';
  name: string;
  nameSpan: Span;
  generics: Generics;
  fields: StructFields;
}

export interface Variant {
  kind: 'Variant';
  attrs: Attribute[];
  name: string;
  fields: StructFields;
  /** `A = 3` */
  discriminant: Expr | null;
  span: Span;
}

export interface EnumItem extends ItemBase {
  kind: 'Enum';
  name: string;
  nameSpan: Span;
  generics: Generics;
  variants: Variant[];
}

/** What may appear inside `impl` and `trait` blocks. */
export type AssocItem = FnItem | ConstItem | TypeAliasItem | MacroItem;

export interface ImplItem extends ItemBase {
  kind: 'Impl';
  isUnsafe: boolean;
  generics: Generics;
  /** `impl Trait for Type`; null for an inherent impl. */
  trait: Path | null;
  /** `impl !Send for T` */
  negative: boolean;
  selfType: Type;
  items: AssocItem[];
}

export interface TraitItem extends ItemBase {
  kind: 'Trait';
  isUnsafe: boolean;
  isAuto: boolean;
  name: string;
  nameSpan: Span;
  generics: Generics;
  supertraits: TypeBound[];
  items: AssocItem[];
}

export interface TypeAliasItem extends ItemBase {
  kind: 'TypeAlias';
  name: string;
  nameSpan: Span;
  generics: Generics;
  /** Bounds of an associated type in a trait (`type Item: Clone;`). */
  bounds: TypeBound[];
  /** null for an associated type declaration without a default. */
  type: Type | null;
}

export interface ModItem extends ItemBase {
  kind: 'Mod';
  name: string;
  nameSpan: Span;
  /** null for `mod name;` (an out-of-line module, which the checker refuses). */
  items: Item[] | null;
  /** `#![…]` inside the module body. */
  innerAttrs: Attribute[];
}

/** `macro_rules! name { … }`: expanded by the parser where it is called; `body` is its rules' text. */
export interface MacroRulesItem extends ItemBase {
  kind: 'MacroRules';
  name: string;
  nameSpan: Span;
  body: string;
}

/** A supported macro used in item position (rare; e.g. `tokio::pin!` is statement-level only). */
export interface MacroItem extends ItemBase {
  kind: 'MacroItem';
  mac: MacroExpr;
}

// ---------------------------------------------------------------------------------------------
// Blocks and statements

export interface Block {
  kind: 'Block';
  stmts: Stmt[];
  /** The final expression without a semicolon: the block's value. */
  tail: Expr | null;
  span: Span;
}

export type Stmt = LetStmt | ExprStmt | ItemStmt;

/** `let pat: Type = init else { … };` */
export interface LetStmt {
  kind: 'LetStmt';
  attrs: Attribute[];
  pat: Pattern;
  type: Type | null;
  init: Expr | null;
  /** The diverging block of `let … else`. */
  elseBlock: Block | null;
  span: Span;
}

/**
 * An expression used as a statement. `semi` is false only for block-like expressions (`if`,
 * `match`, loops, blocks, brace-delimited macros) that end without a semicolon mid-block.
 */
export interface ExprStmt {
  kind: 'ExprStmt';
  attrs: Attribute[];
  expr: Expr;
  semi: boolean;
  span: Span;
}

export interface ItemStmt {
  kind: 'ItemStmt';
  item: Item;
  span: Span;
}
