/** The explorer's stores (issue 16): the explore panel, and the schedule on show. */
export { createExploreStore, DEFAULT_EXPLORE_SETTINGS, EXPLORE_STRATEGIES, MAX_EXPLORE_RUNS } from './explore-store.ts';
export type { ExplorePhase, ExploreSettings, ExploreState, ExploreStore, ExploreStrategy } from './explore-store.ts';
export { createScheduleStore } from './schedule-store.ts';
export type { PartedMark, PendingPick, ScheduleState, ScheduleStore } from './schedule-store.ts';
