/**
 * A slide's cues during playback (lessons/README.md "Cues"): once the slide's run is known each
 * cue with a moment is resolved to a trace index, and moving the playback position across that
 * index fires it. Pure helpers for the lesson machine.
 */
import { findEvent, settledPosition } from '../../lessons/matcher.ts';
import type { Cue } from '../../lessons/types.ts';
import type { SimEvent } from '../../store/index.ts';

export interface CueState {
  readonly cue: Cue;
  /** Trace index of the cue's moment; −1 when it never happens; undefined until the run is known. */
  readonly at: number | undefined;
  /**
   * Event position at which the cue's state is on screen (`settledPosition`): a pause stops here.
   * Undefined until the run is known or when the moment never happens.
   */
  readonly stop?: number;
  readonly fired: boolean;
}

/** Cues before the run: those without a moment apply from the start (and count as fired). */
export function initialCues(cues: readonly Cue[]): CueState[] {
  return cues.map((cue) => ({ cue, at: cue.when === undefined ? 0 : undefined, fired: cue.when === undefined }));
}

export function resolveCues(cues: readonly CueState[], events: readonly SimEvent[]): CueState[] {
  return cues.map((c) => {
    if (c.cue.when === undefined) return c;
    const at = findEvent(events, c.cue.when);
    return at < 0 ? { ...c, at } : { ...c, at, stop: settledPosition(events, at) };
  });
}

/**
 * Moving from `from` to `to` (event positions: `p` events applied): a cue at index i is crossed
 * when its event becomes applied (from ≤ i < to). Moving back re-arms cues not yet applied.
 */
export function crossCues(
  cues: readonly CueState[],
  from: number,
  to: number,
): { readonly cues: CueState[]; readonly fired: CueState[] } {
  const fired: CueState[] = [];
  const next = cues.map((c) => {
    if (c.cue.when === undefined || c.at === undefined || c.at < 0) return c;
    if (to <= c.at) return c.fired ? { ...c, fired: false } : c;
    if (!c.fired && from <= c.at) {
      const f = { ...c, fired: true };
      fired.push(f);
      return f;
    }
    return c.fired ? c : { ...c, fired: true };
  });
  return { cues: next, fired };
}
