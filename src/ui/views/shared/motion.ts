/**
 * How long a change between two steps animates (design.md §6): 300 ms at 1×, shorter as playback
 * speeds up and longer when it slows, always within 150–400 ms; none under
 * `prefers-reduced-motion`, and none at "max" speed, where steps outrun any animation.
 */
import type { Speed } from '../../../store/index.ts';
import type { ViewInput } from './view-input.ts';

export const BASE_MOTION_MS = 300;
export const MIN_MOTION_MS = 150;
export const MAX_MOTION_MS = 400;

export function motionMs(speed: Speed, reducedMotion: boolean): number {
  if (reducedMotion || speed === 'max') return 0;
  return Math.round(Math.min(MAX_MOTION_MS, Math.max(MIN_MOTION_MS, BASE_MOTION_MS / Math.sqrt(speed))));
}

/**
 * Events a change may span and still animate when it spans more than one step: a seek across the
 * run is a jump, drawn at once. Animating it would start a fade or a glide on every token that
 * changed (hundreds with 10,000 tasks), each writing attributes on every frame of its motion.
 */
export const MAX_ANIMATED_EVENTS = 64;

/** How long the change from `prev` to `input` animates: a step or a few events move, a jump does not. */
export function changeMotionMs(input: ViewInput, prev: ViewInput | undefined): number {
  if (prev === undefined) return 0;
  const steps = Math.abs(input.view.step - prev.view.step);
  const events = Math.abs(input.position - prev.position);
  return steps <= 1 || events <= MAX_ANIMATED_EVENTS ? input.motionMs : 0;
}
