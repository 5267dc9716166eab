/**
 * Calling user code: functions and methods (a fresh frame; arguments are moved into the parameter
 * slots; parameters are dropped at return; live locals are dropped when a panic unwinds through),
 * closures (`move` closures own their captures in a capture frame that persists across calls),
 * and function items used as values (`.map(Some)`, `.for_each(drop)`).
 */
import { stackOverflow } from './guards.ts';
import { typeFault } from './type-fault.ts';
import { AsyncFuture } from './async.ts';
import { type FnDef, type NativeFn, Site } from './defs.ts';
import { env, runaway } from './env.ts';
import { CTL, Frame, Flow } from './frame.ts';
import { dropFrame, dropItems, dropSlot, dropTailTemps, setUserDropCaller } from './owner.ts';
import type { PanicInfo } from './panic.ts';
import { setHookCaller } from './panic.ts';
import { Owned, type Value } from './values.ts';

/** Invokes a user function with argument values (args[0] is `self` for methods). */
export function invoke(def: FnDef, args: Value[], site: Site | null): Value {
  const f = new Frame(def.nslots, null);
  if (site !== null) f.tys = site.tyArgs;
  def.bind(f, args);
  if (def.layout) return new AsyncFuture(def.layout, f);
  return runBody(def, f, site?.line ?? def.span.line, site?.col ?? def.span.col);
}

/** What a synchronous call runs: a compiled body, the drops of an unwinding frame, the parameters. */
interface Callee {
  readonly body: ((f: Frame) => Value) | null;
  readonly dropOrder: number[];
  readonly paramSlots: number[];
}

/**
 * Runs a bound frame's body under the runaway and stack-depth guards; an unwinding frame drops its
 * live slots, a returning one its parameters (newest first), as Rust does.
 */
function runBody(def: Callee, f: Frame, line: number, col: number): Value {
  if (--env.budget < 0) runaway(line, col);
  if (++env.depth > env.maxDepth) {
    env.depth--;
    stackOverflow();
  }
  let r: Value;
  try {
    r = def.body!(f);
  } catch (e) {
    dropFrame(f, def.dropOrder);
    throw e;
  } finally {
    env.depth--;
  }
  if (r === CTL) {
    r = f.rv;
    f.flow = Flow.None;
  }
  // temporaries of the tail expression outlive the body's locals (edition 2021), not its arguments
  dropTailTemps(f, r);
  const ps = def.paramSlots;
  for (let i = ps.length - 1; i >= 0; i--) {
    const k = ps[i];
    dropSlot(f.s[k], f.s, k);
  }
  return r;
}

/** A closure's compiled body and layout (shared by every closure value made from one expression). */
export class ClosureDef {
  nslots = 0;
  bind: (f: Frame, args: Value[]) => void = () => undefined;
  body: ((f: Frame) => Value) | null = null;
  dropOrder: number[] = [];
  paramSlots: number[] = [];
  constructor(
    readonly line: number,
    readonly col: number,
    /** Number of capture slots of a `move` closure (0 for borrowing closures). */
    readonly ncaps: number,
  ) {}
}

/** A closure value. `cf` holds a move closure's captures; otherwise `up` is the defining frame. */
export class RClosure extends Owned {
  constructor(
    readonly def: ClosureDef,
    /** The frame a call frame's `up` points to: the capture frame or the defining frame. */
    readonly env: Frame,
    /** True when `env` is this closure's own capture frame (dropped with the closure). */
    readonly owns: boolean,
  ) {
    super();
  }
  dropGlue(): void {
    if (this.owns) dropItems(this.env.s, this.env.s);
  }
}

/** A function item or constructor used as a value. */
export class RFn {
  constructor(
    readonly name: string,
    readonly call: NativeFn,
  ) {}
}

export function callClosure(c: RClosure, args: Value[], site: Site | null): Value {
  const def = c.def;
  const f = new Frame(def.nslots, c.env);
  def.bind(f, args);
  return runBody(def, f, site?.line ?? def.line, site?.col ?? def.col);
}

/** Calls any callable value (closure, fn item, constructor). */
export function callValue(site: Site, fn: Value, args: Value[]): Value {
  if (fn instanceof RClosure) return callClosure(fn, args, site);
  if (fn instanceof RFn) return fn.call(site, args);
  if (fn instanceof Owned && 'get' in fn) {
    // `&dyn Fn` / `&mut impl FnMut` reached through a reference
    return callValue(site, (fn as unknown as { get(): Value }).get(), args);
  }
  return typeFault(site, 'expected function, found this value', 'E0618');
}

/** Calls a one-argument callable without allocating per call on the common closure path. */
export function call1(site: Site, fn: Value, a: Value): Value {
  return callValue(site, fn, [a]);
}

export function call2(site: Site, fn: Value, a: Value, b: Value): Value {
  return callValue(site, fn, [a, b]);
}

setUserDropCaller((def, self) => {
  invoke(def, [self], null);
});

setHookCaller((hook, info: PanicInfo) => {
  callValue(new Site(info.line, info.col), hook, [info]);
});
