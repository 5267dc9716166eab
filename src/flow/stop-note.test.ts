import { afterEach, describe, expect, it } from 'vitest';
import { stopNoteText, traceBuilder } from '../store/index.ts';
import type { SimEvent } from '../store/index.ts';
import { PlaybackHarness } from './playback-harness.ts';
import { stopNoteOf } from './stop-note.ts';

/** Step 0 spawns three tasks; step t polls task t, which reaches line 10 and then line 20 + t. */
function trace(): SimEvent[] {
  const b = traceBuilder();
  for (let t = 1; t <= 3; t++) b.spawn(t).push('local', t);
  for (let t = 1; t <= 3; t++) {
    b.nextStep()
      .at(t * 1_000_000)
      .pop('local', t)
      .pollStart(t, 10)
      .line(t, 20 + t)
      .output(t, 'ok')
      .pollEnd(t, 'ready');
  }
  return b.build();
}

let h: PlaybackHarness;
afterEach(() => h.dispose());

const note = () => h.store.getState().stopNote;

describe('stop note', () => {
  it('names the breakpoint line while playback is held there, and clears when it moves on', () => {
    h = new PlaybackHarness();
    h.load().feed(trace()).finish();
    h.send({ type: 'TOGGLE_BREAKPOINT', line: 22 });
    expect(note()).toBeUndefined();
    h.send({ type: 'SET_SPEED', speed: 'max' }).send({ type: 'PLAY' });
    h.wait(20);
    expect(h.status).toBe('paused');
    expect(note()).toEqual({ kind: 'breakpoint', line: 22 });
    expect(stopNoteText({ kind: 'breakpoint', line: 22 })).toBe('Stopped at the breakpoint on line 22.');
    h.send({ type: 'STEP_FORWARD' });
    expect(note()).toBeUndefined();
    h.send({ type: 'STEP_BACK' });
    // the position is back, but it is the learner who put it there, not the breakpoint
    expect(note()).toBeUndefined();
  });

  it('says what a run-to stopped on, until playing on', () => {
    h = new PlaybackHarness();
    h.load().feed(trace()).finish();
    h.send({ type: 'RUN_TO_NEXT', kind: 'complete' });
    expect(note()).toEqual({ kind: 'run-to', of: 'complete' });
    expect(stopNoteText({ kind: 'run-to', of: 'complete' })).toBe('Stopped: the next task to complete.');
    h.send({ type: 'PLAY' });
    expect(h.status).toBe('playing');
    expect(note()).toBeUndefined();
  });

  it('is silent after a plain step, a pause and a next-statement stop', () => {
    expect(stopNoteOf({ lastStop: { kind: 'step' }, position: 4 }, 'paused')).toBeUndefined();
    expect(stopNoteOf({ lastStop: { kind: 'pause' }, position: 4 }, 'paused')).toBeUndefined();
    expect(stopNoteOf({ lastStop: { kind: 'statement', line: 3, event: 3 }, position: 4 }, 'paused')).toBeUndefined();
    const bp = { kind: 'breakpoint', line: 3, event: 3 } as const;
    expect(stopNoteOf({ lastStop: bp, position: 4 }, 'paused')).toEqual({ kind: 'breakpoint', line: 3 });
    expect(stopNoteOf({ lastStop: bp, position: 4 }, 'playing')).toBeUndefined();
    expect(stopNoteOf({ lastStop: bp, position: 5 }, 'paused')).toBeUndefined();
  });
});
