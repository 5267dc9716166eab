/**
 * Resolves a path expression at compile time: a local, a user item (function, constructor, unit
 * struct / variant, const, associated function), or a built-in from std/registry.ts (after
 * expanding `use` aliases). Unknown paths are compile errors with the path's span.
 */
import { noteFallback } from '../fallbacks.ts';
import type { Path, Span } from '../../syntax/ast.ts';
import type { IntType } from '../../num/int-type.ts';
import { invoke, RFn } from '../call.ts';
import { EnumDef, type FnDef, type MethodTable, type NativeFn, Site, StructDef } from '../defs.ts';
import { typedEnv } from './typed.ts';
import { claim } from '../owner.ts';
import { lookupBuiltin } from '../std/registry.ts';
import { BOOL_METHODS, CHAR_METHODS, FLOAT_METHODS, INT_METHODS, STR_METHODS, UNIVERSAL } from '../std/tables.ts';
import { isIntName } from '../../num/int-type.ts';
import { defaultFor, defaultOf } from '../std/defaults.ts';
import { REnum, RStruct, type Value } from '../values.ts';
import { type Cx, fail } from './cx.ts';
import type { VarRef } from './scope.ts';

export type Resolved =
  | { readonly kind: 'local'; readonly ref: VarRef }
  | { readonly kind: 'value'; readonly get: () => Value; readonly ret?: IntType | undefined }
  | {
      readonly kind: 'fn';
      readonly call: NativeFn;
      readonly name: string;
      readonly user?: FnDef;
      readonly ret?: IntType | undefined;
      readonly params?: (IntType | null)[] | undefined;
    };

/** The path's segment names with `use` aliases, `crate::`, `self::` and `Self` expanded. */
export function expandPath(cx: Cx, path: Path): string[] {
  let segs = path.segments.map((s) => s.name);
  while (segs.length > 1 && (segs[0] === 'crate' || segs[0] === 'self' || segs[0] === 'super')) segs = segs.slice(1);
  if (segs[0] === 'Self' && cx.selfType) segs = [cx.selfType, ...segs.slice(1)];
  const alias = cx.uses.get(segs[0]);
  if (alias && !(segs.length === 1 && cx.scope.resolve(segs[0]))) segs = [...alias, ...segs.slice(1)];
  return segs;
}

/** A tuple struct / tuple variant constructor as a function. */
export function structCtor(def: StructDef): NativeFn {
  return (_site, args) => {
    const s = new RStruct(def, args.slice());
    for (let i = 0; i < s.f.length; i++) claim(s.f[i], s.f, i);
    return s;
  };
}

export function variantCtor(def: EnumDef, v: number): NativeFn {
  return (_site, args) => {
    const e = new REnum(def, v, args.slice());
    for (let i = 0; i < e.f.length; i++) claim(e.f[i], e.f, i);
    return e;
  };
}

function userFn(def: FnDef): Resolved {
  return { kind: 'fn', call: (site, args) => invoke(def, args, site), name: def.name, user: def };
}

/** Resolves `Type::member` for a user type. */
function typeMember(cx: Cx, typeName: string, member: string, span: Span): Resolved | null {
  const it = cx.item(typeName);
  if (!it) return null;
  if (it.kind === 'enum') {
    const def = it.def;
    const vi = def.index.get(member);
    if (vi !== undefined) {
      const vd = def.variants[vi];
      if (vd.kind === 'unit') return { kind: 'value', get: () => def.unit(vi) };
      if (vd.kind === 'tuple') return { kind: 'fn', call: variantCtor(def, vi), name: `${def.name}::${member}` };
      return fail(span, `\`${def.name}::${member}\` is a struct variant: use \`${member} { … }\``);
    }
  }
  if (it.kind === 'struct' || it.kind === 'enum') {
    const m = it.def.methods.get(member);
    if (m) {
      if (m.user) return userFn(m.user);
      return { kind: 'fn', call: m.call, name: `${typeName}::${member}` };
    }
    const c = cx.item(`${typeName}::${member}`);
    if (c && c.kind === 'const') return { kind: 'value', get: () => c.cell.get() };
    // `#[derive(Default)]` gives `Type::default()`
    if (member === 'default' && it.def.derives.has('Default')) {
      const name = it.def.name;
      return {
        kind: 'fn',
        call: (site) => {
          if (site.ty !== null) return defaultFor(site);
          noteFallback('defaultByName', site.line, site.col);
          return defaultOf(name);
        },
        name: `${typeName}::default`,
      };
    }
    return fail(span, `no function or associated item named \`${member}\` found for \`${typeName}\``);
  }
  if (it.kind === 'trait') {
    // `Trait::method(x, …)`: dispatch on the first argument
    return {
      kind: 'fn',
      name: `${typeName}::${member}`,
      call: (site, args) => traitCall(member, site, args),
    };
  }
  return null;
}

/** Std types whose methods a path may name (`str::to_uppercase`), with their method tables. */
function methodTableOf(owner: string | undefined): MethodTable | null {
  if (owner === undefined) return null;
  if (isIntName(owner)) return INT_METHODS;
  if (owner === 'f32' || owner === 'f64') return FLOAT_METHODS;
  if (owner === 'str' || owner === 'String') return STR_METHODS;
  if (owner === 'char') return CHAR_METHODS;
  if (owner === 'bool') return BOOL_METHODS;
  return null;
}

/** The type a path's last segment names in its turbofish (`str::parse::<Cmd>` → `Cmd`). */
function turbofishName(path: Path): string | null {
  const seg = path.segments[path.segments.length - 1];
  const a = seg?.args?.kind === 'AngleArgs' ? seg.args.args[0] : undefined;
  if (a?.kind !== 'TypeArg' || a.type.kind !== 'PathType') return null;
  const segs = a.type.path.segments;
  return segs[segs.length - 1]?.name ?? null;
}

/** `exact`: the path names the receiver's own type (`str::to_uppercase`), so no impl is chosen by type. */
let traitCall: (name: string, site: Site, args: Value[], exact?: boolean) => Value = () => undefined;
export function setTraitCall(f: typeof traitCall): void {
  traitCall = f;
}

export function resolvePath(cx: Cx, path: Path, span: Span): Resolved {
  const raw = path.segments;
  if (raw.length === 1 && !path.qself) {
    const name = raw[0].name;
    const local = cx.scope.resolve(name);
    if (local) return { kind: 'local', ref: local };
  }
  if (path.qself) {
    // `<T as Trait>::method`
    const member = raw[raw.length - 1].name;
    return { kind: 'fn', name: member, call: (site, args) => traitCall(member, site, args) };
  }
  const segs = expandPath(cx, path);
  const n = segs.length;
  const last = segs[n - 1];
  if (n === 1) {
    const it = cx.item(last);
    const r = it ? resolveItem(it, last, span) : null;
    if (r) return r;
  } else {
    const full = cx.item(segs.join('::'));
    const r = full ? resolveItem(full, last, span) : null;
    if (r) return r;
    const t = typeMember(cx, segs[n - 2], last, span);
    if (t) return t;
  }
  const b = lookupBuiltin(segs);
  if (b) {
    if (b.kind === 'fn') return { kind: 'fn', call: b.call, name: segs.join('::'), ret: b.ret, params: b.params };
    if (b.kind === 'value') return { kind: 'value', get: b.get, ret: b.ret };
    return fail(span, `\`${segs.join('::')}\` is a type, not a value`);
  }
  const table = n === 2 ? methodTableOf(segs[0]) : null;
  const traitMethod = (t: MethodTable | null): boolean => t !== null && cx.ext.get(t)?.has(last) === true;
  if (table !== null && (table.has(last) || traitMethod(table) || traitMethod(UNIVERSAL))) {
    // `str::to_uppercase`, `String::len`, `i32::abs` as values or calls: the method of the first argument.
    const hint = turbofishName(path);
    // A user impl for exactly this type is an item of its own (`str::shout`), resolved above.
    if (hint === null)
      return { kind: 'fn', name: segs.join('::'), call: (site, args) => traitCall(last, site, args, true) };
    // `str::parse::<Cmd>`: the call parses into the type named (a user `FromStr` too)
    const env = typedEnv(cx);
    return {
      kind: 'fn',
      name: segs.join('::'),
      call: (site, args) => {
        const at = new Site(site.line, site.col, site.int, hint);
        at.typed = env;
        return traitCall(last, at, args, true);
      },
    };
  }
  if (n > 1) {
    // a function inside a module: `utils::helper`
    const it = cx.item(last);
    const r = it ? resolveItem(it, last, span) : null;
    if (r) return r;
  }
  return fail(span, `cannot find \`${segs.join('::')}\` in this scope`);
}

function resolveItem(it: NonNullable<ReturnType<Cx['item']>>, name: string, span: Span): Resolved | null {
  switch (it.kind) {
    case 'fn':
      return userFn(it.def);
    case 'struct': {
      const def = it.def;
      if (def.kind === 'unit') return { kind: 'value', get: () => new RStruct(def, []) };
      if (def.kind === 'tuple') return { kind: 'fn', call: structCtor(def), name: def.name };
      return fail(span, `\`${name}\` is a struct with named fields: use \`${name} { … }\``);
    }
    case 'const':
      return { kind: 'value', get: () => it.cell.get() };
    default:
      return null;
  }
}

/** A resolved callable as a first-class value (`.map(Some)`, `let f = add;`). */
export function fnValue(r: Resolved & { kind: 'fn' }): RFn {
  return new RFn(r.name, r.call);
}

export { EnumDef, StructDef };
