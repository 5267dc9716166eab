import { describe, expect, it } from 'vitest';
import type { WireExploreReport } from '../../worker/protocol.ts';
import { createExploreStore } from './explore-store.ts';

const report = (runs: number): WireExploreReport => ({ strategy: 'pct', runs, groups: [] });

describe('the explore store', () => {
  it('goes idle → exploring → done, ignoring messages of a replaced exploration', () => {
    const s = createExploreStore();
    const a = s.getState().actions;
    a.started(1, 100, 'src');
    a.started(2, 100, 'src');
    a.progressed(1, report(50), 10);
    a.finished(1, report(100), 10);
    expect(s.getState().phase).toMatchObject({ kind: 'exploring', id: 2, report: undefined });
    a.progressed(2, report(40), 80);
    expect(s.getState().phase).toMatchObject({ kind: 'exploring', runsPerSecond: 80 });
    a.finished(2, report(100), 90);
    expect(s.getState().phase).toMatchObject({ kind: 'done', id: 2, source: 'src', cancelled: false });
  });

  it('keeps the groups found so far when cancelled, and goes idle when none were', () => {
    const s = createExploreStore();
    const a = s.getState().actions;
    a.started(1, 100, 'src');
    a.cancelled(1);
    expect(s.getState().phase.kind).toBe('idle');
    a.started(2, 100, 'src');
    a.progressed(2, report(30), 60);
    a.cancelled(2);
    expect(s.getState().phase).toMatchObject({ kind: 'done', cancelled: true, report: { runs: 30 } });
  });

  it('keeps settings in range', () => {
    const s = createExploreStore();
    s.getState().actions.setSettings({ runs: -5, depth: 1e9, preemptions: Number.NaN });
    expect(s.getState().settings).toMatchObject({ runs: 1, depth: 50, preemptions: 2 });
  });
});
