/**
 * Plain `fn`s a std thread may block in. A thread's closure is compiled as a generator, so a
 * blocking call in it (`rx.recv()`, `for v in rx`, `h.join()`, `thread::sleep`) suspends the
 * simulated thread (std/thread-block.ts). A `fn` the closure calls is compiled as plain code, where
 * the same call could only block in place, running the other threads from its own stack (two
 * threads each waiting in such a place for the other would look deadlocked). So each `fn` whose
 * body may block — directly, or through another such `fn` — gets a second, generator body
 * compiled in a resumable scope, and a call to it from a resumable scope runs that body with
 * `yield*`: the thread suspends at the blocking call however deep it is.
 */
import type { Expr, FnItem } from '../../syntax/ast.ts';
import { walk } from '../../syntax/visit.ts';
import { invoke } from '../call.ts';
import type { FnDef, GenCode, Site } from '../defs.ts';
import { env, runaway } from '../env.ts';
import { CTL, Flow, Frame } from '../frame.ts';
import { dropFrame, dropSlot, dropTailTemps } from '../owner.ts';
import type { Value } from '../values.ts';

/** std methods that may block the calling thread (std/thread-block.ts). */
export const BLOCKING_METHODS: ReadonlySet<string> = new Set([
  'join',
  'recv',
  'recv_timeout',
  'send',
  'lock',
  'read',
  'write',
  'wait',
  'wait_while',
  'wait_timeout',
  'wait_timeout_while',
]);

/** std functions that block the calling thread, by their last path segment. */
const BLOCKING_FNS = new Set(['sleep', 'park', 'park_timeout']);

function lastSegment(e: Expr): string | null {
  if (e.kind !== 'PathExpr') return null;
  const segs = e.path.segments;
  return segs[segs.length - 1]?.name ?? null;
}

/**
 * The fns (by name) whose body may block, as far as its syntax tells: it calls a blocking method or
 * std function, loops over something that is not a range, or calls a fn that may block. Closures,
 * async blocks and nested items in the body are their own code and are not looked into.
 */
export function mayBlockFns(items: readonly FnItem[]): Set<FnItem> {
  const calls = new Map<FnItem, Set<string>>();
  const out = new Set<FnItem>();
  for (const item of items) {
    if (item.isAsync || !item.body) continue;
    const callees = new Set<string>();
    let blocks = false;
    walk(item.body, (n) => {
      if (n.kind === 'Closure' || n.kind === 'AsyncBlock' || n.kind === 'ItemStmt') return false;
      if (n.kind === 'MethodCall' && BLOCKING_METHODS.has(n.method)) blocks = true;
      else if (n.kind === 'For' && n.iter.kind !== 'Range') blocks = true;
      else if (n.kind === 'Call') {
        const name = lastSegment(n.callee);
        if (name !== null && BLOCKING_FNS.has(name)) blocks = true;
        else if (name !== null) callees.add(name);
      }
      return undefined;
    });
    if (blocks) out.add(item);
    else calls.set(item, callees);
  }
  // a fn that calls one that may block may block too (to a fixed point)
  for (let grew = true; grew;) {
    grew = false;
    const names = new Set([...out].map((i) => i.name));
    for (const [item, callees] of calls) {
      if ([...callees].some((c) => names.has(c))) {
        out.add(item);
        calls.delete(item);
        grew = true;
      }
    }
  }
  return out;
}

/** A fn's generator body and the frame layout it runs in. */
export interface SuspendingBody {
  readonly nslots: number;
  readonly bind: (f: Frame, args: Value[]) => void;
  readonly body: GenCode;
  readonly dropOrder: number[];
  readonly paramSlots: number[];
}

const suspendingBodies = new WeakMap<FnDef, SuspendingBody>();
/** Fns that get a generator body (known before any body is compiled, so callers can tell). */
const willSuspend = new WeakSet<FnDef>();

export function markMaySuspend(def: FnDef): void {
  willSuspend.add(def);
}

export function maySuspend(def: FnDef): boolean {
  return willSuspend.has(def);
}

export function setSuspendingBody(def: FnDef, b: SuspendingBody): void {
  suspendingBodies.set(def, b);
}

/**
 * Calls `def` from a thread's generator: its generator body runs inside the caller's, so the
 * thread suspends where the callee blocks. Drops as a plain call does: the parameters (newest
 * first) on return, every live slot on unwinding.
 */
export function* callSuspending(def: FnDef, args: Value[], site: Site): Generator<undefined, Value, undefined> {
  const b = suspendingBodies.get(def);
  if (b === undefined) return invoke(def, args, site);
  if (--env.budget < 0) runaway(site.line, site.col);
  const f = new Frame(b.nslots, null);
  f.tys = site.tyArgs;
  b.bind(f, args);
  let r: Value;
  try {
    r = yield* b.body(f);
  } catch (e) {
    dropFrame(f, b.dropOrder);
    throw e;
  }
  if (r === CTL) {
    r = f.rv;
    f.flow = Flow.None;
  }
  const ps = b.paramSlots;
  for (let i = ps.length - 1; i >= 0; i--) dropSlot(f.s[ps[i]], f.s, ps[i]);
  dropTailTemps(f, r);
  return r;
}
