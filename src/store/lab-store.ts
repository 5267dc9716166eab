/**
 * The lab's state, as a zustand vanilla store built by a factory (design.md §7: one store per
 * lab, no singletons): the program and its run configuration, the run's status and timeline, the
 * playback position and the view state there, breakpoints, selection, open views and speed.
 *
 * The store is a mirror, not a driver: the playback machine (src/flow/playback.ts) decides where
 * the position goes, the runner (src/flow/runner.ts) feeds trace batches in. Runs are numbered;
 * batches from a superseded run are dropped, so a late message from an old worker run cannot
 * corrupt the new timeline.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { DEFAULT_CONFIG, DEFAULT_VIEWS, isSpeed } from './lab-types.ts';
import type { RunConfig, Speed, ViewName } from './lab-types.ts';
import { createLabTimeline } from './lab-timeline.ts';
import type { LabTimeline, LabTimelineOptions, RunEventLog } from './lab-timeline.ts';
import type { WireBatch } from '../worker/protocol.ts';
import type { SimEvent } from '../sim/index.ts';
import type { ViewState } from './view/view-state.ts';
import { SavedLocalsLog } from './saved-locals-log.ts';
import type { StopNote } from './stop-note.ts';
import type { LocalsSnapshot } from './saved-locals-log.ts';

/** Where the program came from; the URL names it by this (src/flow/url-state.ts). */
export type ProgramOrigin =
  | { readonly kind: 'lesson'; readonly lesson: string; readonly slide: number }
  | { readonly kind: 'program'; readonly program: string }
  | { readonly kind: 'scratch' };

export interface ProgramSource {
  readonly source: string;
  readonly origin: ProgramOrigin;
}

export type RunStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly runId: number }
  | { readonly kind: 'done'; readonly runId: number }
  | { readonly kind: 'error'; readonly runId: number; readonly message: string };

/** The playback machine's top-level state, mirrored for the UI. */
export type PlaybackStatus = 'idle' | 'loading' | 'paused' | 'playing' | 'stepping' | 'finished' | 'error';

export interface LabActions {
  setProgram(program: ProgramSource): void;
  setConfig(patch: Partial<RunConfig>): void;
  /** Starts a new run: a fresh timeline at position 0. Returns the run's id. */
  beginRun(): number;
  /**
   * Folds a batch of the run's events, and keeps the saved locals recorded within them; ignored
   * if `runId` is not the current run. `records`: the batch as it came off the wire, kept by a
   * compact event log instead of the event objects (lab-timeline.ts `RunEventLog`).
   */
  appendEvents(
    runId: number,
    batch: readonly SimEvent[],
    locals?: readonly LocalsSnapshot[],
    records?: WireBatch,
  ): void;
  finishRun(runId: number): void;
  failRun(runId: number, message: string): void;
  /** Moves the view to event position `position` (clamped to the trace). */
  seek(position: number): void;
  setPlayback(status: PlaybackStatus): void;
  setStopNote(note: StopNote | undefined): void;
  toggleBreakpoint(line: number): void;
  setBreakpoints(lines: readonly number[]): void;
  selectTask(task: number | undefined): void;
  setOpenViews(views: readonly ViewName[]): void;
  toggleView(view: ViewName): void;
  setSpeed(speed: Speed): void;
}

export interface LabState {
  readonly program: ProgramSource;
  readonly config: RunConfig;
  readonly run: RunStatus;
  /** Mutable: it grows as batches arrive. `eventCount`/`stepCount` change with it. */
  readonly timeline: LabTimeline;
  /** Mutable like the timeline: what suspended tasks held, by task and trace position. */
  readonly savedLocals: SavedLocalsLog;
  readonly eventCount: number;
  readonly stepCount: number;
  /** Event position of the view (0 = before the first event). */
  readonly position: number;
  /** Step position of the view: steps started within the first `position` events. */
  readonly stepPosition: number;
  readonly view: ViewState;
  readonly playback: PlaybackStatus;
  /** Why playback stands still here, while a breakpoint or a run-to target holds it. */
  readonly stopNote: StopNote | undefined;
  /** Source lines, sorted ascending, no duplicates. */
  readonly breakpoints: readonly number[];
  readonly selectedTask: number | undefined;
  readonly openViews: readonly ViewName[];
  readonly speed: Speed;
  readonly actions: LabActions;
}

export type LabStore = StoreApi<LabState>;

export interface LabStoreOptions extends LabTimelineOptions {
  readonly program?: ProgramSource;
  readonly config?: Partial<RunConfig>;
  readonly openViews?: readonly ViewName[];
  readonly speed?: Speed;
}

const EMPTY_PROGRAM: ProgramSource = { source: '', origin: { kind: 'scratch' } };

function normalizeLines(lines: readonly number[]): number[] {
  return [...new Set(lines.filter((l) => Number.isInteger(l) && l > 0))].sort((a, b) => a - b);
}

export function createLabStore(options: LabStoreOptions = {}): LabStore {
  const timelineOptions: LabTimelineOptions = {
    checkpointEvery: options.checkpointEvery,
    maxCheckpoints: options.maxCheckpoints,
    createLog: options.createLog,
  };
  let nextRunId = 1;
  /** The current run's event log, when `createLog` makes one. */
  let runLog: RunEventLog | undefined;

  return createStore<LabState>()((set, get) => {
    const isCurrent = (runId: number): boolean => {
      const run = get().run;
      return run.kind !== 'idle' && run.runId === runId;
    };

    const actions: LabActions = {
      setProgram: (program) => set({ program }),
      setConfig: (patch) => set({ config: { ...get().config, ...patch } }),
      beginRun: () => {
        const runId = nextRunId++;
        runLog = timelineOptions.createLog?.();
        const timeline = createLabTimeline(timelineOptions, runLog);
        set({
          run: { kind: 'running', runId },
          timeline,
          savedLocals: new SavedLocalsLog(),
          eventCount: 0,
          stepCount: 0,
          position: 0,
          stepPosition: 0,
          view: timeline.state,
        });
        return runId;
      },
      appendEvents: (runId, batch, locals, records) => {
        if (!isCurrent(runId) || batch.length === 0) return;
        const { timeline, savedLocals } = get();
        if (locals !== undefined) savedLocals.add(locals);
        if (records !== undefined) runLog?.accept?.(records);
        timeline.append(batch);
        set({ eventCount: timeline.length, stepCount: timeline.stepCount });
      },
      finishRun: (runId) => {
        if (isCurrent(runId)) set({ run: { kind: 'done', runId } });
      },
      failRun: (runId, message) => {
        if (isCurrent(runId)) set({ run: { kind: 'error', runId, message } });
      },
      seek: (position) => {
        const { timeline } = get();
        const view = timeline.seek(position);
        set({ position: timeline.position, stepPosition: timeline.stepAtPosition(timeline.position), view });
      },
      setPlayback: (playback) => set({ playback }),
      setStopNote: (stopNote) => set({ stopNote }),
      toggleBreakpoint: (line) => {
        const lines = get().breakpoints;
        set({ breakpoints: lines.includes(line) ? lines.filter((l) => l !== line) : normalizeLines([...lines, line]) });
      },
      setBreakpoints: (lines) => set({ breakpoints: normalizeLines(lines) }),
      selectTask: (selectedTask) => set({ selectedTask }),
      setOpenViews: (views) => set({ openViews: [...new Set(views)] }),
      toggleView: (view) => {
        const views = get().openViews;
        set({ openViews: views.includes(view) ? views.filter((v) => v !== view) : [...views, view] });
      },
      setSpeed: (speed) => {
        if (isSpeed(speed)) set({ speed });
      },
    };

    const timeline = createLabTimeline(timelineOptions);
    return {
      program: options.program ?? EMPTY_PROGRAM,
      config: { ...DEFAULT_CONFIG, ...options.config },
      run: { kind: 'idle' },
      timeline,
      savedLocals: new SavedLocalsLog(),
      eventCount: 0,
      stepCount: 0,
      position: 0,
      stepPosition: 0,
      view: timeline.state,
      playback: 'idle',
      stopNote: undefined,
      breakpoints: [],
      selectedTask: undefined,
      openViews: options.openViews ?? DEFAULT_VIEWS,
      speed: options.speed ?? 1,
      actions,
    };
  });
}
