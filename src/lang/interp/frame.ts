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

/** Returned by resumable code (compile/ce.ts `RCode`) while the future it awaits is pending. */
export const SUSPEND: unique symbol = Symbol('suspend');

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
  // Fields are assigned in the constructor, not as initialisers (V8 runs those as a function of
  // their own per construction): a frame is made per call and per async block.
  /** Local slots; also the owner token of the values they hold. */
  declare readonly s: Value[];
  /** The enclosing frame for closures and non-move async blocks (captured by reference). */
  declare readonly up: Frame | null;
  /** The future running this frame (async fn bodies and async blocks). */
  declare fut: FrameFuture | null;
  declare flow: Flow;
  declare label: string | null;
  /** The value of `break value` / `return value`. */
  declare rv: Value;
  /**
   * Temporaries used as places (method receivers, `&rvalue`, scrutinees, an awaited future)
   * awaiting their drop: `nt` of them, the first in `t0` and the others in `temps` (owner.ts
   * `pushTemp`, `dropTemps`). Most frames never hold two at once, so they make no array (a
   * suspended task held one for its awaited future: 56 bytes a task). The array is kept when they
   * are dropped (a long-lived frame, `main`'s loop, made one per statement when it was truncated
   * to length 0, which frees its store).
   */
  declare t0: Value;
  declare temps: Value[] | null;
  declare nt: number;
  /** The type arguments of a generic fn's call (`T` → `u8`), for `T::default()` in its body. */
  declare tys: ReadonlyMap<string, Ty> | null;

  constructor(nslots: number, up: Frame | null) {
    this.s = new Array<Value>(nslots);
    this.up = up;
    this.fut = null;
    this.flow = Flow.None;
    this.label = null;
    this.rv = undefined;
    this.t0 = undefined;
    this.temps = null;
    this.nt = 0;
    this.tys = null;
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
