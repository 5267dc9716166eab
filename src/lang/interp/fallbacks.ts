/**
 * Counts each time the interpreter decides something from a value (or a type name) because the
 * checker left the type open (docs/type-driven.md §2). Nothing reads these counts to decide
 * anything: they are a measurement, and tests/conformance holds them at zero over the corpus.
 * `compile()` (run.ts) starts each program with an empty tally, so nothing leaks between programs.
 */

/** The value-based fallbacks that remain, by where they live. */
export type FallbackKind =
  /** compile/items.ts `fromDispatch`: which user `From` impl runs, by the argument's JS kind. */
  | 'fromDispatch'
  /** std/defaults.ts and its callers: `Default` by a type name (hint or written name) or by the current value. */
  | 'defaultByName'
  /** std/prelude.ts `into`: a conversion by the hint's name (`convertError`, `T::from`) or the identity. */
  | 'intoByName'
  /** compile/typed.ts `typedInt`: an integer expression the checker typed `unknown` (width from `cx.cells`). */
  | 'typedInt'
  /** std/hash.ts `hashValue`: an integer whose type is open, hashed as `i32`. */
  | 'hashOpenInt'
  /** compile/control.ts: a `?` whose error conversion is chosen by the target's name (`convertError`). */
  | 'tryByName'
  /** compile/control.ts `typedConversion`: a `?` whose source error type is open (a value already of the target passes). */
  | 'tryOpenSource'
  /** compile/calls.ts `primImpl`: a user trait method on a std receiver whose type the call site does not carry. */
  | 'primImpl';

interface Tally {
  readonly counts: Map<FallbackKind, number>;
  /** `line:col` of the first few firings of each kind, for reports. */
  readonly at: Map<FallbackKind, string[]>;
}

const fresh = (): Tally => ({ counts: new Map(), at: new Map() });
let tally = fresh();

/** Records one firing at `line:col`. */
export function noteFallback(kind: FallbackKind, line: number, col: number): void {
  tally.counts.set(kind, (tally.counts.get(kind) ?? 0) + 1);
  const at = tally.at.get(kind) ?? [];
  if (at.length < 64) at.push(`${line}:${col}`);
  tally.at.set(kind, at);
}

/** Starts a new program's tally. */
export function resetFallbacks(): void {
  tally = fresh();
}

/** The firings since the last reset, by kind, with where the first ones happened. */
export function fallbackReport(): { kind: FallbackKind; count: number; at: string[] }[] {
  return [...tally.counts].map(([kind, count]) => ({ kind, count, at: tally.at.get(kind) ?? [] }));
}
