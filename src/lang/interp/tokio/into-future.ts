/**
 * `IntoFuture` for `.await`, `spawn` and the combinators: interpreter futures pass through; a value
 * of a user type that implements `Future` is adapted (see hand-futures.ts); anything else is a
 * checker miss.
 */
import { RFuture } from '../async.ts';
import type { Site } from '../defs.ts';
import type { Value } from '../values.ts';
import { typeFault } from '../type-fault.ts';
import { liveJoinHandle, RJoinHandle } from './task.ts';

type Adapter = (v: Value, owned: boolean) => RFuture | null;
let adapter: Adapter = () => null;

/** Installed by hand-futures.ts (kept apart to avoid an import cycle). */
export function setFutureAdapter(a: Adapter): void {
  adapter = a;
}

/** `v` as a future: an interpreter future, or a user `impl Future` value (owned: dropped with it). */
export function adaptFuture(v: Value, owned: boolean): RFuture | null {
  return v instanceof RFuture ? v : adapter(v, owned);
}

export function intoFuture(v: Value, site: Site, owned = true): RFuture {
  if (v instanceof RJoinHandle) return liveJoinHandle(site, v);
  const f = adaptFuture(v, owned);
  if (f !== null) return f;
  return typeFault(site, 'this value is not a future, so it cannot be `.await`ed', 'E0277');
}
