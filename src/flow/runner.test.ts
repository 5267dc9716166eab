import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createLabStore, traceBuilder } from '../store/index.ts';
import { bindPlaybackToStore, playbackStatusOf } from './bind-store.ts';
import { DEMO_PROGRAM } from './playback-harness.ts';
import { playbackMachine } from './playback.ts';
import { traceOfStore } from './playback-trace.ts';
import { storeRunner } from './runner.ts';
import type { RunSink, RunSource } from './runner.ts';

const batch = traceBuilder().spawn(1).push('inject', 1).nextStep().pop('inject', 1).pollStart(1, 2).build();

function setup() {
  const store = createLabStore();
  const sinks: RunSink[] = [];
  let stopped = 0;
  const source: RunSource = {
    start: (_request, sink) => {
      sinks.push(sink);
      return () => {
        stopped++;
      };
    },
  };
  const actor = createActor(playbackMachine.provide({ actors: { runner: storeRunner(store, source) } }), {
    input: { trace: traceOfStore(store) },
    clock: new SimulatedClock(),
  });
  return { store, sinks, actor, stopped: () => stopped };
}

describe('storeRunner', () => {
  it('starts a fresh store run per session and ignores a stopped run', () => {
    const { store, sinks, actor, stopped } = setup();
    actor.start();
    actor.send({ type: 'LOAD', program: DEMO_PROGRAM, config: { flavor: 'multi_thread', workers: 2, seed: 4 } });
    expect(store.getState().program).toBe(DEMO_PROGRAM);
    expect(store.getState().config).toEqual({ flavor: 'multi_thread', workers: 2, seed: 4 });
    sinks[0].batch(batch);
    expect(store.getState().eventCount).toBe(batch.length);

    actor.send({ type: 'LOAD', program: DEMO_PROGRAM });
    expect(stopped()).toBe(1);
    sinks[0].batch(batch);
    sinks[0].done();
    expect(store.getState().eventCount).toBe(0);
    expect(store.getState().run.kind).toBe('running');

    sinks[1].batch(batch);
    sinks[1].done();
    sinks[1].error('after done');
    expect(store.getState().run.kind).toBe('done');
    expect(actor.getSnapshot().value).toEqual({ session: 'paused' });
    actor.stop();
    expect(stopped()).toBe(2);
  });
});

describe('STOP', () => {
  it('ends the run where it got to: the source is stopped, the store run is done, what ran stays', () => {
    const { store, sinks, actor, stopped } = setup();
    actor.start();
    actor.send({ type: 'LOAD', program: DEMO_PROGRAM });
    sinks[0].batch(batch);
    actor.send({ type: 'STOP' });
    expect(stopped()).toBe(1);
    expect(store.getState().run.kind).toBe('done');
    expect(store.getState().eventCount).toBe(batch.length);
    // later batches of the stopped run are ignored, and a second STOP does nothing
    sinks[0].batch(batch);
    actor.send({ type: 'STOP' });
    expect(store.getState().eventCount).toBe(batch.length);
    expect(stopped()).toBe(1);
    expect(actor.getSnapshot().value).toEqual({ session: 'paused' });
    actor.stop();
  });
});

describe('bindPlaybackToStore', () => {
  it('mirrors status, position, speed and breakpoints until unbound', () => {
    const { store, sinks, actor } = setup();
    const unbind = bindPlaybackToStore(actor, store);
    actor.start();
    expect(store.getState().playback).toBe('idle');
    actor.send({ type: 'LOAD', program: DEMO_PROGRAM });
    expect(store.getState().playback).toBe('loading');
    sinks[0].batch(batch);
    sinks[0].done();
    actor.send({ type: 'STEP_FORWARD' });
    expect(playbackStatusOf(actor.getSnapshot())).toBe('paused');
    expect(store.getState().position).toBe(2);
    expect(store.getState().view.tasks.get(1)?.queue).toBe('inject');
    actor.send({ type: 'SET_SPEED', speed: 8 });
    actor.send({ type: 'TOGGLE_BREAKPOINT', line: 2 });
    expect(store.getState().speed).toBe(8);
    expect(store.getState().breakpoints).toEqual([2]);

    unbind();
    actor.send({ type: 'STEP_FORWARD' });
    expect(actor.getSnapshot().context.position).toBe(batch.length);
    expect(store.getState().position).toBe(2);
    actor.stop();
  });
});
