/**
 * Frame ticks for playback, as actors the machine invokes while playing (design.md §7: effects
 * are actors tests replace). Each sends `{ type: 'FRAME', dt }` to its parent.
 *
 * - `clockFrameTicker` schedules through the actor system, so it runs on whatever clock the root
 *   actor was given: xstate's SimulatedClock in tests, real timers otherwise.
 * - `animationFrameTicker` follows the display's frames in a browser.
 */
import { fromCallback } from 'xstate';

export interface FrameEvent {
  readonly type: 'FRAME';
  /** Milliseconds since the previous frame. */
  readonly dt: number;
}

/** A whole number of ms, so simulated clocks add it up exactly (about 60 frames a second). */
export const FRAME_MS = 16;
const TICK_ID = 'playback.frame';

export const clockFrameTicker = fromCallback<{ type: 'tick' }, undefined, FrameEvent>(
  ({ system, self, sendBack, receive }) => {
    const schedule = () => system.scheduler.schedule(self, self, { type: 'tick' }, FRAME_MS, TICK_ID);
    receive(() => {
      sendBack({ type: 'FRAME', dt: FRAME_MS });
      schedule();
    });
    schedule();
    return () => system.scheduler.cancel(self, TICK_ID);
  },
);

/** Frames a tab in the background gets later than this are played as this long. */
const MAX_DT = 100;

export const animationFrameTicker = fromCallback<{ type: 'tick' }, undefined, FrameEvent>(({ sendBack }) => {
  let last: number | undefined;
  let handle = 0;
  const frame = (now: number) => {
    const dt = last === undefined ? FRAME_MS : Math.min(MAX_DT, now - last);
    last = now;
    sendBack({ type: 'FRAME', dt });
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
});
