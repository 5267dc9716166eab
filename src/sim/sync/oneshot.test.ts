import { describe, expect, it } from 'vitest';
import { PENDING } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { oneshot, RECV_ERROR, TryRecvError } from './oneshot.ts';
import { detachedTask, TestRuntime } from './test-harness.ts';

describe('oneshot', () => {
  it('delivers a value and wakes the waiting receiver by ref', () => {
    const [tx, rx] = oneshot<number>();
    const t = detachedTask();
    expect(rx.poll(t.cx)).toBe(PENDING);
    expect(t.refs).toBe(1);
    expect(tx.send(7)).toEqual({ ok: true, value: undefined });
    expect(t.wakes).toBe(1);
    expect(t.refs).toBe(1); // woken by ref; the clone stays until both halves are gone
    expect(rx.poll(t.cx)).toEqual({ ok: true, value: 7 });
    expect(t.refs).toBe(0);
    expect(rx.isTerminated()).toBe(true);
    expect(() => rx.poll(t.cx)).toThrow(new RustPanic('called after complete'));
  });

  it('gives RecvError ("channel closed") when the sender is dropped, waking the receiver', () => {
    const [tx, rx] = oneshot<number>();
    const t = detachedTask();
    rx.poll(t.cx);
    tx.drop();
    expect(t.wakes).toBe(1);
    const r = rx.poll(t.cx);
    expect(r).toEqual({ ok: false, error: RECV_ERROR });
    expect(RECV_ERROR.display()).toBe('channel closed');
  });

  it('send returns the value when the receiver is gone; closed() resolves on receiver drop', () => {
    const rt = new TestRuntime();
    const [tx, rx] = oneshot<string>();
    const t = detachedTask();
    const closed = tx.closed();
    expect(rt.within(() => closed.poll(t.cx))).toBe(PENDING);
    expect(tx.isClosed()).toBe(false);
    rx.drop();
    expect(t.wakes).toBe(1);
    expect(tx.isClosed()).toBe(true);
    expect(rt.within(() => closed.poll(t.cx))).toBeUndefined();
    expect(tx.send('x')).toEqual({ ok: false, error: 'x' });
    expect(t.refs).toBe(0);
  });

  it('try_recv: Empty, then the value, then Closed', () => {
    const [tx, rx] = oneshot<number>();
    expect(rx.tryRecv()).toEqual({ ok: false, error: TryRecvError.Empty });
    expect(TryRecvError.Empty.display()).toBe('channel empty');
    tx.send(3);
    expect(rx.isEmpty()).toBe(false);
    expect(rx.tryRecv()).toEqual({ ok: true, value: 3 });
    expect(rx.tryRecv()).toEqual({ ok: false, error: TryRecvError.Closed });
  });

  it('a receiver dropped with an unread value hands it to the runtime to drop', () => {
    const rt = new TestRuntime();
    const [tx, rx] = rt.within(() => oneshot<string>());
    tx.send('guard');
    rx.drop();
    expect(rt.droppedValues).toEqual(['guard']);
  });

  it('recv takes one coop unit when Ready and yields when the budget is gone', () => {
    const rt = new TestRuntime();
    const [tx, rx] = oneshot<number>();
    tx.send(1);
    const t = detachedTask();
    rt.within(() => {
      rt.coop.enter(0);
      expect(rx.poll(t.cx)).toBe(PENDING);
      rt.coop.exit();
      rt.coop.enter(3);
      expect(rx.poll(t.cx)).toEqual({ ok: true, value: 1 });
      expect(rt.coop.value).toBe(2);
      rt.coop.exit();
    });
  });
});
