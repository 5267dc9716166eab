/**
 * Definitions the compiled program runs against: user functions, structs, enums, traits, and the
 * method tables that dispatch `recv.method(…)` by the receiver's runtime type.
 */
import type { Span } from '../syntax/ast.ts';
import type { Ty } from '../types/ty.ts';
import type { TypeFacts } from '../types/facts.ts';

/** The checker's facts, and the compiled user types by name, for behaviour decided by a type. */
export interface TypedEnv {
  readonly facts: TypeFacts;
  adt(name: string): StructDef | EnumDef | undefined;
  /** A user fn item by its full name (`u8::describe`: a trait method impl'd for a std type). */
  fnItem(name: string): FnDef | undefined;
}
import type { IntType } from '../num/int-type.ts';
import type { AsyncLayout } from './async.ts';
import type { Frame } from './frame.ts';
import type { Value } from './values.ts';
import { REnum, STATIC } from './values.ts';

/** A call site: where (for panic locations) and what the compiler knew about integer types. */
export class Site {
  constructor(
    readonly line: number,
    readonly col: number,
    /** The integer type of the receiver / result, when the compiler inferred one. */
    public int: IntCellLike | null = null,
    /** A type named in the source at this site (turbofish, `::<T>`, `let x: T`, cast target). */
    public hint: string | null = null,
  ) {}
  /** The checker's type of the call's result (types/facts.ts), when it knows it. */
  ty: Ty | null = null;
  /** The checker's type of the value converted or consumed (receiver, or sole argument). */
  from: Ty | null = null;
  /** The type arguments a generic user fn is called with (set just before the call). */
  tyArgs: ReadonlyMap<string, Ty> | null = null;
  /** What the checker knows of the program and how to find user types (derived `Default`). */
  typed: TypedEnv | null = null;
  static of(span: Span, int: IntCellLike | null = null): Site {
    return new Site(span.line, span.col, int);
  }
}

/** What a Site needs from an integer type cell (see intcell.ts). */
export interface IntCellLike {
  t: IntType;
}

/** A native function: args[0] is `self` for methods. */
export type NativeFn = (site: Site, args: Value[]) => Value;

export type SelfMode = 'value' | 'ref' | 'refMut' | 'none';

export interface Method {
  readonly name: string;
  readonly selfMode: SelfMode;
  readonly call: NativeFn;
  /** The user function behind it (absent for built-ins). */
  readonly user?: FnDef;
}

export type Code = (f: Frame) => Value;
export type GenCode = (f: Frame) => Generator<undefined, Value, undefined>;

/** A compiled user function or method (async fns produce a future when called). */
export class FnDef {
  nslots = 0;
  /** Binds the argument values to the parameter patterns in a fresh frame. */
  bind: (f: Frame, args: Value[]) => void = () => undefined;
  body: Code | null = null;
  /** For async fns: the generator body and drop orders of the future a call returns. */
  layout: AsyncLayout | null = null;
  /** Slot order for dropping a frame that unwinds or a suspended async frame. */
  dropOrder: number[] = [];
  /** Slots dropped at the end of a normal call (the parameters). */
  paramSlots: number[] = [];
  /** Owner for `Self` inside the body. */
  selfType: string | null = null;
  /** The integer type of the return value, when declared. */
  retInt: IntCellLike | null = null;
  /** `self: Rc<Self>`, `self: &Arc<Self>`…: the method receives the pointer, not the value. */
  selfPtr = false;
  constructor(
    readonly name: string,
    readonly span: Span,
    readonly selfMode: SelfMode,
    readonly isAsync: boolean,
    readonly nparams: number,
  ) {}
}

export type MethodTable = Map<string, Method>;

interface TypeDefBase {
  readonly name: string;
  readonly derives: Set<string>;
  readonly methods: MethodTable;
  /** `impl Drop`. */
  dropFn: FnDef | null;
  /** User `impl fmt::Display` / `impl fmt::Debug`. */
  displayFn: FnDef | null;
  debugFn: FnDef | null;
  /** Traits implemented (by name) — for `dyn Trait` checks and `?` conversions. */
  readonly traits: Set<string>;
}

export class StructDef implements TypeDefBase {
  readonly derives = new Set<string>();
  readonly methods: MethodTable = new Map();
  readonly traits = new Set<string>();
  dropFn: FnDef | null = null;
  displayFn: FnDef | null = null;
  debugFn: FnDef | null = null;
  readonly index = new Map<string, number>();
  constructor(
    readonly name: string,
    /** Field names; tuple structs use "0", "1", …. */
    readonly fields: string[],
    readonly kind: 'named' | 'tuple' | 'unit',
    /** Declared integer types of fields (null when not an integer). */
    readonly fieldInts: (IntType | null)[],
    /** Declared field types' outer names (`u64`, `String`, `Vec`), for `Default`. */
    readonly fieldTypes: string[] = [],
  ) {
    fields.forEach((n, i) => this.index.set(n, i));
  }
  get isCopy(): boolean {
    return this.derives.has('Copy');
  }
}

export class VariantDef {
  readonly index = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly fields: string[],
    readonly kind: 'named' | 'tuple' | 'unit',
    readonly discriminant: number,
    readonly fieldInts: (IntType | null)[],
  ) {
    fields.forEach((n, i) => this.index.set(n, i));
  }
}

const EMPTY: Value[] = Object.freeze([]) as unknown as Value[];

export class EnumDef implements TypeDefBase {
  readonly derives = new Set<string>();
  readonly methods: MethodTable = new Map();
  readonly traits = new Set<string>();
  dropFn: FnDef | null = null;
  displayFn: FnDef | null = null;
  debugFn: FnDef | null = null;
  readonly index = new Map<string, number>();
  /** Shared values of unit variants (enums without drop glue only). */
  readonly units: (REnum | null)[];
  constructor(
    readonly name: string,
    readonly variants: VariantDef[],
  ) {
    variants.forEach((v, i) => this.index.set(v.name, i));
    this.units = variants.map(() => null);
  }
  get isCopy(): boolean {
    return this.derives.has('Copy');
  }
  /** The value of unit variant `v`. */
  unit(v: number): REnum {
    if (this.dropFn) return new REnum(this, v, EMPTY);
    let u = this.units[v];
    if (!u) {
      u = new REnum(this, v, EMPTY);
      u.o = STATIC;
      this.units[v] = u;
    }
    return u;
  }
}

export function variant(def: EnumDef, name: string): number {
  const i = def.index.get(name);
  if (i === undefined) throw new Error(`no variant ${def.name}::${name}`);
  return i;
}

export class TraitDef {
  /** Default method bodies. */
  readonly defaults = new Map<string, FnDef>();
  /** Every method name the trait declares. */
  readonly names = new Set<string>();
  constructor(readonly name: string) {}
}

export type TypeDef = StructDef | EnumDef;
