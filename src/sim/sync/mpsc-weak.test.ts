import { describe, expect, it } from 'vitest';
import { channel, Sender, unboundedChannel, UnboundedSender } from './mpsc.ts';

describe('mpsc weak senders', () => {
  it('upgrade succeeds while a strong sender lives and does not keep the channel open', () => {
    const [tx, rx] = channel<number>(2);
    const weak = tx.downgrade();
    expect(tx.weakCount()).toBe(1);
    const up = weak.upgrade();
    expect(up).toBeInstanceOf(Sender);
    expect(tx.strongCount()).toBe(2);
    up!.drop();
    tx.drop();
    expect(weak.strongCount()).toBe(0);
    expect(weak.upgrade()).toBeNull();
    expect(rx.tryRecv().ok).toBe(false);
    expect(rx.isClosed()).toBe(true);
    weak.drop();
    rx.drop();
  });

  it('an unbounded weak sender upgrades to an unbounded sender; clones count', () => {
    const [tx, rx] = unboundedChannel<string>();
    const w1 = tx.downgrade();
    const w2 = w1.clone();
    expect(w2.weakCount()).toBe(2);
    const up = w2.upgrade() as UnboundedSender<string>;
    expect(up).toBeInstanceOf(UnboundedSender);
    expect(up.send('x').ok).toBe(true);
    w1.drop();
    w1.drop();
    expect(tx.weakCount()).toBe(1);
    const r = rx.tryRecv();
    expect(r.ok && r.value).toBe('x');
    up.drop();
    tx.drop();
    w2.drop();
    rx.drop();
  });
});
