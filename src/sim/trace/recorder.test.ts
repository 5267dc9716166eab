import { describe, expect, it } from 'vitest';
import { EventKind } from '../events.ts';
import { TraceRecorder } from './recorder.ts';

describe('TraceRecorder', () => {
  it('stores 16-byte records with step and time per segment, and decodes them', () => {
    const r = new TraceRecorder();
    r.beginStep(1, 0);
    r.emit(EventKind.TaskState, 7, 204, 201, 0);
    r.beginStep(2, 5_000_000);
    r.emit(EventKind.Stdout, 7, r.intern('hello'));
    r.setTime(6_000_000);
    r.emit(EventKind.PollEnd, 7, 1);
    expect(r.length).toBe(3);
    expect(r.decode(0)).toMatchObject({
      type: 'task.state',
      step: 1,
      time: 0,
      before: 204,
      after: 201,
      transition: 'transition_to_running',
    });
    expect(r.decode(1)).toMatchObject({ type: 'stdout', step: 2, time: 5_000_000, text: 'hello' });
    expect(r.decode(2)).toMatchObject({ type: 'poll.end', step: 2, time: 6_000_000, outcome: 'ready' });
    expect([...r.events(1)].map((e) => e.type)).toEqual(['stdout', 'poll.end']);
    expect(r.firstEventOfStep(2)).toBe(1);
    expect(r.firstEventOfStep(3)).toBe(3);
  });

  it('spans chunks without losing records', () => {
    const r = new TraceRecorder();
    const n = 70_000;
    for (let i = 0; i < n; i++) {
      if (i % 1000 === 0) r.beginStep(i / 1000, i);
      r.emit(EventKind.Statement, i, i, i * 2);
    }
    expect(r.length).toBe(n);
    expect(r.raw(65_537)).toMatchObject({ task: 65_537, a: 65_537, b: 131_074, step: 65 });
    let count = 0;
    for (const e of r.raws()) if (e.task === count) count++;
    expect(count).toBe(n);
  });

  it('hash is equal for equal traces and differs when one field differs', () => {
    const make = (x: number): string => {
      const r = new TraceRecorder();
      r.beginStep(1, 0);
      r.emit(EventKind.TaskState, 1, 204, x);
      r.emit(EventKind.Stdout, 1, r.intern('a'));
      return r.hash();
    };
    expect(make(201)).toBe(make(201));
    expect(make(201)).not.toBe(make(202));
  });

  it('lifecycle level drops the chatty kinds; off records nothing', () => {
    const r = new TraceRecorder('lifecycle');
    r.emit(EventKind.QueuePush, 1, 0, 1);
    r.emit(EventKind.TaskState, 1, 204, 201);
    expect(r.length).toBe(1);
    const off = new TraceRecorder('off');
    off.emit(EventKind.TaskState, 1, 204, 201);
    expect(off.length).toBe(0);
  });

  it('usedBytes counts the records and segments written; byteSize the whole chunks allocated', () => {
    const r = new TraceRecorder();
    expect([r.usedBytes, r.length]).toEqual([0, 0]);
    r.beginStep(1, 0);
    r.emit(EventKind.TaskState, 1, 204, 201);
    r.emit(EventKind.PollEnd, 1, 1);
    r.beginStep(2, 1_000_000);
    r.emit(EventKind.PollEnd, 1, 1);
    // 3 records × 16 B + 2 segments × 16 B; a step without events opens no segment.
    r.beginStep(3, 2_000_000);
    expect(r.usedBytes).toBe(3 * 16 + 2 * 16);
    // One 65,536-record chunk is allocated up front: the allocated figure is ~1 MiB.
    expect(r.byteSize).toBeGreaterThanOrEqual(65_536 * 16);
    for (let i = 0; i < 70_000; i++) r.emit(EventKind.PollEnd, 1, 1);
    // The events after step 3 began open its segment: 70,003 records, 3 segments.
    expect(r.usedBytes).toBe(70_003 * 16 + 3 * 16);
    expect(r.byteSize).toBeGreaterThanOrEqual(2 * 65_536 * 16);
  });
});
