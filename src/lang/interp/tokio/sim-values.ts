/**
 * Rust values around simulator objects: a generic future wrapper that converts the simulator's
 * results (`{ok, value}` / `{some, value}`) into Rust `Result` / `Option` values, a borrowed-future
 * view for `&mut fut` branches, and conversions both ways.
 */
import { typeFault } from '../type-fault.ts';
import { RFuture } from '../async.ts';
import { adaptFuture } from './into-future.ts';
import { type Context, type Future, PENDING, type Pending } from '../sim.ts';
import { err, NONE, ok, some } from '../std/enums.ts';
import { deref, RefBase, type Value } from '../values.ts';

/** A simulator future as a Rust value; `conv` maps its output. */
export class SimFut extends RFuture {
  constructor(
    readonly inner: Future<unknown>,
    readonly conv: (v: unknown) => Value = (v) => v as Value,
  ) {
    super();
  }
  poll(cx: Context): Value | Pending {
    const r = this.inner.poll(cx);
    return r === PENDING ? PENDING : this.conv(r);
  }
  dropGlue(): void {
    this.inner.drop();
  }
}

/** A lock guard of the simulator (Mutex, RwLock) as a reference to the locked value. */
export class SimGuard<G extends { get(): Value; set(v: Value): void; drop(): void }> extends RefBase {
  constructor(readonly g: G) {
    super();
  }
  get(): Value {
    return this.g.get();
  }
  set(v: Value): void {
    this.g.set(v);
  }
  dropGlue(): void {
    this.g.drop();
  }
}

/** A future polled through `&mut`: dropping the view leaves the future alone. */
export class BorrowedFut implements Future<Value> {
  constructor(readonly f: RFuture) {}
  poll(cx: Context): Value | Pending {
    return this.f.poll(cx);
  }
  drop(): void {}
}

/** The value as it is (one function, not a fresh default closure on every call: these run per poll). */
export const asValue = (v: unknown): Value => v as Value;

/** An output of `()` (one function: an arrow written at a call site is a new closure per call). */
export const toUnit = (): Value => undefined;

/** The simulator's Option → Rust `Option`, as a `SimFut` converter. */
export const toOption = (o: unknown): Value => fromOption(o);

/** The simulator's Result → Rust `Result`. */
export function fromResult(
  r: unknown,
  okConv: (v: unknown) => Value = asValue,
  errConv: (e: unknown) => Value = asValue,
): Value {
  const x = r as { ok: boolean; value?: unknown; error?: unknown };
  return x.ok ? ok(okConv(x.value)) : err(errConv(x.error));
}

/** The simulator's Option → Rust `Option`. */
export function fromOption(r: unknown, conv: (v: unknown) => Value = asValue): Value {
  const x = r as { some: boolean; value?: unknown };
  return x.some ? some(conv(x.value)) : NONE;
}

/**
 * A simulator error with Tokio's Display text, as a Rust value (`Display`, `Debug`). `pads`:
 * Tokio's Display forwards to `str`'s (width and fill apply) rather than `write!` (they do not).
 */
export class SimError {
  constructor(
    readonly display: string,
    readonly debug: string,
    readonly pads = false,
    /** Public tuple fields (`SendError(pub T)`: `e.0` is the value that was not sent), or null. */
    readonly f: Value[] | null = null,
  ) {}
}

export function asFuture(v: Value, site: { readonly line: number; readonly col: number }): Future<Value> {
  const x = deref(v);
  if (x instanceof RFuture) return v === x ? x : new BorrowedFut(x);
  const user = adaptFuture(x, v === x);
  if (user !== null) return user;
  return typeFault(site, 'this value is not a future', 'E0277');
}

export { NONE };
