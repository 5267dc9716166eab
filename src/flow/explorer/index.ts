/** The explorer in the lab (issue 16): the explore session and the schedule driver. */
export { createExploreSession } from './explore-session.ts';
export type { ExploreSession, ExploreSessionDeps } from './explore-session.ts';
export { createScheduleDriver } from './schedule-driver.ts';
export type { LabHandle, ScheduleDriver } from './schedule-driver.ts';
export { decisionAt, endOfStepAt, firstChoiceIn, indexOfDecision } from './trace-choices.ts';
