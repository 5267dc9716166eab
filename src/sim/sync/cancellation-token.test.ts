import { describe, expect, it } from 'vitest';
import { EventKind } from '../events.ts';
import { PENDING, type Future } from '../future.ts';
import { CancellationToken } from './cancellation-token.ts';
import { detachedTask, fn, TestRuntime } from './test-harness.ts';

/** Polls `cancelled()` once with a fresh counting task; returns [future, task]. */
function waitOn(token: CancellationToken, id = 1, log: number[] | null = null) {
  const t = detachedTask(id, log);
  const f = token.cancelled();
  return { f, t, first: f.poll(t.cx) };
}

describe('CancellationToken (§13.F)', () => {
  it('66 cancel_child_token_through_parent: both waiters woken', () => {
    const parent = CancellationToken.new();
    const child = parent.childToken();
    const a = waitOn(child, 1);
    const b = waitOn(parent, 2);
    expect([a.first, b.first]).toEqual([PENDING, PENDING]);
    parent.cancel();
    expect(a.t.wakes + b.t.wakes).toBe(2);
    expect([parent.isCancelled(), child.isCancelled()]).toEqual([true, true]);
    expect(a.f.poll(a.t.cx)).toBeUndefined();
    expect(b.f.poll(b.t.cx)).toBeUndefined();
  });

  it('67 cancel_grandchild_token_through_parent_if_child_was_dropped', () => {
    const parent = CancellationToken.new();
    const child = parent.childToken();
    const grandchild = child.childToken();
    child.drop();
    const a = waitOn(grandchild, 1);
    const b = waitOn(parent, 2);
    parent.cancel();
    expect(a.t.wakes + b.t.wakes).toBe(2);
    expect(grandchild.isCancelled()).toBe(true);
  });

  it('68 cancel_child_token_without_parent: only the child wakes', () => {
    const parent = CancellationToken.new();
    const child = parent.childToken();
    const a = waitOn(child, 1);
    const b = waitOn(parent, 2);
    child.cancel();
    expect([a.t.wakes, b.t.wakes]).toEqual([1, 0]);
    expect(parent.isCancelled()).toBe(false);
    const child2 = parent.childToken();
    const c = waitOn(child2, 3);
    parent.cancel();
    expect(a.t.wakes + b.t.wakes + c.t.wakes).toBe(3);
  });

  it('69 create_child_token_after_parent_was_cancelled: born cancelled, Ready with 0 wakes', () => {
    const parent = CancellationToken.new();
    parent.cancel();
    const child = parent.childToken();
    expect(child.isCancelled()).toBe(true);
    const a = waitOn(parent, 1);
    const b = waitOn(child, 2);
    expect([a.first, b.first]).toEqual([undefined, undefined]);
    expect(a.t.wakes + b.t.wakes + a.t.refs + b.t.refs).toBe(0);
  });

  it('70 drop_multiple_child_tokens: dropping children never cancels the parent', () => {
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ]) {
      const parent = CancellationToken.new();
      const kids = [parent.childToken(), parent.childToken(), parent.childToken()];
      for (const i of order) kids[i].drop();
      expect(parent.isCancelled()).toBe(false);
      expect(parent.node.children).toHaveLength(0);
    }
  });

  it('71 cancel_only_all_descendants: a middle node cancels exactly its subtree', () => {
    const parent = CancellationToken.new();
    const token = parent.childToken();
    const sibling = parent.childToken();
    const child1 = token.childToken();
    const child2 = token.childToken();
    const gc1 = child1.childToken();
    const gc2 = child2.childToken();
    const ggc = gc1.childToken();
    const ts = [token, child1, child2, gc1, gc2, ggc].map((t, i) => waitOn(t, i + 1));
    const others = [parent, sibling].map((t, i) => waitOn(t, 10 + i));
    token.cancel();
    expect(ts.reduce((n, w) => n + w.t.wakes, 0)).toBe(6);
    expect(others.map((w) => w.t.wakes)).toEqual([0, 0]);
    expect([parent.isCancelled(), sibling.isCancelled()]).toEqual([false, false]);
    expect([token, child1, child2, gc1, gc2, ggc].every((t) => t.isCancelled())).toBe(true);
  });

  it('72 drop_parent_before_child_tokens: children stay uncancelled roots', () => {
    const parent = CancellationToken.new();
    const a = parent.childToken();
    const b = parent.childToken();
    parent.drop();
    expect([a.isCancelled(), b.isCancelled()]).toEqual([false, false]);
    expect(a.node.parent).toBeNull();
    a.cancel();
    expect(b.isCancelled()).toBe(false);
  });

  it('73 run_until_cancelled: None on cancel, Some(42) on completion, never polled when born cancelled', () => {
    const token = CancellationToken.new();
    const t = detachedTask();
    let polls = 0;
    let dropped = 0;
    const pending: Future<number> = fn<number>(
      () => (polls++, PENDING),
      () => dropped++,
    );
    const r1 = token.runUntilCancelled(pending);
    expect(r1.poll(t.cx)).toBe(PENDING);
    token.cancel();
    expect(t.wakes).toBe(1);
    expect(r1.poll(t.cx)).toEqual({ some: false });
    r1.drop();
    expect(dropped).toBe(1);

    const fresh = CancellationToken.new();
    const r2 = fresh.runUntilCancelled(fn<number>(() => 42));
    expect(r2.poll(t.cx)).toEqual({ some: true, value: 42 });
    r2.drop();

    polls = 0;
    const r3 = token.runUntilCancelled(
      fn<number>(
        () => (polls++, 7),
        () => dropped++,
      ),
    );
    expect(r3.poll(t.cx)).toEqual({ some: false });
    expect(polls).toBe(0);
    r3.drop();
    expect(dropped).toBe(2);
  });

  it('cancels in the order B, A1, A, A2a, A2, R (§11)', () => {
    const rt = new TestRuntime();
    const R = CancellationToken.new(rt);
    const A = R.childToken();
    const B = R.childToken();
    const A1 = A.childToken();
    const A2 = A.childToken();
    const A2a = A2.childToken();
    const log: number[] = [];
    const names = new Map<number, string>();
    [R, A, B, A1, A2, A2a].forEach((tok, i) => {
      names.set(i + 1, ['R', 'A', 'B', 'A1', 'A2', 'A2a'][i]);
      waitOn(tok, i + 1, log);
    });
    R.cancel();
    expect(log.map((id) => names.get(id))).toEqual(['B', 'A1', 'A', 'A2a', 'A2', 'R']);
    const cancelled = rt.trace.ofKind(EventKind.TokenCancel).map((e) => e[2]);
    expect(cancelled).toEqual([B, A1, A, A2a, A2, R].map((t) => t.node.id));
  });

  it('clone shares the node; drop of the last handle re-parents children to the grandparent', () => {
    const root = CancellationToken.new();
    const mid = root.childToken();
    const midClone = mid.clone();
    const leaf = mid.childToken();
    expect(mid.node.numHandles).toBe(2);
    mid.drop();
    expect(leaf.node.parent).toBe(mid.node);
    midClone.drop();
    expect(leaf.node.parent).toBe(root.node);
    expect(root.node.children).toEqual([leaf.node]);
    expect(leaf.node.parentIdx).toBe(0);
    root.cancel();
    expect(leaf.isCancelled()).toBe(true);
  });

  it('a cancel between cancelled() and its first poll is not missed', () => {
    const token = CancellationToken.new();
    const f = token.cancelled();
    token.cancel();
    expect(f.poll(detachedTask().cx)).toBeUndefined();
  });

  it('drop guards cancel unless disarmed; DropGuardRef borrows', () => {
    const a = CancellationToken.new();
    const keep = a.clone();
    a.dropGuard().drop();
    expect(keep.isCancelled()).toBe(true);
    expect(keep.node.numHandles).toBe(1);

    const b = CancellationToken.new();
    const bClone = b.clone();
    const back = b.dropGuard().disarm();
    expect(back.isCancelled()).toBe(false);
    back.drop();
    expect(bClone.node.numHandles).toBe(1);

    const c = CancellationToken.new();
    const g = c.dropGuardRef();
    g.disarm();
    g.drop();
    expect(c.isCancelled()).toBe(false);
    c.dropGuardRef().drop();
    expect(c.isCancelled()).toBe(true);
  });

  it('cancelled_owned holds a handle until dropped', () => {
    const token = CancellationToken.new();
    const f = token.clone().cancelledOwned();
    expect(token.node.numHandles).toBe(2);
    f.drop();
    expect(token.node.numHandles).toBe(1);
  });
});
