/**
 * Schedules for the page (issue 16): the replay keys of src/explore/key.ts, and the one edit the
 * lab makes to a schedule — "at decision d take option k" — which keeps the decisions before d,
 * forgets the ones after (they belonged to another future) and lets the seed draw those anew.
 */
import { decodeReplayKey, encodeReplayKey } from '../explore/key.ts';
import type { DecodeResult } from '../explore/key.ts';

export { decodeReplayKey, encodeReplayKey };
export type { DecodeResult };

/** The schedule of `replayKey` (or of the bare seed) with decision `decision` forced to `option`. */
export function scheduleWithPick(
  replayKey: string | undefined,
  seed: number,
  decision: number,
  option: number,
): string {
  const decoded = replayKey === undefined ? undefined : decodeReplayKey(replayKey);
  const base = decoded?.ok === true ? decoded.schedule : { seed, forced: new Map<number, number>() };
  const forced = new Map([...base.forced].filter(([i]) => i < decision));
  forced.set(decision, option);
  return encodeReplayKey({ seed: base.seed, forced });
}

/** The seed a replay key starts with (undefined for a malformed key). */
export function seedOfKey(replayKey: string): number | undefined {
  const d = decodeReplayKey(replayKey);
  return d.ok ? d.schedule.seed : undefined;
}
