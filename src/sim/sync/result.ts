/**
 * Rust's `Result<T, E>` and `Option<T>` for the simulator's built-in futures (recv, timeout, …).
 * A plain discriminated union so the interpreter can map it onto its own `Ok`/`Err` values.
 */

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Every error type here has Tokio's `Display` text. */
export interface RustError {
  /**
   * The class's own name, as a field: the interpreter tells the errors apart by it, and a
   * minified build renames classes (so `constructor.name` would differ between Node and the page).
   */
  readonly className: string;
  display(): string;
}

/** Rust's `Option<T>`; `NONE` is shared. */
export type Option<T> = { readonly some: true; readonly value: T } | { readonly some: false };

export const NONE: { readonly some: false } = { some: false };

export function some<T>(value: T): { readonly some: true; readonly value: T } {
  return { some: true, value };
}
