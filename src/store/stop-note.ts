/**
 * Why playback is standing still where it is, when something other than the learner stopped it
 * (issue 11): a breakpoint, or a "run to next" target. The playback machine decides whether the
 * note still applies (src/flow/stop-note.ts); this file only names it in words.
 */
import type { RunToKind } from './lab-types.ts';

export type StopNote =
  { readonly kind: 'breakpoint'; readonly line: number } | { readonly kind: 'run-to'; readonly of: RunToKind };

const RAN_TO: Record<RunToKind, string> = {
  spawn: 'the next spawn',
  wake: 'the next wake',
  abort: 'the next abort',
  complete: 'the next task to complete',
  panic: 'the next panic',
  cancel: 'the next cancellation',
};

export function stopNoteText(note: StopNote): string {
  return note.kind === 'breakpoint'
    ? `Stopped at the breakpoint on line ${note.line}.`
    : `Stopped: ${RAN_TO[note.of]}.`;
}

export function sameStopNote(a: StopNote | undefined, b: StopNote | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.kind === 'breakpoint' ? b.kind === 'breakpoint' && a.line === b.line : b.kind === 'run-to' && a.of === b.of;
}
