/**
 * `tokio::time::Instant` helpers (tokio-facts.md §9). An Instant is the clock's reading in ns
 * since the runtime's origin; durations are ns too. Under a paused clock `now` is frozen.
 */
import type { Nanos, SimContext } from '../contracts.ts';
import { FAR_FUTURE_OFFSET } from './clock.ts';
import { requireContext } from './driver.ts';

export type Instant = Nanos;

/** `Instant::now()`. */
export function instantNow(ctx?: SimContext): Instant {
  return requireContext(ctx).time.clock.now();
}

/** `Instant::elapsed()`: saturating at zero, like `saturating_duration_since(now)`. */
export function elapsedSince(instant: Instant, ctx?: SimContext): Nanos {
  return saturatingDurationSince(instantNow(ctx), instant);
}

/** `duration_since` / `saturating_duration_since` (Tokio's never panics, it saturates). */
export function saturatingDurationSince(later: Instant, earlier: Instant): Nanos {
  return later > earlier ? later - earlier : 0;
}

/** `checked_duration_since`: undefined when `earlier` is later. */
export function checkedDurationSince(later: Instant, earlier: Instant): Nanos | undefined {
  return later >= earlier ? later - earlier : undefined;
}

/** `Instant::far_future()`: roughly 30 years from now. */
export function farFuture(ctx?: SimContext): Instant {
  return instantNow(ctx) + FAR_FUTURE_OFFSET;
}
