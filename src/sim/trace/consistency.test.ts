import { afterEach, describe, expect, it } from 'vitest';
import { resetContextForTests } from '../context.ts';
import { EventKind, QueueId } from '../events.ts';
import type { SimEvent } from '../events.ts';
import { runWorkload } from '../runtime/test-workloads.ts';
import { INITIAL_STATE, REF_ONE } from '../task/state.ts';
import { checkTrace } from './consistency.ts';
import { TraceRecorder } from './recorder.ts';

afterEach(() => resetContextForTests());

const CONFIGS = [
  { flavor: 'current_thread', workers: 1, seed: 1 },
  { flavor: 'multi_thread', workers: 1, seed: 1 },
  { flavor: 'multi_thread', workers: 2, seed: 7 },
  { flavor: 'multi_thread', workers: 3, seed: 1 },
  { flavor: 'multi_thread', workers: 4, seed: 42 },
  { flavor: 'multi_thread', workers: 8, seed: 3 },
] as const;

function typesOf(events: Iterable<SimEvent>): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of events) m.set(e.type, (m.get(e.type) ?? 0) + 1);
  return m;
}

describe('trace consistency on real runs (both flavors through createRuntime)', () => {
  it.each(CONFIGS)('$flavor × $workers workers, seed $seed: holders add up, every Notified is tracked', (config) => {
    const rt = runWorkload({ ...config, checkRefs: true });
    const c = checkTrace(rt.trace.events());
    expect(c.violations.slice(0, 5)).toEqual([]);
    // After the runtime's drop no Notified is left in any queue and every task was freed.
    expect([...c.queued()]).toEqual([]);
    expect([...c.holders.keys()]).toEqual([]);
  });

  it('the multi_thread runs exercise stealing, overflow and the LIFO cap, each traced per task', () => {
    const seen = new Map<string, number>();
    for (const config of CONFIGS.filter((k) => k.flavor === 'multi_thread' && k.workers > 1)) {
      for (const [k, v] of typesOf(runWorkload(config).trace.events())) seen.set(k, (seen.get(k) ?? 0) + v);
    }
    expect(seen.get('worker.steal')).toBeGreaterThan(0);
    expect(seen.get('queue.overflow')).toBeGreaterThan(0);
    expect(seen.get('worker.lifo_capped')).toBeGreaterThan(0);
    expect(seen.get('unknown')).toBeUndefined();
  });

  it('a steal is followed by one pop from the victim per stolen task and a push to the thief for all but the last', () => {
    const rt = runWorkload({ flavor: 'multi_thread', workers: 4, seed: 42 });
    const events = [...rt.trace.events()];
    const steals = events.filter((e): e is Extract<SimEvent, { type: 'worker.steal' }> => e.type === 'worker.steal');
    expect(steals.length).toBeGreaterThan(0);
    for (const s of steals) {
      const moves = events.slice(s.index + 1, s.index + 1 + 2 * s.count - 1);
      const pops = moves.filter((e) => e.type === 'queue.pop');
      const pushes = moves.filter((e) => e.type === 'queue.push');
      expect(pops.every((e) => e.type === 'queue.pop' && e.queue === 'local' && e.worker === s.victim)).toBe(true);
      expect(pushes.every((e) => e.type === 'queue.push' && e.queue === 'local' && e.worker === s.thief)).toBe(true);
      expect([pops.length, pushes.length]).toEqual([s.count, s.count - 1]);
      expect(pops[pops.length - 1]?.task).toBe(s.task);
    }
  });

  it('an overflow takes 128 tasks out of the local queue before 129 enter the inject queue', () => {
    const rt = runWorkload({ flavor: 'multi_thread', workers: 1, seed: 1 });
    const events = [...rt.trace.events()];
    const o = events.find((e) => e.type === 'queue.overflow');
    expect(o).toMatchObject({ moved: 129 });
    const after = events.slice((o?.index ?? 0) + 1, (o?.index ?? 0) + 1 + 128 + 129);
    expect(after.slice(0, 128).every((e) => e.type === 'queue.pop' && e.queue === 'local')).toBe(true);
    expect(after.slice(128).every((e) => e.type === 'queue.push' && e.queue === 'inject')).toBe(true);
  });

  it('on multi_thread every task poll names the worker whose turn it is; on current_thread none', () => {
    const mt = [...runWorkload({ flavor: 'multi_thread', workers: 3, seed: 5 }).trace.events()];
    const polls = mt.filter((e) => e.type === 'poll.start' && e.task !== 0);
    expect(polls.length).toBeGreaterThan(300);
    // Only the blocking job is polled off the workers (on a pool thread, before and after its sleep).
    const blocking = mt.filter((e) => e.type === 'task.spawned' && e.blocking).map((e) => e.task);
    const offWorker = polls.filter((e) => e.type === 'poll.start' && e.worker === undefined);
    expect(blocking.length).toBe(1);
    expect(offWorker.map((e) => e.task)).toEqual([blocking[0], blocking[0]]);
    const ct = [...runWorkload({ flavor: 'current_thread', seed: 5 }).trace.events()];
    expect(ct.some((e) => e.type === 'poll.start' && e.worker !== undefined)).toBe(false);
  });
});

describe('the checks fail on inconsistent traces', () => {
  function trace(build: (r: TraceRecorder) => void): SimEvent[] {
    const r = new TraceRecorder();
    r.beginStep(1, 0);
    build(r);
    return [...r.events()];
  }

  it('holders counted twice (the three initial holders re-added after task.spawned)', () => {
    const c = checkTrace(
      trace((r) => {
        r.emit(EventKind.TaskSpawned, 1, 0, 0, 0);
        // owned+, notified+, join_handle+ packed as task.state used to carry them on multi_thread
        const packed = (1 << 8) | (2 << 4) | 3;
        r.emit(EventKind.TaskState, 1, INITIAL_STATE, (INITIAL_STATE & ~4) | 1, 0 | (packed << 8));
      }),
    );
    expect(c.violations.map((v) => v.message)).toEqual([expect.stringMatching(/task 1: holders .* ≠ ref count 3/)]);
  });

  it('a task moved between queues without a pop, popped from the wrong queue, polled while queued', () => {
    const c = checkTrace(
      trace((r) => {
        r.emit(EventKind.TaskSpawned, 1, 0, 0, 0);
        r.emit(EventKind.QueuePush, 1, QueueId.Local, 1, 0);
        r.emit(EventKind.QueuePush, 1, QueueId.Local, 1, 1); // stolen without a pop from worker 0
        r.emit(EventKind.PollStart, 1, 0, 0, 0);
        r.emit(EventKind.QueuePop, 1, QueueId.Inject, 0, 0);
      }),
    );
    expect(c.violations.map((v) => v.message)).toEqual([
      'task 1 pushed to local:1 while queued in local:0',
      'task 1 polled while queued in local:1',
      'task 1 popped from inject, but is in local:1',
    ]);
  });

  it('a wrong queue position and a poll on a worker whose turn it is not', () => {
    const c = checkTrace(
      trace((r) => {
        r.emit(EventKind.TaskSpawned, 1, 0, 0, 0);
        r.emit(EventKind.QueuePush, 1, QueueId.Inject, 2, 0);
        r.emit(EventKind.WorkerTurn, 0, 1, 0);
        r.emit(EventKind.QueuePop, 1, QueueId.Inject, 0, 1);
        r.emit(EventKind.PollStart, 1, 0, 0, 1);
        r.emit(EventKind.TaskState, 1, INITIAL_STATE, INITIAL_STATE - REF_ONE, 0);
      }),
    );
    expect(c.violations.map((v) => v.message)).toEqual([
      'push to inject: position 2, fold says 1',
      "task 1 polled by worker 0 during worker 1's turn",
      expect.stringMatching(/≠ ref count 2/),
    ]);
  });
});
