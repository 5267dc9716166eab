/** `IntoFuture` for `.await`: interpreter futures pass through; anything else is a checker miss. */
import { RFuture } from '../async.ts';
import type { Site } from '../defs.ts';
import type { Value } from '../values.ts';
import { typeFault } from '../type-fault.ts';
import { liveJoinHandle, RJoinHandle } from './task.ts';

export function intoFuture(v: Value, site: Site): RFuture {
  if (v instanceof RJoinHandle) return liveJoinHandle(site, v);
  if (v instanceof RFuture) return v;
  return typeFault(site, 'this value is not a future, so it cannot be `.await`ed', 'E0277');
}
