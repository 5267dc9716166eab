/** `IntoFuture` for `.await`: interpreter futures pass through; anything else is a checker miss. */
import { RFuture } from '../async.ts';
import type { Site } from '../defs.ts';
import { panicAt } from '../panic.ts';
import type { Value } from '../values.ts';

export function intoFuture(v: Value, site: Site): RFuture {
  if (v instanceof RFuture) return v;
  return panicAt(site, 'internal: `.await` on a value that is not a future');
}
