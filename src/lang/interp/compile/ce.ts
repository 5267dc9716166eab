/**
 * A compiled expression. Code without `.await` compiles to a plain function `(frame) => value`;
 * code containing `.await` compiles to a generator function that yields while an awaited future is
 * pending (the enclosing async future resumes it on its next poll). `ctl` says whether the code can
 * return the CTL signal (break / continue / return / `?`), so parents check only where needed.
 *
 * Blocks, loops, `let`, maps and `.await` itself also compile to resumable code (`r`), an explicit
 * state machine as rustc makes: it returns SUSPEND while an awaited future is pending, and keeps
 * where it stopped in hidden slots of the frame (a statement index, the awaited future), so the
 * next poll calls it again from the top and each node jumps back to where it was. No generator
 * object is made per evaluation, and a poll is a chain of plain calls.
 */
import type { Code, GenCode } from '../defs.ts';
import { CTL, type Frame, SUSPEND } from '../frame.ts';

export { SUSPEND };
import type { IntCell } from '../intcell.ts';
import type { Value } from '../values.ts';

export interface CE {
  readonly s: Code | null;
  readonly g: GenCode | null;
  readonly ctl: boolean;
  /** Integer type cell when the expression is (believed to be) an integer. */
  readonly ic: IntCell | null;
  /** Integer cell of the items, for arrays, Vecs and ranges (types `for` loop variables). */
  readonly elem?: IntCell | null;
  /**
   * Builds this generator with `after` applied to its result inside it (`.await` has it): `map1`
   * over such an expression then adds no generator of its own, so `x.await.unwrap()` and
   * `sum += x.await` run one generator per poll, not one per enclosing node.
   */
  readonly fuse?: (after: After) => RCode;
  /** The resumable form (a state machine in the frame's hidden slots), when the node has one. */
  readonly r?: RCode;
}

/** Resumable code: the value, CTL, or SUSPEND; called again on the next poll, it resumes. */
export type RCode = (f: Frame) => Value;

/** What runs on an expression's value once it is ready (not called on CTL). */
export type After = (f: Frame, v: Value) => Value;

export function sync(s: Code, ctl = false, ic: IntCell | null = null, elem: IntCell | null = null): CE {
  return { s, g: null, ctl, ic, elem };
}

export function gen(g: GenCode, ctl = false, ic: IntCell | null = null, elem: IntCell | null = null): CE {
  return { s: null, g, ctl, ic, elem };
}

/** Resumable code as an expression (its generator form, for parents without a resumable form, runs it). */
export function resumable(r: RCode, ctl = false, ic: IntCell | null = null, elem: IntCell | null = null): CE {
  return { s: null, g: genOf(r), r, ctl, ic, elem };
}

/** A resumable expression that can take a continuation into itself (see `CE.fuse`). */
export function fusable(make: (after: After | null) => RCode, ctl = false, ic: IntCell | null = null): CE {
  const r = make(null);
  return { s: null, g: genOf(r), r, ctl, ic, fuse: make };
}

/** Runs resumable code inside a generator: yields while it suspends. */
function genOf(r: RCode): GenCode {
  return function* (f: Frame) {
    for (;;) {
      const v = r(f);
      if (v !== SUSPEND) return v;
      yield undefined;
    }
  };
}

/**
 * The resumable form of any compiled expression. Plain code never suspends; an expression with
 * only a generator form keeps its generator in a hidden slot (`hidden` allocates one) while it
 * is suspended.
 */
export function asResumable(c: CE, hidden: () => number): RCode {
  if (c.r !== undefined) return c.r;
  if (c.s !== null) return c.s;
  const g = c.g!;
  const k = hidden();
  return (f) => {
    const s = f.s;
    let it = s[k] as Generator<undefined, Value, undefined> | undefined;
    if (it === undefined) it = g(f);
    else s[k] = undefined;
    const x = it.next();
    if (x.done === true) return x.value;
    s[k] = it;
    return SUSPEND;
  };
}

/** `after` on the result of `first`, propagating CTL (the composition `map1` of `map1` gives). */
function andThen(first: After, after: After | null): After {
  if (after === null) return first;
  return (f, v) => {
    const x = first(f, v);
    return x === CTL ? CTL : after(f, x);
  };
}

export function isGen(c: CE): boolean {
  return c.g !== null;
}

/** The generator form of any compiled expression. */
export function asGen(c: CE): GenCode {
  if (c.g) return c.g;
  const s = c.s!;
  // eslint-disable-next-line require-yield
  return function* (f: Frame) {
    return s(f);
  };
}

export function anyGen(cs: readonly CE[]): boolean {
  for (const c of cs) if (c.g) return true;
  return false;
}

export function anyCtl(cs: readonly CE[]): boolean {
  for (const c of cs) if (c.ctl) return true;
  return false;
}

/**
 * Where the function being compiled keeps hidden slots (Cx.withScope sets it): `seq` is built in
 * many places that have no Cx at hand, and keeps a suspended evaluation's state there.
 */
let hiddenSlots: { hidden(): number } | null = null;

/** Sets the scope `seq` takes hidden slots from; returns the previous one (to restore). */
export function setHiddenSlots(scope: { hidden(): number } | null): { hidden(): number } | null {
  const prev = hiddenSlots;
  hiddenSlots = scope;
  return prev;
}

/**
 * Evaluates `parts` left to right, then `done(f, values)`. Sync when no part awaits; propagates
 * CTL from parts that can produce it. The general (allocating) path: hot nodes have their own.
 */
export function seq(
  parts: readonly CE[],
  done: (f: Frame, vals: Value[]) => Value,
  ic: IntCell | null = null,
  doneCtl = false,
): CE {
  const n = parts.length;
  const ctl = anyCtl(parts) || doneCtl;
  if (!anyGen(parts)) {
    const codes = parts.map((p) => p.s!);
    const checks = parts.map((p) => p.ctl);
    if (!anyCtl(parts)) {
      if (n === 0) return sync((f) => done(f, []), ctl, ic);
      if (n === 1) {
        const a = codes[0];
        return sync((f) => done(f, [a(f)]), ctl, ic);
      }
      if (n === 2) {
        const a = codes[0];
        const b = codes[1];
        return sync(
          (f) => {
            const x = a(f);
            return done(f, [x, b(f)]);
          },
          ctl,
          ic,
        );
      }
      return sync(
        (f) => {
          const vals = new Array<Value>(n);
          for (let i = 0; i < n; i++) vals[i] = codes[i](f);
          return done(f, vals);
        },
        ctl,
        ic,
      );
    }
    return sync(
      (f) => {
        const vals = new Array<Value>(n);
        for (let i = 0; i < n; i++) {
          const v = codes[i](f);
          if (checks[i] && v === CTL) return CTL;
          vals[i] = v;
        }
        return done(f, vals);
      },
      ctl,
      ic,
    );
  }
  const checks = parts.map((p) => p.ctl);
  const slots = hiddenSlots;
  if (slots !== null) {
    // a state machine: the values so far and the part it stopped in wait in two hidden slots
    const hidden = (): number => slots.hidden();
    const rs = parts.map((p) => asResumable(p, hidden));
    const valsAt = hidden();
    const partAt = hidden();
    return resumable(
      (f: Frame) => {
        const s = f.s;
        let vals = s[valsAt] as Value[] | undefined;
        let i = 0;
        if (vals === undefined) vals = new Array<Value>(n);
        else {
          i = s[partAt] as number;
          s[valsAt] = s[partAt] = undefined;
        }
        for (; i < n; i++) {
          const v = rs[i](f);
          if (v === SUSPEND) {
            s[valsAt] = vals;
            s[partAt] = i;
            return SUSPEND;
          }
          if (checks[i] && v === CTL) return CTL;
          vals[i] = v;
        }
        return done(f, vals);
      },
      ctl,
      ic,
    );
  }
  const gens = parts.map((p) => p.g);
  const codes = parts.map((p) => p.s);
  return gen(
    function* (f: Frame) {
      const vals = new Array<Value>(n);
      for (let i = 0; i < n; i++) {
        const g = gens[i];
        const v = g ? yield* g(f) : codes[i]!(f);
        if (checks[i] && v === CTL) return CTL;
        vals[i] = v;
      }
      return done(f, vals);
    },
    ctl,
    ic,
  );
}

/** Applies a one-argument function to a compiled expression (sync or gen), propagating CTL. */
export function map1(c: CE, fn: (f: Frame, v: Value) => Value, ic: IntCell | null = null, extraCtl = false): CE {
  const ctl = c.ctl || extraCtl;
  if (c.s) {
    const s = c.s;
    if (!c.ctl) return sync((f) => fn(f, s(f)), ctl, ic);
    return sync(
      (f) => {
        const v = s(f);
        return v === CTL ? CTL : fn(f, v);
      },
      ctl,
      ic,
    );
  }
  const fuse = c.fuse;
  if (fuse !== undefined) return fusable((after) => fuse(andThen(fn, after)), ctl, ic);
  const r = c.r;
  if (r !== undefined) {
    return resumable(
      (f) => {
        const v = r(f);
        return v === SUSPEND || v === CTL ? v : fn(f, v);
      },
      ctl,
      ic,
    );
  }
  const g = c.g!;
  return gen(
    function* (f: Frame) {
      const v = yield* g(f);
      return v === CTL ? CTL : fn(f, v);
    },
    ctl,
    ic,
  );
}

export const UNIT_CE: CE = sync(() => undefined);
