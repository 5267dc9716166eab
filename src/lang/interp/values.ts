/**
 * The interpreter's runtime values. Hot values stay unboxed so arithmetic never allocates:
 * integers are JS numbers (bigint past 2^53, see num/int-type.ts), `bool` is a boolean, `()` is
 * `undefined`, and both `String` and `&str` are JS strings (immutable, so a `String` mutated in
 * place is written back to its place; see compile/method.ts). Everything else is an object.
 *
 * Ownership is dynamic (compile/README in owner.ts): every object that can own something with drop
 * glue extends `Owned` and records its owner — the container array holding it (a frame's slots, a
 * struct's fields, a Vec's items) and the index there — or `null` while it is "in flight" (a fresh
 * rvalue or a value just moved out of its place). A place drops a value only if it still owns it.
 */
import type { EnumDef, StructDef } from './defs.ts';

/** Any runtime value. Objects are the classes below or simulator wrappers (tokio/). */
export type Value = number | bigint | boolean | string | undefined | object | symbol;

/** Owner token of a dropped value: no place owns it any more, and it is never dropped again. */
export const DROPPED: object = Object.freeze({ dropped: true });
/** Owner token of shared immortal values (unit variants, `None`): never claimed, never dropped. */
export const STATIC: object = Object.freeze({ static: true });

export abstract class Owned {
  // Assigned in the constructor, not as field initialisers: V8 runs initialisers as a separate
  // function per construction (6% of joinset_sleep_100k's time, every value is Owned).
  /** The container that owns this value, `null` while in flight, or DROPPED / STATIC. */
  declare o: object | null;
  /** The index in the owner (frames and fields check it; growable containers ignore it). */
  declare oi: number;
  constructor() {
    this.o = null;
    this.oi = 0;
  }
  /** Drops what this value owns (runs `Drop::drop` first for user types). Called once. */
  abstract dropGlue(): void;
}

/** A struct value: named or tuple struct; fields in declaration order. */
export class RStruct extends Owned {
  constructor(
    readonly def: StructDef,
    public f: Value[],
  ) {
    super();
  }
  dropGlue(): void {
    dropHooks.dropStruct(this);
  }
}

/** An enum value (user enums and the built-in Option / Result / Ordering). */
export class REnum extends Owned {
  constructor(
    readonly def: EnumDef,
    public v: number,
    public f: Value[],
  ) {
    super();
  }
  dropGlue(): void {
    dropHooks.dropEnum(this);
  }
}

export class RTuple extends Owned {
  constructor(public f: Value[]) {
    super();
  }
  dropGlue(): void {
    dropHooks.dropItems(this.f, this.f);
  }
}

/** `Vec<T>`, `[T; N]`, and slices (a slice value is a copy of the viewed items). */
export class RVec extends Owned {
  constructor(
    public a: Value[],
    readonly array = false,
  ) {
    super();
  }
  dropGlue(): void {
    dropHooks.dropItems(this.a, this.a);
  }
}

/** `VecDeque<T>` (an array; front operations are O(n), fine at lesson sizes). */
export class RDeque extends Owned {
  constructor(public a: Value[]) {
    super();
  }
  dropGlue(): void {
    dropHooks.dropItems(this.a, this.a);
  }
}

/** `BinaryHeap<T>`: its backing array in std's heap order (so `iter()` and `{:?}` match std). */
export class RHeap extends Owned {
  constructor(public a: Value[]) {
    super();
  }
  dropGlue(): void {
    dropHooks.dropItems(this.a, this.a);
  }
}

/** Key of a map entry: primitives stand for themselves, composites get a canonical string. */
export type MapKey = number | bigint | boolean | string | undefined;

export interface MapEntry {
  k: Value;
  v: Value;
}

/** `HashMap` / `BTreeMap` (sorted when iterated) / `HashSet` / `BTreeSet` (`set`: values unused). */
export class RMap extends Owned {
  readonly m = new Map<MapKey, MapEntry>();
  constructor(
    readonly sorted: boolean,
    readonly set: boolean,
  ) {
    super();
  }
  /** The items array used as the owner token of keys and values. */
  readonly items: Value[] = [];
  dropGlue(): void {
    for (const e of this.m.values()) {
      dropHooks.dropChild(e.k, this.items);
      dropHooks.dropChild(e.v, this.items);
    }
  }
}

/** A Rust `char` (one code point). Copy. */
export class RChar {
  constructor(readonly c: string) {}
}

/** An `f64` / `f32`. Boxed so Display/Debug can tell `1.0` from `1`. Copy. */
export class RFloat {
  constructor(
    readonly v: number,
    readonly f32 = false,
  ) {}
}

/** A place reference (`&mut x`, `iter_mut` items, `&mut self`). Reading goes through `get`. */
export abstract class RefBase extends Owned {
  abstract get(): Value;
  abstract set(v: Value): void;
}

/** `&mut` to slot `k` of a container array (frame slots, fields, Vec items). */
export class MutRef extends RefBase {
  constructor(
    readonly c: Value[],
    readonly k: number,
  ) {
    super();
    this.o = STATIC;
  }
  get(): Value {
    return this.c[this.k];
  }
  set(v: Value): void {
    this.c[this.k] = v;
  }
  dropGlue(): void {}
}

/** `&mut` to a map value (`get_mut`, `entry().or_insert()`, `iter_mut`). */
export class MapRef extends RefBase {
  constructor(readonly e: MapEntry) {
    super();
    this.o = STATIC;
  }
  get(): Value {
    return this.e.v;
  }
  set(v: Value): void {
    this.e.v = v;
  }
  dropGlue(): void {}
}

/** Follows references (and guards) down to the referenced value. */
export function deref(v: Value): Value {
  while (v instanceof RefBase) v = v.get();
  return v;
}

/** Drop behaviour the value classes delegate to (installed by owner.ts; avoids an import cycle). */
export interface DropHooks {
  dropStruct(s: RStruct): void;
  dropEnum(e: REnum): void;
  dropItems(items: Value[], owner: object): void;
  dropChild(v: Value, owner: object): void;
}

export const dropHooks: DropHooks = {
  dropStruct: () => undefined,
  dropEnum: () => undefined,
  dropItems: () => undefined,
  dropChild: () => undefined,
};

export function installDropHooks(h: DropHooks): void {
  Object.assign(dropHooks, h);
}

const charCache: RChar[] = [];
for (let i = 0; i < 128; i++) charCache.push(new RChar(String.fromCharCode(i)));

export function mkChar(c: string): RChar {
  if (c.length === 1) {
    const n = c.charCodeAt(0);
    if (n < 128) return charCache[n];
  }
  return new RChar(c);
}

export function isOwned(v: Value): v is Owned {
  return v instanceof Owned;
}

/** A value as text where Rust has a `&str` / `String` / number (lengths, messages, keys). */
export function text(v0: Value): string {
  const v = deref(v0);
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(v);
    default:
      return v instanceof RChar ? v.c : '';
  }
}
