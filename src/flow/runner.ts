/**
 * The runner actor over the lab store: it starts a run (a fresh timeline), feeds every batch the
 * run source produces into the store, and reports progress to the playback machine. The run
 * source is whatever produces trace batches: the worker client in the app, arrays in tests.
 * Contract: each batch holds whole steps (a step's events never straddle two batches).
 */
import { fromCallback } from 'xstate';
import type { LabStore, ProgramSource, RunConfig, SimEvent } from '../store/index.ts';
import type { PlaybackEvent, RunnerInput, RunnerReport } from './playback-types.ts';
import type { WireBatch, WireLocals } from '../worker/protocol.ts';

export interface RunRequest {
  readonly program: ProgramSource;
  readonly config: RunConfig;
}

export interface RunSink {
  /** `locals`: saved locals of tasks that suspended within these events (src/worker/protocol.ts). */
  /** `records`: the same events as packed on the wire, for a compact event log (store `RunEventLog`). */
  batch(events: readonly SimEvent[], locals?: readonly WireLocals[], records?: WireBatch): void;
  done(): void;
  error(message: string): void;
}

export interface RunSource {
  /** Starts producing the run's trace into `sink`; returns a function that stops it. */
  start(request: RunRequest, sink: RunSink): () => void;
  /** The learner stopped the run after `events` events (the source says so in its report). */
  stopped?(events: number): void;
}

export function storeRunner(store: LabStore, source: RunSource) {
  return fromCallback<PlaybackEvent, RunnerInput, RunnerReport>(({ input, sendBack, receive }) => {
    const { actions } = store.getState();
    actions.setProgram(input.program);
    // The whole config: a run without a schedule must not keep the previous run's.
    actions.setConfig({
      ...input.config,
      replayKey: input.config.replayKey,
      ctrlCAfterSteps: input.config.ctrlCAfterSteps,
      faults: input.config.faults,
      faultRate: input.config.faultRate,
    });
    const storeRun = actions.beginRun();
    let open = true;
    const counts = () => {
      const { timeline } = store.getState();
      return { length: timeline.length, stepCount: timeline.stepCount };
    };
    const stop = source.start(
      { program: input.program, config: input.config },
      {
        batch: (events, locals, records) => {
          if (!open) return;
          store.getState().actions.appendEvents(storeRun, events, locals, records);
          sendBack({ type: 'RUN.PROGRESS', runId: input.runId, ...counts() });
        },
        done: () => {
          if (!open) return;
          open = false;
          store.getState().actions.finishRun(storeRun);
          sendBack({ type: 'RUN.DONE', runId: input.runId, ...counts() });
        },
        error: (message) => {
          if (!open) return;
          open = false;
          store.getState().actions.failRun(storeRun, message);
          sendBack({ type: 'RUN.ERROR', runId: input.runId, message });
        },
      },
    );
    // Stop: the run ends where it has got to, and what ran is a finished trace that can be played
    receive((event) => {
      if (event.type !== 'STOP' || !open) return;
      open = false;
      stop();
      source.stopped?.(store.getState().timeline.length);
      store.getState().actions.finishRun(storeRun);
      sendBack({ type: 'RUN.DONE', runId: input.runId, ...counts() });
    });
    return () => {
      open = false;
      stop();
    };
  });
}
