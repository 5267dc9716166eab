/**
 * The stop note the UI may show now: only while playback is paused exactly where a breakpoint or
 * a "run to next" target stopped it. Playing on, stepping, seeking or a new run moves the
 * position or the state, and the note is gone.
 */
import type { PlaybackStatus, StopNote } from '../store/index.ts';
import type { PlaybackContext } from './playback-types.ts';

export function stopNoteOf(
  context: Pick<PlaybackContext, 'lastStop' | 'position'>,
  status: PlaybackStatus,
): StopNote | undefined {
  const stop = context.lastStop;
  if (status !== 'paused' || stop === undefined) return undefined;
  if (stop.kind === 'breakpoint' && context.position === stop.event + 1) return { kind: 'breakpoint', line: stop.line };
  if (stop.kind === 'run-to' && context.position === stop.event + 1) return { kind: 'run-to', of: stop.of };
  return undefined;
}
