/**
 * What the run-status label may claim (issue 11, "cues that cannot lie"): the worker having
 * computed the whole trace is not the run being over on screen. "✓ run complete" shows only when
 * the position is at the end of a run that finished; a run that stopped (a panic in main, the
 * step limit, a cut-off) says so there; before the first step nothing is claimed at all.
 */
import type { ReportPhase } from '../../flow/worker-bridge/run-report.ts';
import type { RunEnd } from '../../worker/protocol.ts';

const SIGINT_EXIT = 130;

export interface RunStatusInput {
  readonly phase: ReportPhase;
  readonly end: RunEnd | undefined;
  readonly step: number;
  readonly steps: number;
  readonly playing: boolean;
}

export interface RunStatusText {
  /** Machine-readable: what the screen shows now. */
  readonly state: 'none' | 'computing' | 'playing' | 'paused' | 'complete' | 'stopped' | 'compile-error' | 'lost';
  readonly text: string;
}

function atEnd(end: RunEnd): RunStatusText {
  switch (end.kind) {
    case 'finished':
      if (end.exitCode === 0) return { state: 'complete', text: '✓ run complete' };
      // 130 = 128 + SIGINT: a Ctrl-C with no handler installed (src/sim/net/signal.ts)
      if (end.exitCode === SIGINT_EXIT) return { state: 'stopped', text: '■ killed by Ctrl-C: exit code 130' };
      return { state: 'stopped', text: `■ stopped: exit code ${end.exitCode}` };
    case 'failed':
      return { state: 'stopped', text: end.problem.line > 0 ? `■ stopped at line ${end.problem.line}` : '■ stopped' };
    case 'truncated':
      return { state: 'stopped', text: '■ stopped: cut off' };
    case 'stopped':
      return { state: 'stopped', text: '■ stopped by you' };
  }
}

export function runStatusText(s: RunStatusInput): RunStatusText {
  if (s.phase === 'compile-error') return { state: 'compile-error', text: '✕ does not compile' };
  if (s.phase === 'lost') return { state: 'lost', text: '! restarted' };
  if (s.phase === 'idle') return { state: 'none', text: '' };
  if (s.playing) return { state: 'playing', text: '▶ playing' };
  // the learner's own Stop is answered at once, wherever the position is (it is about the run)
  if (s.step === 0 && s.end?.kind === 'stopped') return atEnd(s.end);
  if (s.step === 0) return { state: s.phase === 'running' ? 'computing' : 'none', text: '' };
  if (s.phase === 'ended' && s.end !== undefined && s.step >= s.steps) return atEnd(s.end);
  return { state: 'paused', text: `‖ paused at step ${s.step}` };
}
