/**
 * The lab's Ctrl-C button (issue 17): a press is an input of the run, like a forced choice, so
 * pressing replays the run from the start with the same seed, the same forced choices, the
 * earlier presses and one more right after the step on show (design.md §2: branching from the
 * past is a deterministic replay). The prefix up to that step is the same run, so the view lands
 * where it was and plays on from there.
 */
import type { LabState, RunConfig } from '../store/index.ts';
import type { PlaybackCommand } from './playback-types.ts';

/** The run config with one more press after scheduler step `afterStep`. */
export function withPress(config: RunConfig, afterStep: number): RunConfig {
  const presses = [...(config.ctrlCAfterSteps ?? []), Math.max(0, afterStep)];
  return { ...config, ctrlCAfterSteps: presses };
}

/** The playback command a press sends, or undefined when no run is on show. */
export function ctrlCCommand(s: LabState): Extract<PlaybackCommand, { type: 'LOAD' }> | undefined {
  if (s.run.kind === 'idle') return undefined;
  // The simulator's index of the last step shown: the press arrives right after it.
  const afterStep = Math.max(0, s.view.step);
  return {
    type: 'LOAD',
    program: s.program,
    config: withPress(s.config, afterStep),
    step: s.timeline.stepAtPosition(s.position),
    resume: true,
  };
}
