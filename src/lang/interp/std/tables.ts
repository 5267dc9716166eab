/**
 * Method dispatch by runtime type: each built-in value class has a method table; user structs and
 * enums carry theirs in their definition. `findMethod` auto-derefs through references, smart
 * pointers and guards like Rust's method lookup. User trait impls for built-in types (e.g.
 * `impl Describe for i32`) live in per-program extension tables.
 */
import { guardNative } from '../type-fault.ts';
import type { Method, MethodTable, NativeFn, SelfMode } from '../defs.ts';
import { RChar, REnum, RefBase, RFloat, RStruct, type Value } from '../values.ts';

export const INT_METHODS: MethodTable = new Map();
export const FLOAT_METHODS: MethodTable = new Map();
export const STR_METHODS: MethodTable = new Map();
export const BOOL_METHODS: MethodTable = new Map();
export const UNIT_METHODS: MethodTable = new Map();
export const CHAR_METHODS: MethodTable = new Map();

type Ctor = abstract new (...args: never[]) => object;
const classTables = new Map<unknown, MethodTable>([
  [RChar, CHAR_METHODS],
  [RFloat, FLOAT_METHODS],
]);

/** Registers the method table of a built-in value class. */
export function tableFor(cls: Ctor): MethodTable {
  let t = classTables.get(cls);
  if (!t) {
    t = new Map();
    classTables.set(cls, t);
  }
  return t;
}

export function def(t: MethodTable, name: string, selfMode: SelfMode, call: NativeFn): void {
  t.set(name, { name, selfMode, call: guardNative(call) });
}

/** Tables shared by every subclass of a base class (all iterators share one). */
const baseTables: [Ctor, MethodTable][] = [];

export function tableForBase(cls: Ctor): MethodTable {
  const t: MethodTable = new Map();
  baseTables.push([cls, t]);
  return t;
}

function baseTable(v: object): MethodTable | undefined {
  for (const [cls, t] of baseTables) {
    if (v instanceof cls) {
      classTables.set(v.constructor, t);
      return t;
    }
  }
  return undefined;
}

let ext: Map<MethodTable, MethodTable> = new Map();

/** Installs the extension tables of the program about to run. */
export function setExtTables(e: Map<MethodTable, MethodTable>): void {
  ext = e;
}

export function tableOf(v: Value): MethodTable | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return INT_METHODS;
    case 'string':
      return STR_METHODS;
    case 'boolean':
      return BOOL_METHODS;
    case 'undefined':
      return UNIT_METHODS;
    case 'object':
      if (v instanceof RStruct || v instanceof REnum) return v.def.methods;
      return classTables.get(v.constructor) ?? (v === null ? undefined : baseTable(v));
    default:
      return undefined;
  }
}

function lookup(v: Value, name: string): Method | undefined {
  const t = tableOf(v);
  if (!t) return undefined;
  const m = t.get(name);
  if (m) return m;
  return ext.get(t)?.get(name);
}

/** Set by `findMethod`: the receiver the method was found on, and the last reference passed. */
export const FOUND: { self: Value; via: RefBase | null } = { self: undefined, via: null };

/** The method `name` for receiver `v`, auto-dereferencing (see FOUND for the actual receiver). */
export function findMethod(v: Value, name: string): Method | undefined {
  let x = v;
  let via: RefBase | null = null;
  for (let i = 0; i < 8; i++) {
    const m = lookup(x, name);
    if (m) {
      FOUND.self = x;
      FOUND.via = via;
      return m;
    }
    if (x instanceof RefBase) {
      via = x;
      x = x.get();
    } else break;
  }
  // a program's blanket impls (`impl<T: Display> Loud for T`) extend every type
  const u = UNIVERSAL.get(name) ?? ext.get(UNIVERSAL)?.get(name);
  if (u) {
    FOUND.self = x;
    FOUND.via = via;
  }
  return u;
}

/** Methods every value has (`to_string` via Display, `clone`, `into`, comparisons). */
export const UNIVERSAL: MethodTable = new Map();

const extraTables: MethodTable[] = [];
/** Adds a table (e.g. Option's, which lives in its EnumDef) to the names `isBuiltinMethodName` knows. */
export function registerNames(t: MethodTable): void {
  extraTables.push(t);
}

/** Every built-in method name (a method call naming none of these, nor a user method, is refused). */
export function isBuiltinMethodName(name: string): boolean {
  for (const t of [INT_METHODS, FLOAT_METHODS, STR_METHODS, BOOL_METHODS, UNIT_METHODS, CHAR_METHODS, UNIVERSAL]) {
    if (t.has(name)) return true;
  }
  for (const t of classTables.values()) if (t.has(name)) return true;
  for (const [, t] of baseTables) if (t.has(name)) return true;
  for (const t of extraTables) if (t.has(name)) return true;
  return false;
}
