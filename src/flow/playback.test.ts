import { createActor, fromCallback, SimulatedClock } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { createLabTimeline, traceBuilder } from '../store/index.ts';
import type { SimEvent } from '../store/index.ts';
import { MS_PER_STEP_AT_1X } from './playback-motion.ts';
import { DEMO_PROGRAM, PlaybackHarness } from './playback-harness.ts';
import { playbackMachine } from './playback.ts';
import { traceOf } from './playback-trace.ts';
import { FRAME_MS } from './frame-ticker.ts';
import type { FrameEvent } from './frame-ticker.ts';
import type { PlaybackEvent, RunnerInput, RunnerReport } from './playback-types.ts';

/** Step 0 spawns n tasks; step t polls task t once: it reaches line 10, then line 11 or 12. */
function demoTrace(n: number, firstTask = 1): SimEvent[] {
  const b = traceBuilder();
  for (let t = firstTask; t < firstTask + n; t++) b.spawn(t).push('local', t);
  for (let t = firstTask; t < firstTask + n; t++) {
    b.nextStep()
      .at(t * 1_000_000)
      .pop('local', t)
      .state(t, 204, 201)
      .pollStart(t, 10)
      .line(t, 11 + (t % 2))
      .print(`task ${t}\n`, t)
      .output(t, t === 3 ? 'panicked' : 'ok')
      .pollEnd(t, 'ready')
      .state(t, 201, 202);
  }
  return b.build();
}
const POLL_STEP_EVENTS = 8;
/** Position at which step position `s` starts in demoTrace(n). */
const stepStart = (n: number, s: number) => (s === 0 ? 0 : 2 * n + POLL_STEP_EVENTS * (s - 1));

let h: PlaybackHarness;
afterEach(() => h.dispose());

describe('playback machine', () => {
  it('loads: idle → loading → paused once the trace starts streaming', () => {
    h = new PlaybackHarness();
    expect(h.status).toBe('idle');
    h.load();
    expect(h.status).toBe('loading');
    expect(h.requests).toEqual([{ program: DEMO_PROGRAM, config: { flavor: 'current_thread', workers: 1, seed: 1 } }]);
    h.feed(demoTrace(4));
    expect(h.status).toBe('paused');
    expect(h.position).toBe(0);
    expect(h.store.getState().playback).toBe('paused');
  });

  it('steps forward and back by whole steps', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(4)).finish();
    h.send({ type: 'STEP_FORWARD' });
    expect(h.status).toBe('paused');
    expect(h.position).toBe(stepStart(4, 1));
    expect(h.step).toBe(1);
    h.send({ type: 'STEP_FORWARD' }).send({ type: 'STEP_FORWARD' });
    expect(h.position).toBe(stepStart(4, 3));
    expect(h.store.getState().view.console.size).toBe(2);
    h.send({ type: 'STEP_BACK' });
    expect(h.position).toBe(stepStart(4, 2));
    expect(h.store.getState().view.console.size).toBe(1);
    h.send({ type: 'STEP_BACK' }).send({ type: 'STEP_BACK' }).send({ type: 'STEP_BACK' });
    expect(h.position).toBe(0);
  });

  it('steps to the end and finishes; PLAY from finished restarts', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(2)).finish();
    for (let i = 0; i < 3; i++) h.send({ type: 'STEP_FORWARD' });
    expect(h.status).toBe('finished');
    expect(h.context.lastStop).toEqual({ kind: 'end' });
    h.send({ type: 'STEP_FORWARD' });
    expect(h.status).toBe('finished');
    h.send({ type: 'PLAY' });
    expect(h.status).toBe('playing');
    expect(h.position).toBe(0);
  });

  it('plays at speed-scaled steps per frame on the simulated clock', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(20)).finish();
    h.send({ type: 'PLAY' });
    // 64 frames of 16 ms = 1,024 ms: 2.05 steps at 1×, 8.2 at 4×; 127 frames at 0.25× ≈ 1.02.
    h.wait(64 * FRAME_MS);
    expect(h.step).toBe(Math.floor((64 * FRAME_MS) / MS_PER_STEP_AT_1X));
    expect(h.step).toBe(2);
    h.send({ type: 'SET_SPEED', speed: 4 });
    h.wait(64 * FRAME_MS);
    expect(h.step).toBe(10);
    h.send({ type: 'SET_SPEED', speed: 0.25 });
    h.wait(127 * FRAME_MS);
    expect(h.step).toBe(11);
    expect(h.store.getState().speed).toBe(0.25);
    h.send({ type: 'PAUSE' });
    expect(h.status).toBe('paused');
    h.wait(10_000);
    expect(h.step).toBe(11);
    h.send({ type: 'SET_SPEED', speed: 'max' }).send({ type: 'PLAY' });
    h.wait(20);
    expect(h.status).toBe('finished');
    expect(h.position).toBe(h.store.getState().eventCount);
  });

  it('stops playback on a poll that reaches a breakpoint line', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(6)).finish();
    h.send({ type: 'TOGGLE_BREAKPOINT', line: 11 });
    expect(h.store.getState().breakpoints).toEqual([11]);
    h.send({ type: 'SET_SPEED', speed: 'max' }).send({ type: 'PLAY' });
    h.wait(20);
    expect(h.status).toBe('paused');
    // Task 2 is the first whose poll reaches line 11 (line 11 + t % 2).
    expect(h.context.lastStop).toEqual({ kind: 'breakpoint', line: 11, event: stepStart(6, 2) + 3 });
    expect(h.position).toBe(stepStart(6, 2) + 4);
    expect(h.store.getState().view.tasks.get(2)?.line).toBe(11);
    h.send({ type: 'PLAY' });
    h.wait(20);
    expect(h.context.lastStop).toEqual({ kind: 'breakpoint', line: 11, event: stepStart(6, 4) + 3 });
    h.send({ type: 'TOGGLE_BREAKPOINT', line: 11 }).send({ type: 'PLAY' });
    h.wait(20);
    expect(h.status).toBe('finished');
  });

  it('runs to the next event of a kind', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(4)).finish();
    h.send({ type: 'RUN_TO_NEXT', kind: 'spawn' });
    expect(h.position).toBe(1);
    h.send({ type: 'RUN_TO_NEXT', kind: 'spawn' });
    expect(h.position).toBe(3);
    h.send({ type: 'RUN_TO_NEXT', kind: 'panic' });
    expect(h.status).toBe('paused');
    expect(h.context.lastStop).toEqual({ kind: 'run-to', of: 'panic', event: stepStart(4, 3) + 5 });
    expect(h.store.getState().view.tasks.get(3)?.outcome).toBe('panicked');
    h.send({ type: 'RUN_TO_NEXT', kind: 'abort' });
    expect(h.status).toBe('finished');
  });

  it('waits in stepping while the trace is still streaming', () => {
    h = new PlaybackHarness();
    const events = demoTrace(3);
    h.load().feed(events.slice(0, stepStart(3, 1)));
    h.send({ type: 'STEP_FORWARD' });
    expect(h.position).toBe(stepStart(3, 1));
    h.send({ type: 'STEP_FORWARD' });
    expect(h.status).toBe('stepping');
    h.feed(events.slice(stepStart(3, 1), stepStart(3, 2)));
    expect(h.status).toBe('paused');
    expect(h.position).toBe(stepStart(3, 2));

    h.send({ type: 'RUN_TO_NEXT', kind: 'panic' });
    expect(h.status).toBe('stepping');
    h.feed(events.slice(stepStart(3, 2)));
    expect(h.status).toBe('paused');
    expect(h.context.lastStop?.kind).toBe('run-to');

    h.send({ type: 'RUN_TO_NEXT', kind: 'wake' });
    expect(h.status).toBe('stepping');
    h.send({ type: 'PAUSE' });
    expect(h.status).toBe('paused');
    expect(h.context.goal).toBeUndefined();
    h.finish();
    expect(h.status).toBe('finished');
  });

  it('keeps playing while waiting for more of the trace', () => {
    h = new PlaybackHarness();
    const events = demoTrace(3);
    h.load().feed(events.slice(0, stepStart(3, 1)));
    h.send({ type: 'SET_SPEED', speed: 16 }).send({ type: 'PLAY' });
    h.wait(1_000);
    expect(h.status).toBe('playing');
    expect(h.position).toBe(stepStart(3, 1));
    h.feed(events.slice(stepStart(3, 1))).finish();
    h.wait(1_000);
    expect(h.status).toBe('finished');
  });

  it('seeks by event or step, clamps, and leaves finished', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(3)).finish();
    h.send({ type: 'SEEK', to: 2, unit: 'step' });
    expect(h.position).toBe(stepStart(3, 2));
    h.send({ type: 'SEEK', to: 7, unit: 'event' });
    expect(h.position).toBe(7);
    expect(h.store.getState().view.events).toBe(7);
    h.send({ type: 'SEEK', to: 1e9, unit: 'event' });
    expect(h.status).toBe('finished');
    h.send({ type: 'SEEK', to: -4, unit: 'event' });
    expect(h.status).toBe('paused');
    expect(h.position).toBe(0);
    h.send({ type: 'SEEK', to: Number.NaN, unit: 'event' });
    expect(h.position).toBe(0);
    h.send({ type: 'SEEK', to: 2, unit: 'step' }).send({ type: 'PLAY' }).send({ type: 'RESET' });
    expect(h.status).toBe('paused');
    expect(h.position).toBe(0);
  });

  it('a mid-step position steps forward to the end of that step and back to its start', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(3)).finish();
    h.send({ type: 'SEEK', to: stepStart(3, 1) + 3, unit: 'event' });
    h.send({ type: 'STEP_FORWARD' });
    expect(h.position).toBe(stepStart(3, 2));
    h.send({ type: 'SEEK', to: stepStart(3, 1) + 3, unit: 'event' }).send({ type: 'STEP_BACK' });
    expect(h.position).toBe(stepStart(3, 1));
  });

  it('deep links: LOAD with a step stays loading until that step has streamed', () => {
    h = new PlaybackHarness();
    const events = demoTrace(4);
    h.load(3).feed(events.slice(0, stepStart(4, 2)));
    expect(h.status).toBe('loading');
    h.feed(events.slice(stepStart(4, 2), stepStart(4, 4)));
    expect(h.status).toBe('paused');
    expect(h.position).toBe(stepStart(4, 3));
    expect(h.step).toBe(3);
  });

  it('a deep link past the end of a finished run lands at the end', () => {
    h = new PlaybackHarness();
    h.load(99).feed(demoTrace(2));
    expect(h.status).toBe('loading');
    h.finish();
    expect(h.status).toBe('finished');
  });

  it('CHANGE_SEED reruns with the new seed and returns to the same step', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(4)).finish();
    h.send({ type: 'SEEK', to: 2, unit: 'step' });
    h.send({ type: 'CHANGE_SEED', seed: 77 });
    expect(h.stops).toBe(1);
    expect(h.requests[1].config.seed).toBe(77);
    expect(h.store.getState().config.seed).toBe(77);
    expect(h.status).toBe('loading');
    h.feed(demoTrace(4, 10));
    expect(h.status).toBe('paused');
    expect(h.step).toBe(2);
    expect(h.store.getState().view.tasks.get(10)?.lifecycle).toBe('complete');
  });

  it('ignores reports from a superseded run', () => {
    h = new PlaybackHarness();
    h.load().feed(demoTrace(2));
    const before = h.context;
    h.actor.send({ type: 'RUN.PROGRESS', runId: before.runId + 5, length: 999, stepCount: 9 });
    h.actor.send({ type: 'RUN.ERROR', runId: before.runId - 1, message: 'stale' });
    expect(h.context.length).toBe(before.length);
    expect(h.status).toBe('paused');
  });

  it('goes to error on a run error and recovers with a new seed or program', () => {
    h = new PlaybackHarness();
    h.load().fail('parse error at 3:4');
    expect(h.status).toBe('error');
    expect(h.context.error).toBe('parse error at 3:4');
    expect(h.store.getState().run).toMatchObject({ kind: 'error', message: 'parse error at 3:4' });
    h.send({ type: 'CHANGE_SEED', seed: 2 });
    expect(h.status).toBe('loading');
    h.fail('again');
    h.load().feed(demoTrace(1));
    expect(h.status).toBe('paused');
    expect(h.context.error).toBeUndefined();
  });

  it('validates speed and breakpoint values', () => {
    h = new PlaybackHarness();
    h.send({ type: 'SET_SPEED', speed: 3 as unknown as 'max' });
    expect(h.context.speed).toBe(1);
    h.send({ type: 'TOGGLE_BREAKPOINT', line: 9 }).send({ type: 'TOGGLE_BREAKPOINT', line: 2 });
    h.send({ type: 'TOGGLE_BREAKPOINT', line: 0 }).send({ type: 'TOGGLE_BREAKPOINT', line: 1.5 });
    expect(h.context.breakpoints).toEqual([2, 9]);
  });

  it('reports a missing runner as an error', () => {
    const actor = createActor(playbackMachine, {
      input: {
        trace: traceOf(() => ({
          length: 0,
          stepCount: 0,
          positionOfStep: () => 0,
          stepAtPosition: () => 0,
          eventAt: () => undefined,
        })),
      },
      clock: new SimulatedClock(),
    }).start();
    actor.send({ type: 'LOAD', program: DEMO_PROGRAM });
    expect(actor.getSnapshot().value).toBe('error');
    actor.stop();
  });

  it('takes frames from a replaced frame ticker', () => {
    const frames: ((e: FrameEvent) => void)[] = [];
    const manual = fromCallback<{ type: 'tick' }, undefined, FrameEvent>(({ sendBack }) => {
      frames.push(sendBack);
    });
    const timeline = createLabTimeline();
    timeline.append(demoTrace(5));
    const actor = createActor(
      playbackMachine.provide({
        actors: {
          frameTicker: manual,
          runner: fromCallback<PlaybackEvent, RunnerInput, RunnerReport>(({ sendBack, input }) => {
            sendBack({ type: 'RUN.DONE', runId: input.runId, length: timeline.length, stepCount: timeline.stepCount });
          }),
        },
      }),
      { input: { trace: traceOf(() => timeline) }, clock: new SimulatedClock() },
    ).start();
    actor.send({ type: 'LOAD', program: DEMO_PROGRAM });
    actor.send({ type: 'PLAY' });
    expect(frames).toHaveLength(1);
    frames[0]({ type: 'FRAME', dt: MS_PER_STEP_AT_1X * 3 });
    expect(actor.getSnapshot().context.position).toBe(stepStart(5, 3));
    frames[0]({ type: 'FRAME', dt: MS_PER_STEP_AT_1X / 2 });
    frames[0]({ type: 'FRAME', dt: MS_PER_STEP_AT_1X / 2 });
    expect(actor.getSnapshot().context.position).toBe(stepStart(5, 4));
    actor.stop();
  });
});
