/**
 * Module-scope selectors over LabState (design.md §7, after xyflow's store): stable functions so
 * React subscriptions compare cheaply. Every selector returns a value already held in the state
 * (never a fresh array or object), so equality by reference is enough.
 */
import type { LabState } from './lab-store.ts';
import type { TaskView } from './view/view-state.ts';

export const selectActions = (s: LabState) => s.actions;
export const selectProgram = (s: LabState) => s.program;
export const selectSource = (s: LabState) => s.program.source;
export const selectConfig = (s: LabState) => s.config;
export const selectSeed = (s: LabState) => s.config.seed;
export const selectRun = (s: LabState) => s.run;
export const selectTimeline = (s: LabState) => s.timeline;
export const selectSavedLocals = (s: LabState) => s.savedLocals;
export const selectEventCount = (s: LabState) => s.eventCount;
export const selectStepCount = (s: LabState) => s.stepCount;
export const selectPosition = (s: LabState) => s.position;
export const selectStepPosition = (s: LabState) => s.stepPosition;
export const selectPlayback = (s: LabState) => s.playback;
export const selectStopNote = (s: LabState) => s.stopNote;
export const selectBreakpoints = (s: LabState) => s.breakpoints;
export const selectSelectedTaskId = (s: LabState) => s.selectedTask;
export const selectOpenViews = (s: LabState) => s.openViews;
export const selectSpeed = (s: LabState) => s.speed;

export const selectView = (s: LabState) => s.view;
export const selectTasks = (s: LabState) => s.view.tasks;
export const selectIo = (s: LabState) => s.view.io;
export const selectTaskCount = (s: LabState) => s.view.taskCount;
export const selectQueues = (s: LabState) => s.view.queues;
export const selectWorkers = (s: LabState) => s.view.workers;
export const selectTimers = (s: LabState) => s.view.timers;
export const selectConsole = (s: LabState) => s.view.console;
export const selectStdoutTail = (s: LabState) => s.view.stdoutTail;
export const selectStderrTail = (s: LabState) => s.view.stderrTail;
export const selectMain = (s: LabState) => s.view.main;
export const selectVirtualTime = (s: LabState) => s.view.time;

export const selectSelectedTask = (s: LabState): TaskView | undefined =>
  s.selectedTask === undefined ? undefined : s.view.tasks.get(s.selectedTask);

/** True when the view is at the end of everything the run has produced so far. */
export const selectAtEnd = (s: LabState) => s.position === s.eventCount;

export const selectIsBreakpoint = (line: number) => (s: LabState) => s.breakpoints.includes(line);
export const selectTask = (id: number) => (s: LabState) => s.view.tasks.get(id);
