/** Text for the controls: virtual time, speeds, and the seed field's parser. */
import { MAX_SEED } from '../../store/index.ts';
import type { Speed } from '../../store/index.ts';

export function formatMs(ns: number): string {
  const ms = ns / 1_000_000;
  return Number.isInteger(ms) ? `${ms} ms` : `${ms.toFixed(3)} ms`;
}

export function speedLabel(s: Speed): string {
  return s === 'max' ? 'fastest' : `${s}×`;
}

/** A whole number from 0 to MAX_SEED, or undefined. */
export function parseSeed(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,16}$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) && n <= MAX_SEED ? n : undefined;
}
