/**
 * Versioned records: each key holds JSON that says its format version. Reading upgrades old
 * versions one step at a time, checks the current shape field by field, and reports anything it
 * cannot use as unreadable (never as "nothing saved"), so the caller can set the text aside
 * before anything overwrites it.
 */
export interface RecordSpec<T> {
  readonly key: string;
  /** The format written now. */
  readonly version: number;
  /** The version a stored value says it has; undefined when it is no record of ours at all. */
  versionOf(raw: unknown): number | undefined;
  /** `upgrades[n]` turns a version-n value into a version n+1 value, for each older version. */
  readonly upgrades: Readonly<Record<number, (raw: unknown) => unknown>>;
  /** The current version's value, checked; undefined when it cannot be used. */
  parse(raw: unknown): T | undefined;
  /** The JSON value to store (it carries `version`). */
  encode(value: T): unknown;
}

export type Decoded<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly value: T; readonly upgradedFrom?: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

export function decodeRecord<T>(spec: RecordSpec<T>, text: string | null): Decoded<T> {
  if (text === null) return { kind: 'missing' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'is damaged (it is not readable JSON)' };
  }
  const from = spec.versionOf(raw);
  if (from === undefined || !Number.isSafeInteger(from) || from < 0) {
    return { kind: 'unreadable', reason: 'is in a format Task Lab does not know' };
  }
  if (from > spec.version) {
    return { kind: 'unreadable', reason: `was saved by a newer version of Task Lab (format ${from})` };
  }
  let value = raw;
  for (let v = from; v < spec.version; v++) {
    const up = spec.upgrades[v];
    if (up === undefined) return { kind: 'unreadable', reason: `is in format ${from}, which cannot be upgraded` };
    try {
      value = up(value);
    } catch {
      return { kind: 'unreadable', reason: `is in format ${from} and could not be upgraded` };
    }
  }
  const parsed = spec.parse(value);
  if (parsed === undefined) return { kind: 'unreadable', reason: 'does not have the fields Task Lab expects' };
  return from < spec.version ? { kind: 'ok', value: parsed, upgradedFrom: from } : { kind: 'ok', value: parsed };
}

export function encodeRecord<T>(spec: RecordSpec<T>, value: T): string {
  return JSON.stringify(spec.encode(value));
}

export type Rec = Record<string, unknown>;
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isWhole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;
