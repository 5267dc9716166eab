/**
 * Each `::challenge{kind=…}` and the program its checker runs for a seed: what a finding's link
 * replays in the lab.
 */
import type { ChallengeKind } from '../types.ts';
import { programForSeed } from './check-challenge.ts';
import type { Prepared } from './checker.ts';
import { echoProgramForSeed } from './echo/index.ts';

export interface ChallengeChecker {
  /** The program the checker runs for `seed`. */
  programFor(source: string, seed: number): Prepared;
}

export const CHECKERS: Readonly<Record<ChallengeKind, ChallengeChecker>> = {
  pool: {
    programFor: (source, seed) => programForSeed(source, seed),
  },
  'echo-server': {
    programFor: (source, seed) => echoProgramForSeed(source, seed),
  },
};
