/**
 * The built-in namespace: std / tokio / tokio_util functions, types (as namespaces of associated
 * functions and constants) and values, registered under every path a program may use to name them
 * (`tokio::time::sleep`, `sleep` after `use`, `std::time::Duration` = `tokio::time::Duration`).
 */
import { guardNative } from '../type-fault.ts';
import type { IntType } from '../../num/int-type.ts';
import type { EnumDef, NativeFn } from '../defs.ts';
import type { Value } from '../values.ts';

export type BEntry =
  | { readonly kind: 'fn'; readonly call: NativeFn; readonly ret?: IntType; readonly params?: (IntType | null)[] }
  | { readonly kind: 'value'; readonly get: () => Value; readonly ret?: IntType }
  | { readonly kind: 'ns'; readonly name: string; readonly m: Map<string, BEntry> };

const ROOT = new Map<string, BEntry>();
/** Built-in enums usable in patterns (`TrySendError::Full(v)`), under the same paths as their namespace. */
const ENUMS = new Map<string, EnumDef>();

export function regEnum(paths: readonly string[], d: EnumDef): void {
  for (const p of paths) ENUMS.set(p, d);
}

/** Registers `e` under each of `paths` (`a::b::c` strings). */
export function reg(paths: readonly string[], e: BEntry): BEntry {
  for (const p of paths) ROOT.set(p, e);
  return e;
}

export function fn(paths: readonly string[], call: NativeFn, ret?: IntType, params?: (IntType | null)[]): void {
  const guarded = guardNative(call);
  // the compiler asks about the function it calls: the guarded one keeps the mark
  if (ARG_TYPED.has(call)) ARG_TYPED.add(guarded);
  reg(paths, { kind: 'fn', call: guarded, ...(ret ? { ret } : {}), ...(params ? { params } : {}) });
}

/** A type namespace (`Duration`, `Vec`, `JoinSet`), created on first use. */
export function ns(paths: readonly string[]): Map<string, BEntry> {
  for (const p of paths) {
    const e = ROOT.get(p);
    if (e && e.kind === 'ns') {
      for (const q of paths) ROOT.set(q, e);
      return e.m;
    }
  }
  const e: BEntry = { kind: 'ns', name: paths[0], m: new Map() };
  reg(paths, e);
  return e.m;
}

export function member(
  m: Map<string, BEntry>,
  name: string,
  call: NativeFn,
  ret?: IntType,
  params?: (IntType | null)[],
): void {
  m.set(name, { kind: 'fn', call: guardNative(call), ...(ret ? { ret } : {}), ...(params ? { params } : {}) });
}

export function memberValue(m: Map<string, BEntry>, name: string, get: () => Value, ret?: IntType): void {
  m.set(name, { kind: 'value', get, ...(ret ? { ret } : {}) });
}

/**
 * Resolves a path: the longest suffix that names an entry wins, so `std::sync::atomic::Ordering::SeqCst`
 * finds the `Ordering` namespace's `SeqCst` even if only `Ordering` is registered.
 */
const CRATES = new Set(['std', 'core', 'alloc', 'tokio', 'tokio_util', 'futures', 'futures_util']);

export function lookupBuiltin(segs: readonly string[]): BEntry | undefined {
  const n = segs.length;
  // a path from a crate root names exactly one item: no suffix guessing (`std::thread::spawn` is
  // not `tokio::spawn`)
  const last = CRATES.has(segs[0]) ? 1 : n;
  for (let k = 0; k < last; k++) {
    const full = ROOT.get(segs.slice(k).join('::'));
    if (full) return full;
    if (n - k >= 2) {
      const owner = ROOT.get(segs.slice(k, n - 1).join('::'));
      if (owner && owner.kind === 'ns') {
        const m = owner.m.get(segs[n - 1]);
        if (m) return m;
      }
    }
  }
  return undefined;
}

/** The built-in enum a path names (the same suffix rule as `lookupBuiltin`). */
export function lookupEnum(segs: readonly string[]): EnumDef | undefined {
  const last = CRATES.has(segs[0]) ? 1 : segs.length;
  for (let k = 0; k < last; k++) {
    const d = ENUMS.get(segs.slice(k).join('::'));
    if (d) return d;
  }
  return undefined;
}

/**
 * Natives whose behaviour depends on their argument's static type (`panic_any(42i32)` boxes an
 * i32): the compiler gives them the first argument's integer type as `site.int`, and `&str` as
 * `site.hint` when that argument is a string literal.
 */
const ARG_TYPED = new WeakSet<NativeFn>();
export function markArgTyped(call: NativeFn): NativeFn {
  ARG_TYPED.add(call);
  return call;
}
export function isArgTyped(call: NativeFn): boolean {
  return ARG_TYPED.has(call);
}
