/**
 * Adapts runtime values to the formatter's `Formattable` (src/lang/fmt): primitives and std
 * containers map to fmt's ready-made args; user types use their `impl Display` / `impl Debug`
 * (called with a `Formatter` value) or derived Debug; built-in classes register their own.
 */
import {
  BoolArg,
  CharArg,
  FloatArg,
  type Formattable,
  type Formatter,
  IntArg,
  ListArg,
  MapArg,
  OptionArg,
  ResultArg,
  SetArg,
  StrArg,
  TupleArg,
  UNIT,
  fmtDerivedDebug,
  fmtWith,
  formatValue,
  type DebugEntry,
  type StructShape,
  FmtTraitError,
} from '../fmt/index.ts';
import { I32, type IntType } from '../num/int-type.ts';
import { invoke } from './call.ts';
import type { FnDef } from './defs.ts';
import { OPTION, RESULT } from './std/enums.ts';
import { RFormatter, setDebugEntry } from './std/formatter-value.ts';
import {
  deref,
  RChar,
  RDeque,
  REnum,
  RHeap,
  RefBase,
  RFloat,
  RMap,
  RStruct,
  RTuple,
  RVec,
  type Value,
} from './values.ts';
import { cmpValues } from './ops-rt.ts';
import { typeFault } from './type-fault.ts';

type Ctor = abstract new (...args: never[]) => object;
const classFmt = new Map<unknown, (v: Value) => Formattable>();

const defFmt = new Map<unknown, (v: Value) => Formattable>();

/** Registers how values of a built-in enum (Tokio's error enums) print. */
export function registerDefFmt(d: object, f: (v: Value) => Formattable): void {
  defFmt.set(d, f);
}

/** Registers how values of a built-in class print. */
export function registerFmt(cls: Ctor, f: (v: Value) => Formattable): void {
  classFmt.set(cls, f);
}

function userFmt(def: FnDef, v: Value): (f: Formatter) => void {
  return (f) => {
    invoke(def, [v, new RFormatter(f)], null);
  };
}

function entry(v: Value): DebugEntry {
  return (f: Formatter) => fmtWith(toFmt(v), 'Debug', f);
}

/** The Formattable for `v`; `t` is the integer type when the compiler knew it. */
export function toFmt(v0: Value, t: IntType | null = null): Formattable {
  const v = v0 instanceof RefBase && !classFmt.has(v0.constructor) ? deref(v0) : v0;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return new IntArg(t ?? I32, v);
    case 'string':
      return new StrArg(v);
    case 'boolean':
      return new BoolArg(v);
    case 'undefined':
      return UNIT;
    default:
      break;
  }
  if (v instanceof RChar) return new CharArg(v.c.codePointAt(0)!);
  if (v instanceof RFloat) return new FloatArg(v.f32 ? 'f32' : 'f64', v.v);
  if (v instanceof RStruct || v instanceof REnum) return adtFmt(v);
  if (v instanceof RTuple) return new TupleArg(v.f.map(entry));
  if (v instanceof RVec || v instanceof RDeque || v instanceof RHeap) return new ListArg(v.a.map(entry));
  if (v instanceof RMap) {
    const es = [...v.m.values()];
    if (v.sorted) es.sort((a, b) => cmpValues(a.k, b.k));
    if (v.set) return new SetArg(es.map((e) => entry(e.k)));
    return new MapArg(es.map((e) => [entry(e.k), entry(e.v)] as const));
  }
  const custom = v === null ? undefined : classFmt.get((v as object).constructor);
  if (custom) return custom(v);
  if (v instanceof RefBase) return toFmt(v.get(), t);
  // no Debug: the placeholder fails as rustc's E0277 at the argument
  return {};
}

function adtFmt(v: RStruct | REnum): Formattable {
  const def = v.def;
  const native = defFmt.get(def);
  if (native) return native(v);
  if (v instanceof REnum && (def === OPTION || def === RESULT)) {
    if (def === OPTION) return new OptionArg(v.v === 1 ? wrapDebug(v.f[0]) : undefined);
    return new ResultArg(v.v === 0, wrapDebug(v.f[0]));
  }
  const out: Formattable = {};
  if (def.displayFn) out.display = userFmt(def.displayFn, v);
  if (def.debugFn) out.debug = userFmt(def.debugFn, v);
  else out.debug = (f) => derivedDebug(f, v);
  return out;
}

function wrapDebug(v: Value): Formattable {
  return { debug: (f) => fmtWith(toFmt(v), 'Debug', f) };
}

function derivedDebug(f: Formatter, v: RStruct | REnum): void {
  let name: string;
  let kind: 'named' | 'tuple' | 'unit';
  let fields: string[];
  if (v instanceof RStruct) {
    name = v.def.name;
    kind = v.def.kind;
    fields = v.def.fields;
  } else {
    const vd = v.def.variants[v.v];
    name = vd.name;
    kind = vd.kind;
    fields = vd.fields;
  }
  let shape: StructShape;
  if (kind === 'unit') shape = { kind: 'unit' };
  else if (kind === 'tuple') shape = { kind: 'tuple', fields: v.f.map(entry) };
  else shape = { kind: 'named', fields: fields.map((n, i) => [n, entry(v.f[i])] as const) };
  fmtDerivedDebug(f, name, shape);
}

/** `x.to_string()` / `{}`. */
export function displayString(v: Value, t: IntType | null = null): string {
  return formatValue(toFmt(v, t), 'Display');
}

export function debugString(v: Value): string {
  return formatValue(toFmt(v), 'Debug');
}

/**
 * `{:?}` of a value a std call prints itself (`unwrap`'s payload, `assert_eq!`'s sides): rustc
 * demands `Debug` of its type there, so a value without it is E0277 at the call, not a host error.
 */
export function debugAt(site: { readonly line: number; readonly col: number }, v: Value): string {
  try {
    return debugString(v);
  } catch (e) {
    if (e instanceof FmtTraitError) return typeFault(site, "this value doesn't implement `Debug`", 'E0277');
    throw e;
  }
}

setDebugEntry(entry);
