/** The challenge checkers (pure): the shared engine, Day 6's pool, Day 7's echo server. */
export * from './schedule.ts';
export { findFailureTable, injectSchedule, type FoundTable, type Injected } from './inject.ts';
export { readPoolTrace, stepLinkOf, NS_PER_MS, type Connection, type PoolTrace, type TaskLife } from './pool-trace.ts';
export { checkPoolTrace, type PoolVerdict, type Violation, type ViolationKind } from './invariants.ts';
export { describeViolation, VIOLATION_TITLES } from './describe.ts';
export {
  checkChallenge,
  programForSeed,
  type ChallengeReport,
  type ChallengeRun,
  type ChallengeRunner,
  type CheckOptions,
  type SeedFinding,
  type SeedReport,
} from './check-challenge.ts';
export {
  runChallenge,
  type ChallengeDef,
  type CheckedSeed,
  type CheckReport,
  type Judgement,
  type ExploredReport,
  type Located,
  type Prepared,
  type ScheduleSearch,
} from './checker.ts';
export { CHECKERS, type ChallengeChecker } from './kinds.ts';
