/** The pool challenge's checker (pure): failure schedules, their injection, the invariants. */
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
