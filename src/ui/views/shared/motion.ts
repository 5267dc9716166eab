/**
 * How long a change between two steps animates (design.md §6): 300 ms at 1×, shorter as playback
 * speeds up and longer when it slows, always within 150–400 ms; none under
 * `prefers-reduced-motion`, and none at "max" speed, where steps outrun any animation.
 */
import type { Speed } from '../../../store/index.ts';

export const BASE_MOTION_MS = 300;
export const MIN_MOTION_MS = 150;
export const MAX_MOTION_MS = 400;

export function motionMs(speed: Speed, reducedMotion: boolean): number {
  if (reducedMotion || speed === 'max') return 0;
  return Math.round(Math.min(MAX_MOTION_MS, Math.max(MIN_MOTION_MS, BASE_MOTION_MS / Math.sqrt(speed))));
}
