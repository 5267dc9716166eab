/**
 * The view derivations (src/store/view/derive-*.ts) on traces of the real simulator, at every
 * position: what the inspector shows must agree with the state word the simulator recorded, the
 * board must hold every task once, and the timeline must only show the past.
 */
import { describe, expect, it } from 'vitest';
import { fanOutProgram, joinSetProgram } from '../../e2e/fixtures/sim-programs.ts';
import type { Trace } from '../../e2e/fixtures/sim-programs.ts';
import { reduceView } from '../../src/store/view/reduce-view.ts';
import { INITIAL_VIEW_STATE, refCountOf } from '../../src/store/view/view-state.ts';
import type { ViewState } from '../../src/store/view/view-state.ts';
import { TraceHistory } from '../../src/store/view/derive-history.ts';
import { deriveBoard } from '../../src/store/view/derive-board.ts';
import { deriveInspector } from '../../src/store/view/derive-inspector.ts';
import { deriveScheduler } from '../../src/store/view/derive-scheduler.ts';
import { deriveTimeline } from '../../src/store/view/derive-timeline.ts';
import { deriveRelations } from '../../src/store/view/derive-relations.ts';

function check(trace: Trace, every = 1): number {
  const history = new TraceHistory();
  history.syncFrom({ length: trace.events.length, eventAt: (i) => trace.events[i] });
  /** The word each task had after the last task.state event before a position, read off the raw trace. */
  const words = new Map<number, number>();
  let view: ViewState = INITIAL_VIEW_STATE;
  let checked = 0;
  for (let p = 0; p <= trace.events.length; p++) {
    if (p > 0) {
      const e = trace.events[p - 1];
      view = reduceView(view, e);
      if (e.type === 'task.state') words.set(e.task, e.after);
    }
    if (p % every !== 0 && p !== trace.events.length) continue;
    checked++;
    const board = deriveBoard(view);
    expect(board.lanes.reduce((n, l) => n + l.tasks.length, 0)).toBe(view.taskCount);
    view.tasks.forEach((t) => {
      const m = deriveInspector(view, history, p, t.id);
      expect(m).toBeDefined();
      if (m === undefined) return;
      const recorded = words.get(t.id) ?? 204;
      expect(m.word).toBe(recorded);
      const bits = m.bits.reduce((w, b) => (b.set ? w | b.mask : w), 0);
      expect(bits).toBe(recorded & 63);
      expect(m.refCount).toBe(refCountOf(recorded));
      if (m.lastTransition !== undefined) expect(m.lastTransition.after).toBe(recorded);
      // Every reference is accounted for by a holder (an UnownedTask counts two, §2.2).
      if (!t.released) expect(m.holders.reduce((n, h) => n + h.refs, 0)).toBe(m.refCount);
    });
    const sched = deriveScheduler(view, history, p);
    const queued = [
      ...sched.inject,
      ...sched.workers.flatMap((w) => [...w.local, ...(w.lifo === undefined ? [] : [w.lifo])]),
    ];
    expect(new Set(queued).size).toBe(queued.length);
    const tl = deriveTimeline(history, p, view.step);
    for (const lane of tl.lanes) for (const s of lane.segments) expect(s.toStep).toBeLessThanOrEqual(tl.toStep);
    for (const a of tl.arrows) expect(a.at).toBeLessThan(p);
    const rel = deriveRelations(history, p);
    for (const s of rel.joinSets) for (const m of s.members) expect(view.tasks.get(m.task)).toBeDefined();
  }
  return checked;
}

describe('derivations on real traces', () => {
  it('current_thread JoinSet program: inspector words match the trace at every position', () => {
    const trace = joinSetProgram();
    expect(trace.stdout).toContain('done');
    expect(check(trace)).toBe(trace.events.length + 1);
  });

  it('multi_thread fan-out: the same, with workers, LIFO slots and stealing', () => {
    const trace = fanOutProgram(60, 3, 7);
    const history = new TraceHistory();
    history.syncFrom({ length: trace.events.length, eventAt: (i) => trace.events[i] });
    expect(history.flavor).toBe('multi_thread');
    expect(history.workers.length).toBeGreaterThan(0);
    expect(check(trace, 29)).toBeGreaterThan(50);
  });
});
