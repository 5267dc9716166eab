/**
 * Replay keys: a schedule in a few URL-safe characters. A run is its seed plus the decisions that
 * differ from the seed's own draws (choice.ts: the generator advances even when a choice is
 * forced, so the other decisions come back by themselves). Form: `SEED` or `SEED-D.V-D.V…`, where
 * D is the distance from the previous override's index (the first from −1) and V the option
 * taken, both base 36. Only digits, lower-case letters, '-' and '.' appear: safe in a link as is.
 */

export interface Schedule {
  readonly seed: number;
  /** decision index → option taken. */
  readonly forced: ReadonlyMap<number, number>;
}

export function encodeReplayKey(s: Schedule): string {
  const idx = [...s.forced.keys()].sort((a, b) => a - b);
  let prev = -1;
  let out = String(s.seed);
  for (const i of idx) {
    out += `-${(i - prev).toString(36)}.${(s.forced.get(i) ?? 0).toString(36)}`;
    prev = i;
  }
  return out;
}

export type DecodeResult = { ok: true; schedule: Schedule } | { ok: false; message: string };

const PART = /^([0-9a-z]+)\.([0-9a-z]+)$/;

export function decodeReplayKey(key: string): DecodeResult {
  const parts = key.trim().split('-');
  const seedText = parts[0] ?? '';
  if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText)))
    return { ok: false, message: `a replay key starts with the seed (a whole number), got "${seedText}".` };
  const forced = new Map<number, number>();
  let prev = -1;
  for (const p of parts.slice(1)) {
    const m = PART.exec(p);
    if (m === null) return { ok: false, message: `"${p}" in the replay key is not DISTANCE.OPTION (base 36).` };
    const d = parseInt(m[1] ?? '', 36);
    const v = parseInt(m[2] ?? '', 36);
    if (d < 1) return { ok: false, message: `"${p}" in the replay key has a distance of 0.` };
    prev += d;
    forced.set(prev, v);
  }
  return { ok: true, schedule: { seed: Number(seedText), forced } };
}
