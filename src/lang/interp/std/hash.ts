/**
 * `Hash` and `DefaultHasher`. A hasher is the byte stream std's `Hash` impls write, and
 * `finish()` runs SipHash-1-3 with zero keys over it (what `DefaultHasher::new()` is), so a
 * program prints the same `u64` as rustc's. How many bytes an integer writes, and which type each
 * field has, come from the checker's types (site.from, facts.fieldTys), never from the value; a
 * user `impl Hash` runs instead of the derived layout wherever its type is hashed (HashMap keys too).
 */
import { noteFallback } from '../fallbacks.ts';
import { INT_TYPES, normBig, toBig } from '../../num/int-type.ts';
import type { Ty } from '../../types/ty.ts';
import type { Method, Site, TypedEnv } from '../defs.ts';
import { sipHash13 } from '../sim.ts';
import { typeFault } from '../type-fault.ts';
import { deref, RChar, RDeque, REnum, RStruct, RTuple, RVec, type Value } from '../values.ts';
import { member, ns } from './registry.ts';
import { def, tableFor, UNIVERSAL } from './tables.ts';

/** `DefaultHasher`: the bytes written so far (`finish` hashes them all; it does not reset). */
export class RHasher {
  readonly bytes: number[] = [];
}

/**
 * A program's own `impl Hasher` that std's `Hash` impls write into: each write calls the user's
 * `write_u32` (or its kin) when the impl defines it, otherwise `write` with the integer's
 * little-endian bytes, as the trait's provided methods do (`to_ne_bytes` on x86-64).
 */
export class UserHasher {
  constructor(
    /** `&mut H` as the program passed it. */
    readonly self: Value,
    readonly site: Site,
  ) {}
  private method(name: string): Method | undefined {
    const v = deref(this.self);
    return v instanceof RStruct || v instanceof REnum ? v.def.methods.get(`Hasher::${name}`) : undefined;
  }
  bytes(b: number[]): void {
    const m = this.method('write');
    if (m === undefined) typeFault(this.site, 'this `Hasher` has no `write` method');
    else m.call(this.site, [this.self, new RVec(b)]);
  }
  int(v: Value, name: IntName): void {
    const m = this.method(`write_${name}`);
    if (m !== undefined) m.call(this.site, [this.self, v]);
    else {
      const b: number[] = [];
      pushInt(b, v, INT_TYPES[name].bits);
      this.bytes(b);
    }
  }
}

type Sink = RHasher | UserHasher;
type IntName = keyof typeof INT_TYPES;

function writeInt(h: Sink, v: Value, name: IntName): void {
  if (h instanceof RHasher) pushInt(h.bytes, v, INT_TYPES[name].bits);
  else h.int(v, name);
}

/** `Hasher::write_str`'s provided body: the bytes, then 0xff. */
function writeStr(h: Sink, s: string): void {
  if (h instanceof RHasher) pushStr(h.bytes, s);
  else {
    h.bytes([...new TextEncoder().encode(s)]);
    h.int(0xff, 'u8');
  }
}

function pushInt(out: number[], v: Value, bits: number): void {
  if (typeof v === 'number' && bits <= 32) {
    // two's complement of the low `bits` bits, little-endian
    for (let i = 0; i < bits / 8; i++) out.push((v >>> (8 * i)) & 0xff);
    return;
  }
  let x = BigInt.asUintN(bits, toBig(v as number | bigint));
  for (let i = 0; i < bits / 8; i++) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
  }
}

function pushStr(out: number[], s: string): void {
  for (const b of new TextEncoder().encode(s)) out.push(b);
  // `impl Hash for str` ends with 0xff so that ("ab", "c") and ("a", "bc") differ
  out.push(0xff);
}

/** `&T`, `Box<T>`, `Rc<T>`, `Arc<T>` hash as `T`. */
function peel(t: Ty | null): Ty | null {
  let x = t;
  while (x !== null) {
    if (x.k === 'ref') x = x.inner;
    else if (x.k === 'adt' && (x.name === 'Box' || x.name === 'Rc' || x.name === 'Arc')) x = x.args[0] ?? null;
    else break;
  }
  return x;
}

/** The user `impl Hash` of a struct or enum value, if it has one. */
export function userHash(v: Value): Method | undefined {
  return v instanceof RStruct || v instanceof REnum ? v.def.methods.get('Hash::hash') : undefined;
}

function elemTy(t: Ty | null): Ty | null {
  if (t === null) return null;
  if (t.k === 'array' || t.k === 'slice') return t.elem;
  return t.k === 'adt' ? (t.args[0] ?? null) : null;
}

function variantTys(t: Ty | null, e: REnum, env: TypedEnv | null): readonly (Ty | null)[] {
  if (t === null || t.k !== 'adt') return [];
  if (t.name === 'Option') return [t.args[0] ?? null];
  if (t.name === 'Result') return [t.args[e.v] ?? null];
  return env?.facts.fieldTys(t, e.def.variants[e.v]?.name) ?? [];
}

/** Writes `v` (of type `ty`) into `h` as its `Hash` impl does. */
export function hashValue(h: Sink, v0: Value, ty: Ty | null, env: TypedEnv | null, site: Site): void {
  const v = deref(v0);
  const t = peel(ty);
  switch (typeof v) {
    case 'number':
    case 'bigint':
      // an integer whose type the checker left open is read as `i32`, the literal fallback
      if (t?.k !== 'int') noteFallback('hashOpenInt', site.line, site.col);
      writeInt(h, v, t?.k === 'int' ? t.name : 'i32');
      return;
    case 'boolean':
      writeInt(h, v ? 1 : 0, 'u8');
      return;
    case 'string':
      writeStr(h, v);
      return;
    case 'undefined':
      return;
  }
  if (v instanceof RChar) return writeInt(h, v.c.codePointAt(0) ?? 0, 'u32');
  if (v instanceof RTuple) {
    v.f.forEach((x, i) => hashValue(h, x, t?.k === 'tuple' ? (t.elems[i] ?? null) : null, env, site));
    return;
  }
  if (v instanceof RVec || v instanceof RDeque) {
    // `write_length_prefix` is `write_usize`
    writeInt(h, v.a.length, 'usize');
    const et = elemTy(t);
    if (et?.k === 'int' && h instanceof UserHasher) {
      // integers' `hash_slice` writes the whole slice's bytes in one `write`
      const b: number[] = [];
      for (const x of v.a) pushInt(b, deref(x), INT_TYPES[et.name].bits);
      h.bytes(b);
      return;
    }
    for (const x of v.a) hashValue(h, x, et, env, site);
    return;
  }
  const user = userHash(v);
  if (user !== undefined) {
    user.call(site, [v, h instanceof UserHasher ? h.self : h]);
    return;
  }
  if (v instanceof RStruct) {
    const tys = t?.k === 'adt' ? (env?.facts.fieldTys(t) ?? []) : [];
    v.f.forEach((x, i) => hashValue(h, x, tys[i] ?? null, env, site));
    return;
  }
  if (v instanceof REnum) {
    // derived: the discriminant as an `isize`, then the variant's fields
    writeInt(h, v.def.variants[v.v]?.discriminant ?? v.v, 'isize');
    const tys = variantTys(t, v, env);
    v.f.forEach((x, i) => hashValue(h, x, tys[i] ?? null, env, site));
  }
}

/** The bytes a user `impl Hash` writes for `v`: what a HashMap keys such a value by. */
export function userHashKey(m: Method, v: Value, site: Site): string {
  const h = new RHasher();
  m.call(site, [v, h]);
  return h.bytes.join(',');
}

function hasher(site: Site, v: Value): RHasher {
  const h = deref(v);
  return h instanceof RHasher ? h : typeFault(site, 'this `Hasher` is not supported (use `DefaultHasher`)');
}

/** `DefaultHasher`, or a program's own `impl Hasher`. */
function sink(site: Site, v: Value): Sink {
  const h = deref(v);
  if (h instanceof RHasher) return h;
  if ((h instanceof RStruct || h instanceof REnum) && h.def.methods.has('Hasher::write'))
    return new UserHasher(v, site);
  return typeFault(site, 'this value is not a `Hasher`');
}

def(UNIVERSAL, 'hash', 'ref', (s, a) => {
  hashValue(sink(s, a[1]), a[0], s.from, s.typed, s);
  return undefined;
});

const H = tableFor(RHasher);
def(H, 'finish', 'ref', (_s, a) => normBig(sipHash13(Uint8Array.from(hasher(_s, a[0]).bytes))));
def(H, 'write', 'refMut', (s, a) => {
  const h = hasher(s, a[0]);
  const bytes = deref(a[1]);
  if (bytes instanceof RVec) for (const b of bytes.a) h.bytes.push(Number(deref(b)) & 0xff);
  return undefined;
});
for (const name of ['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize'] as const) {
  def(H, `write_${name}`, 'refMut', (s, a) => {
    pushInt(hasher(s, a[0]).bytes, deref(a[1]), INT_TYPES[name].bits);
    return undefined;
  });
}

const N = ns([
  'DefaultHasher',
  'std::collections::hash_map::DefaultHasher',
  'std::hash::DefaultHasher',
  'hash_map::DefaultHasher',
]);
member(N, 'new', () => new RHasher());
member(N, 'default', () => new RHasher());
