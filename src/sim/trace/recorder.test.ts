import { describe, expect, it } from 'vitest';
import { EventKind } from '../events.ts';
import { TraceRecorder } from './recorder.ts';

describe('TraceRecorder', () => {
  it('stores records with step and time per segment, and decodes them', () => {
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

  it('usedBytes counts the bytes written (varint records, positions, segments, time changes); byteSize the chunks', () => {
    const r = new TraceRecorder();
    expect([r.usedBytes, r.length]).toEqual([0, 0]);
    r.beginStep(1, 0);
    // kind, c = 0, task 1, then 204 and 201 take two varint bytes each: 7 bytes.
    r.emit(EventKind.TaskState, 1, 204, 201);
    // Every field below 128: 5 bytes.
    r.emit(EventKind.PollEnd, 1, 1);
    r.beginStep(2, 1_000_000);
    r.emit(EventKind.PollEnd, 1, 1);
    // A step without events opens no segment.
    r.beginStep(3, 2_000_000);
    // 17 record bytes, 1 block position × 8, 2 segments × 8, 2 time changes × 12.
    expect(r.usedBytes).toBe(17 + 8 + 2 * 8 + 2 * 12);
    expect(r.byteSize).toBeGreaterThanOrEqual(65_536);
    for (let i = 0; i < 70_000; i++) r.emit(EventKind.PollEnd, 1, 1);
    // The events after step 3 began open its segment: 70,003 records in 1,094 blocks, 3 segments.
    expect(r.usedBytes).toBe(17 + 70_000 * 5 + 1_094 * 8 + 3 * 8 + 3 * 12);
    expect(r.byteSize).toBeGreaterThanOrEqual(17 + 70_000 * 5);
    expect([r.raw(70_002).step, r.raw(70_002).time]).toEqual([3, 2_000_000]);
  });

  it('keeps every field as the 32-bit word it was, at any size, across chunks and blocks', () => {
    const r = new TraceRecorder();
    const big = [0, 1, 127, 128, 16_383, 16_384, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 32 - 1];
    const want: { task: number; a: number; b: number; c: number }[] = [];
    for (let i = 0; i < 200_000; i++) {
      if (i % 777 === 0) r.beginStep(i, i % 3 === 0 ? 0 : i * 1000);
      const x = big[i % big.length] ?? 0;
      const y = big[(i * 7) % big.length] ?? 0;
      // A negative task id is stored as its unsigned 32-bit word, as the Uint32Array layout did.
      const task = i % 11 === 0 ? -1 : x;
      r.emit(EventKind.TaskState, task, y, i, i % (1 << 24));
      want.push({ task: task >>> 0, a: y, b: i, c: i % (1 << 24) });
    }
    let i = 0;
    for (const e of r.raws()) {
      expect(e).toMatchObject({ index: i, kind: EventKind.TaskState, ...want[i] });
      i++;
    }
    expect(i).toBe(want.length);
    for (const j of [0, 63, 64, 65, 12_345, 199_999]) {
      expect(r.raw(j)).toMatchObject(want[j] ?? {});
      expect(r.raw(j).step).toBe(Math.floor(j / 777) * 777);
    }
  });
});
