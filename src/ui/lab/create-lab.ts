/**
 * Builds one lab (design.md §2): the lab store, the run report, the worker client, and the
 * playback machine driving them, wired the way the app runs them. React components receive the
 * result through LabProvider and never build any of it themselves.
 */
import { createActor } from 'xstate';
import {
  animationFrameTicker,
  bindPlaybackToStore,
  ctrlCCommand,
  playbackMachine,
  storeRunner,
  traceOfStore,
} from '../../flow/index.ts';
import type { PlaybackActor, PlaybackCommand } from '../../flow/index.ts';
import { createRunReportStore } from '../../flow/worker-bridge/run-report.ts';
import type { RunReportStore } from '../../flow/worker-bridge/run-report.ts';
import { workerRunSource } from '../../flow/worker-bridge/worker-run-source.ts';
import { createLabStore } from '../../store/index.ts';
import type { LabStore, ProgramSource, RunConfig } from '../../store/index.ts';
import { SimWorkerClient } from '../../worker/client.ts';
import { WireLog } from '../../worker/wire-log.ts';
import type { WorkerFactory } from '../../worker/client.ts';
import { createExploreSession, createScheduleDriver } from '../../flow/explorer/index.ts';
import type { ExploreSession, ScheduleDriver } from '../../flow/explorer/index.ts';
import { createExploreStore, createScheduleStore } from '../../store/explorer/index.ts';
import type { ExploreStore, ScheduleStore } from '../../store/explorer/index.ts';
import { ExploreClient } from '../../worker/explore-client.ts';
import { browserTimers, createSimWorker } from '../../worker/client.ts';
import { createUiStore } from './ui-store.ts';

import type { UiStore } from './ui-store.ts';

export interface Lab {
  readonly store: LabStore;
  readonly report: RunReportStore;
  readonly ui: UiStore;
  /** The explore panel's state, and the schedule on show (issue 16). */
  readonly explore: ExploreStore;
  readonly schedule: ScheduleStore;
  /** Explores the lab's program (works while connected). */
  readonly explorer: ExploreSession;
  /** Picks and opened groups (works while connected). */
  readonly driver: Pick<ScheduleDriver, 'pick' | 'open'>;
  /**
   * Starts the worker and the playback machine; returns the function that stops both. A lab may
   * be connected again after that (React's strict mode mounts, unmounts and mounts again).
   */
  connect(): () => void;
  /** Sends a command to the playback machine (ignored while not connected). */
  send(command: PlaybackCommand): void;
  /** Runs `source` (the editor's text) as the program, keeping the run configuration. */
  run(source: string, config?: RunConfig, step?: number): void;
  /** Presses Ctrl-C right after the step on show: the run is replayed with the press and plays on. */
  ctrlC(): void;
}

export interface LabOptions {
  readonly source: string;
  readonly config?: RunConfig;
  readonly workerFactory?: WorkerFactory;
}

export function createLab(options: LabOptions): Lab {
  const program: ProgramSource = { source: options.source, origin: { kind: 'scratch' } };
  // Each run keeps its events as the worker's packed records (a million-event run: ≈28 MB, not ≈300).
  const store = createLabStore({ program, config: options.config, createLog: () => new WireLog() });
  const report = createRunReportStore();
  const ui = createUiStore(options.source);
  const explore = createExploreStore();
  const schedule = createScheduleStore();
  let actor: PlaybackActor | undefined;
  let session: ExploreSession | undefined;
  let driver: ScheduleDriver | undefined;
  const send = (command: PlaybackCommand) => actor?.send(command);
  const run: Lab['run'] = (source, config, step) => {
    ui.getState().setDraft(source);
    // The presses belong to the run they were made in, not to a program run afresh.
    const keep = config ?? { ...store.getState().config, ctrlCAfterSteps: undefined };
    send({
      type: 'LOAD',
      program: { source, origin: store.getState().program.origin },
      config: keep,
      step,
    });
  };
  return {
    store,
    report,
    ui,
    explore,
    schedule,
    explorer: {
      start: (source, config) => session?.start(source, config),
      cancel: () => session?.cancel(),
      dispose: () => session?.dispose(),
    },
    driver: {
      pick: (option) => driver?.pick(option),
      open: (source, key, decision, mainTaken) => driver?.open(source, key, decision, mainTaken),
    },
    connect: () => {
      const client = new SimWorkerClient(options.workerFactory);
      const machine = playbackMachine.provide({
        actors: { runner: storeRunner(store, workerRunSource(client, report)), frameTicker: animationFrameTicker },
      });
      const s = store.getState();
      const a = createActor(machine, { input: { trace: traceOfStore(store), config: s.config, speed: s.speed } });
      const unbind = bindPlaybackToStore(a, store);
      a.start();
      actor = a;
      const factory = options.workerFactory ?? createSimWorker;
      const x = createExploreSession(explore, {
        client: new ExploreClient(factory, browserTimers),
        now: () => performance.now(),
      });
      const d = createScheduleDriver({ store, send, run }, schedule);
      session = x;
      driver = d;
      return () => {
        if (actor === a) actor = undefined;
        if (session === x) session = undefined;
        if (driver === d) driver = undefined;
        x.dispose();
        d.dispose();
        unbind();
        a.stop();
        client.dispose();
      };
    },
    send,
    run,
    ctrlC: () => {
      const command = ctrlCCommand(store.getState());
      if (command !== undefined) send(command);
    },
  };
}
