import { describe, expect, it } from 'vitest';
import { PENDING, type Future } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { channel, TryRecvError, unboundedChannel } from './mpsc.ts';
import type { Option } from './result.ts';
import { detachedTask, fn, TestRuntime } from './test-harness.ts';

describe('mpsc', () => {
  it('the 129th recv of a ready channel yields to another ready task (§13.G 78)', () => {
    const rt = new TestRuntime();
    const [tx, rx] = unboundedChannel<number>();
    for (let i = 0; i < 1000; i++) tx.send(i);
    tx.drop();
    let received = 0;
    let seenByOther = -1;
    let recv: Future<Option<number>> | null = null;
    rt.spawn(
      fn<number>((cx) => {
        for (;;) {
          recv ??= rx.recv();
          const r = recv.poll(cx);
          if (r === PENDING) return PENDING;
          recv.drop();
          recv = null;
          if (!r.some) return received;
          received++;
        }
      }),
    );
    rt.spawn(fn<void>(() => void (seenByOther = received)));
    rt.run();
    expect(seenByOther).toBe(128);
    expect(received).toBe(1000);
  });

  it('recv returns None once every sender is dropped and the queue is drained', () => {
    const [tx, rx] = unboundedChannel<string>();
    const tx2 = tx.clone();
    const t = detachedTask();
    tx.send('a');
    tx.drop();
    expect(rx.recv().poll(t.cx)).toEqual({ some: true, value: 'a' });
    const pending = rx.recv();
    expect(pending.poll(t.cx)).toBe(PENDING);
    expect(t.refs).toBe(1);
    tx2.drop();
    expect(t.wakes).toBe(1);
    expect(t.refs).toBe(0);
    expect(pending.poll(t.cx)).toEqual({ some: false });
    expect(rx.isClosed()).toBe(true);
    expect(rx.tryRecv()).toEqual({ ok: false, error: TryRecvError.Disconnected });
  });

  it('bounded send waits for capacity, FIFO among blocked senders', () => {
    const [tx, rx] = channel<number>(1);
    const log: number[] = [];
    const a = detachedTask(1, log);
    const b = detachedTask(2, log);
    const t = detachedTask(3);
    expect(tx.trySend(0)).toEqual({ ok: true, value: undefined });
    const full = tx.trySend(9);
    expect(full.ok).toBe(false);
    if (!full.ok)
      expect([full.error.kind, full.error.value, full.error.display()]).toEqual(['full', 9, 'no available capacity']);
    const s1 = tx.send(1);
    const s2 = tx.send(2);
    expect(s1.poll(a.cx)).toBe(PENDING);
    expect(s2.poll(b.cx)).toBe(PENDING);
    expect(rx.recv().poll(t.cx)).toEqual({ some: true, value: 0 });
    expect(log).toEqual([1]);
    expect(s1.poll(a.cx)).toEqual({ ok: true, value: undefined });
    expect(rx.recv().poll(t.cx)).toEqual({ some: true, value: 1 });
    expect(log).toEqual([1, 2]);
    expect(s2.poll(b.cx)).toEqual({ ok: true, value: undefined });
    expect(tx.capacity()).toBe(0);
    expect(tx.maxCapacity()).toBe(1);
    s1.drop();
    s2.drop();
  });

  it('close(): senders fail, queued values remain, then None; closed() resolves', () => {
    const rt = new TestRuntime();
    const [tx, rx] = rt.within(() => channel<string>(4));
    const t = detachedTask();
    tx.trySend('kept');
    const closed = tx.closed();
    expect(closed.poll(t.cx)).toBe(PENDING);
    rx.close();
    expect(t.wakes).toBe(1);
    expect(closed.poll(t.cx)).toBeUndefined();
    expect(tx.isClosed()).toBe(true);
    const s = tx.send('late');
    const sent = s.poll(t.cx);
    expect(sent !== PENDING && !sent.ok && sent.error.value).toBe('late');
    expect(rx.recv().poll(t.cx)).toEqual({ some: true, value: 'kept' });
    expect(rx.recv().poll(t.cx)).toEqual({ some: false });
    closed.drop();
    s.drop();
  });

  it('dropping the receiver drops queued values; a dropped pending send drops its value', () => {
    const rt = new TestRuntime();
    const [tx, rx] = rt.within(() => channel<string>(1));
    const t = detachedTask();
    tx.trySend('queued');
    const s = tx.send('in-flight');
    expect(s.poll(t.cx)).toBe(PENDING);
    s.drop();
    rx.drop();
    expect(rt.droppedValues).toEqual(['in-flight', 'queued']);
    const [utx, urx] = unboundedChannel<number>();
    urx.drop();
    const r = utx.send(5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.display()).toBe('channel closed');
  });

  it('recv_many takes what is there, up to the limit, for one budget unit', () => {
    const rt = new TestRuntime();
    const [tx, rx] = unboundedChannel<number>();
    for (let i = 0; i < 5; i++) tx.send(i);
    const buf: number[] = [];
    const t = detachedTask();
    rt.within(() => {
      rt.coop.enter(10);
      expect(rx.recvMany(buf, 3).poll(t.cx)).toBe(3);
      expect(rx.recvMany(buf, 10).poll(t.cx)).toBe(2);
      expect(rt.coop.value).toBe(8);
      rt.coop.exit();
    });
    expect(buf).toEqual([0, 1, 2, 3, 4]);
    expect(rx.tryRecv()).toEqual({ ok: false, error: TryRecvError.Empty });
    expect(TryRecvError.Empty.display()).toBe('receiving on an empty channel');
  });

  it('reserve gives a permit; an unused permit goes back', () => {
    const [tx, rx] = channel<number>(1);
    const t = detachedTask();
    const r = tx.reserve().poll(t.cx);
    if (r === PENDING || !r.ok) throw new Error('expected a permit');
    expect(tx.capacity()).toBe(0);
    r.value.drop();
    expect(tx.capacity()).toBe(1);
    const r2 = tx.reserve().poll(t.cx);
    if (r2 === PENDING || !r2.ok) throw new Error('expected a permit');
    r2.value.send(4);
    expect(rx.tryRecv()).toEqual({ ok: true, value: 4 });
  });

  it('panics on a zero-capacity channel', () => {
    expect(() => channel(0)).toThrow(new RustPanic('mpsc bounded channel requires buffer > 0'));
  });
});
