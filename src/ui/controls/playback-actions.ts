/**
 * The playback commands a learner can give, by name, shared by the buttons and the keyboard
 * shortcuts so both always do the same thing.
 */
import type { Lab } from '../lab/create-lab.ts';
import { SPEEDS } from '../../store/index.ts';
import type { PlaybackStatus, RunToKind, Speed } from '../../store/index.ts';

export type PlaybackAction =
  | 'toggle'
  | 'step'
  | 'statement'
  | 'back'
  | 'start'
  | 'end'
  | 'faster'
  | 'slower'
  /** Ctrl-C right after the step on show (issue 17). */
  | 'ctrl-c'
  | { readonly runTo: RunToKind };

/** Whether there is a trace to move through. */
export function canMove(status: PlaybackStatus): boolean {
  return status === 'paused' || status === 'playing' || status === 'stepping' || status === 'finished';
}

export function nextSpeed(speed: Speed, direction: 1 | -1): Speed {
  const i = SPEEDS.indexOf(speed);
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + direction))];
}

export function perform(lab: Lab, action: PlaybackAction): void {
  const s = lab.store.getState();
  if (typeof action === 'object') {
    lab.send({ type: 'RUN_TO_NEXT', kind: action.runTo });
    return;
  }
  switch (action) {
    case 'toggle':
      lab.send({ type: s.playback === 'playing' ? 'PAUSE' : 'PLAY' });
      return;
    case 'step':
      lab.send({ type: 'STEP_FORWARD' });
      return;
    case 'statement':
      lab.send({ type: 'NEXT_STATEMENT' });
      return;
    case 'back':
      lab.send({ type: 'STEP_BACK' });
      return;
    case 'start':
      lab.send({ type: 'RESET' });
      return;
    case 'end':
      lab.send({ type: 'SEEK', to: s.stepCount, unit: 'step' });
      return;
    case 'ctrl-c':
      if (canMove(s.playback)) lab.ctrlC();
      return;
    case 'faster':
    case 'slower':
      lab.send({ type: 'SET_SPEED', speed: nextSpeed(s.speed, action === 'faster' ? 1 : -1) });
      return;
  }
}
