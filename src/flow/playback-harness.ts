/**
 * A headless harness for playback (design.md §7, after tldraw's TestEditor): a lab store, the
 * playback actor on xstate's SimulatedClock, and a run source the test feeds by hand. Nothing
 * here touches real time.
 */
import { createActor, SimulatedClock } from 'xstate';
import type { ProgramSource, SimEvent } from '../store/index.ts';
import { createLabStore } from '../store/index.ts';
import type { LabStore, LabStoreOptions } from '../store/index.ts';
import { FRAME_MS } from './frame-ticker.ts';
import { bindPlaybackToStore, playbackStatusOf } from './bind-store.ts';
import type { PlaybackActor } from './bind-store.ts';
import { playbackMachine } from './playback.ts';
import { traceOfStore } from './playback-trace.ts';
import type { PlaybackCommand, PlaybackContext } from './playback-types.ts';
import { storeRunner } from './runner.ts';
import type { RunRequest, RunSink, RunSource } from './runner.ts';

export const DEMO_PROGRAM: ProgramSource = {
  source: '#[tokio::main]\nasync fn main() {}\n',
  origin: { kind: 'scratch' },
};

export class PlaybackHarness {
  readonly store: LabStore;
  readonly clock = new SimulatedClock();
  readonly actor: PlaybackActor;
  readonly requests: RunRequest[] = [];
  stops = 0;
  private sink: RunSink | undefined;
  private readonly unbind: () => void;

  constructor(options: LabStoreOptions = {}) {
    this.store = createLabStore(options);
    const source: RunSource = {
      start: (request, sink) => {
        this.requests.push(request);
        this.sink = sink;
        return () => {
          this.stops++;
        };
      },
    };
    const machine = playbackMachine.provide({ actors: { runner: storeRunner(this.store, source) } });
    this.actor = createActor(machine, { input: { trace: traceOfStore(this.store) }, clock: this.clock });
    this.unbind = bindPlaybackToStore(this.actor, this.store);
    this.actor.start();
  }

  send(command: PlaybackCommand): this {
    this.actor.send(command);
    return this;
  }

  load(step?: number): this {
    return this.send({ type: 'LOAD', program: DEMO_PROGRAM, step });
  }

  /** Streams one batch from the current run. */
  feed(events: readonly SimEvent[]): this {
    this.requireSink().batch(events);
    return this;
  }

  finish(): this {
    this.requireSink().done();
    return this;
  }

  fail(message: string): this {
    this.requireSink().error(message);
    return this;
  }

  /**
   * Lets `ms` of simulated time pass, one frame at a time: SimulatedClock.increment fires a timer
   * chain only once per call, because a timer set while flushing starts at the new time.
   */
  wait(ms: number): this {
    let left = ms;
    for (; left >= FRAME_MS; left -= FRAME_MS) this.clock.increment(FRAME_MS);
    if (left > 0) this.clock.increment(left);
    return this;
  }

  get status() {
    return playbackStatusOf(this.actor.getSnapshot());
  }
  get context(): PlaybackContext {
    return this.actor.getSnapshot().context;
  }
  get position(): number {
    return this.context.position;
  }
  get step(): number {
    return this.store.getState().stepPosition;
  }

  dispose(): void {
    this.unbind();
    this.actor.stop();
  }

  private requireSink(): RunSink {
    if (this.sink === undefined) throw new Error('no run has started');
    return this.sink;
  }
}
