import { describe, expect, it } from 'vitest';
import { runStatusText } from './run-status.ts';
import type { RunStatusInput } from './run-status.ts';

const done: RunStatusInput = {
  phase: 'ended',
  end: { kind: 'finished', exitCode: 0 },
  step: 17,
  steps: 17,
  playing: false,
};

describe('runStatusText', () => {
  it('claims a complete run only at the end of a finished run', () => {
    expect(runStatusText(done)).toEqual({ state: 'complete', text: '✓ run complete' });
    expect(runStatusText({ ...done, step: 16 }).state).toBe('paused');
    expect(runStatusText({ ...done, step: 16 }).text).not.toMatch(/complete/);
  });
  it('says nothing at step 0, even when the trace is computed', () => {
    expect(runStatusText({ ...done, step: 0 })).toEqual({ state: 'none', text: '' });
    expect(runStatusText({ ...done, phase: 'running', end: undefined, step: 0 }).text).toBe('');
  });
  it('says stopped, not complete, at the end of a run that stopped', () => {
    const failed = { kind: 'failed', problem: { line: 12, col: 5, message: 'panicked' } } as const;
    expect(runStatusText({ ...done, end: failed })).toEqual({ state: 'stopped', text: '■ stopped at line 12' });
    expect(runStatusText({ ...done, end: { kind: 'truncated', events: 9 } }).state).toBe('stopped');
    expect(runStatusText({ ...done, end: { kind: 'finished', exitCode: 1 } }).text).toMatch(/stopped/);
  });
  it("answers the learner's Stop at step 0 and at the end, and says paused in between", () => {
    const stopped = { ...done, end: { kind: 'stopped', events: 500 } } as const;
    expect(runStatusText({ ...stopped, step: 0 })).toEqual({ state: 'stopped', text: '■ stopped by you' });
    expect(runStatusText(stopped)).toEqual({ state: 'stopped', text: '■ stopped by you' });
    expect(runStatusText({ ...stopped, step: 16 }).state).toBe('paused');
  });
  it('names compile errors and a lost worker whatever the position', () => {
    expect(runStatusText({ ...done, phase: 'compile-error' }).text).toMatch(/does not compile/);
    expect(runStatusText({ ...done, phase: 'lost', step: 3 }).text).toMatch(/restarted/);
  });
  it('says playing while it plays', () => {
    expect(runStatusText({ ...done, step: 4, playing: true }).state).toBe('playing');
  });
});
