/**
 * Activation records and the cheap control-flow signal. A compiled expression returns its value,
 * or `CTL` after storing a `break` / `continue` / `return` (and `?`) in its frame; enclosing code
 * checks for `CTL` only where the compiler saw that a subtree can produce one. Panics are the only
 * JS exceptions (RustPanic).
 */
import type { Value } from './values.ts';
import type { Ty } from '../types/ty.ts';

/** Returned instead of a value while a break / continue / return unwinds. */
export const CTL: unique symbol = Symbol('ctl');
export type Ctl = typeof CTL;

export const enum Flow {
  None = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

/** What an async frame needs from the future that runs it (the Context of the current poll). */
export interface FrameFuture {
  cx: unknown;
}

export class Frame {
  /** Local slots; also the owner token of the values they hold. */
  readonly s: Value[];
  /** The enclosing frame for closures and non-move async blocks (captured by reference). */
  readonly up: Frame | null;
  /** The future running this frame (async fn bodies and async blocks). */
  fut: FrameFuture | null = null;
  flow: Flow = Flow.None;
  label: string | null = null;
  /** The value of `break value` / `return value`. */
  rv: Value = undefined;
  /** Temporaries used as places (method receivers, `&rvalue`, scrutinees) awaiting their drop. */
  temps: Value[] | null = null;
  /** The type arguments of a generic fn's call (`T` → `u8`), for `T::default()` in its body. */
  tys: ReadonlyMap<string, Ty> | null = null;

  constructor(nslots: number, up: Frame | null) {
    this.s = new Array<Value>(nslots);
    this.up = up;
  }
}

/** The frame `depth` levels up the chain of enclosing frames. */
export function frameAt(f: Frame, depth: number): Frame {
  let x = f;
  for (let i = 0; i < depth; i++) x = x.up!;
  return x;
}

/** The type arguments in force in `f`: its own, or those of the frame a closure or block runs in. */
export function frameTys(f: Frame): ReadonlyMap<string, Ty> | null {
  for (let x: Frame | null = f; x !== null; x = x.up) if (x.tys !== null) return x.tys;
  return null;
}
