/** The schedule explorer's public entry (issue 16): engine, strategies, replay keys. */
export { Explorer, explore, replay, runOnce } from './explore.ts';
export type { ChoiceAt, ExploreOptions, ExploreReport, OutcomeGroup, RunConfig, Strategy } from './explore.ts';
export { decodeReplayKey, encodeReplayKey } from './key.ts';
export type { DecodeResult, Schedule } from './key.ts';
export { outcomeOf } from './outcome.ts';
export type { Outcome, OutcomeStatus } from './outcome.ts';
export { DfsSearch } from './dfs.ts';
export { PctChooser } from './pct.ts';
