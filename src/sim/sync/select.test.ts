import { describe, expect, it } from 'vitest';
import { PENDING, type Future } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { Join, TryJoin } from './join.ts';
import { ALL_DISABLED_PANIC, Select, selectOrPanic } from './select.ts';
import { detachedTask, fn, TestRuntime } from './test-harness.ts';

/** A branch that is Ready with `v` after `pendingPolls` Pending polls; logs polls and drops. */
function branch(name: string, v: unknown, pendingPolls: number, log: string[]): Future<unknown> {
  let n = 0;
  return fn<unknown>(
    () => {
      log.push(`poll ${name}`);
      return n++ < pendingPolls ? PENDING : v;
    },
    () => log.push(`drop ${name}`),
  );
}

describe('select!', () => {
  it('biased polls in order, completes with the first match, drops every branch first', () => {
    const log: string[] = [];
    const s = new Select([branch('a', 1, 1, log), branch('b', 2, 0, log), branch('c', 3, 0, log)], { biased: true });
    const out = s.poll(detachedTask().cx);
    expect(out).toEqual({ kind: 'branch', index: 1, value: 2 });
    expect(log).toEqual(['poll a', 'poll b', 'drop a', 'drop b', 'drop c']);
  });

  it('skips disabled branches and goes on past a non-matching value (which is dropped)', () => {
    const rt = new TestRuntime();
    const log: string[] = [];
    const s = new Select([branch('a', 'x', 0, log), branch('b', 'nope', 0, log), branch('c', 'yes', 0, log)], {
      biased: true,
      enabled: [false, true, true],
      matches: (_i, v) => v !== 'nope',
    });
    const out = rt.within(() => s.poll(detachedTask().cx));
    expect(out).toEqual({ kind: 'branch', index: 2, value: 'yes' });
    expect(rt.droppedValues).toEqual(['nope']);
    expect(log.filter((l) => l.startsWith('poll'))).toEqual(['poll b', 'poll c']);
  });

  it("reports all branches disabled, and select! without else panics with Tokio's message", () => {
    const log: string[] = [];
    const s = new Select([branch('a', 1, 0, log)], { enabled: [false] });
    const out = s.poll(detachedTask().cx);
    expect(out).toEqual({ kind: 'disabled' });
    expect(() => selectOrPanic(out as never)).toThrow(new RustPanic(ALL_DISABLED_PANIC));
    expect(log).toEqual(['drop a']);
  });

  it('draws a fresh random start on every poll unless biased', () => {
    const rt = new TestRuntime();
    const firsts = new Set<string>();
    for (let k = 0; k < 40; k++) {
      const log: string[] = [];
      const s = new Select([branch('a', 1, 0, log), branch('b', 2, 0, log), branch('c', 3, 0, log)]);
      rt.within(() => s.poll(detachedTask().cx));
      firsts.add(log[0]);
    }
    expect([...firsts].sort()).toEqual(['poll a', 'poll b', 'poll c']);
  });

  it('returns Pending without polling when the budget is exhausted', () => {
    const rt = new TestRuntime();
    const log: string[] = [];
    const t = detachedTask();
    const s = new Select([branch('a', 1, 0, log)], { biased: true });
    rt.within(() => {
      rt.coop.enter(0);
      expect(s.poll(t.cx)).toBe(PENDING);
      rt.coop.exit();
    });
    expect(log).toEqual([]);
    expect(t.refs).toBe(1); // deferred
  });
});

describe('join! / try_join!', () => {
  it('rotates the first polled branch on each poll and drops finished branches at once', () => {
    const log: string[] = [];
    const j = new Join([branch('a', 1, 2, log), branch('b', 2, 0, log), branch('c', 3, 2, log)]);
    const t = detachedTask();
    expect(j.poll(t.cx)).toBe(PENDING);
    expect(log).toEqual(['poll a', 'poll b', 'drop b', 'poll c']);
    log.length = 0;
    expect(j.poll(t.cx)).toBe(PENDING);
    expect(log).toEqual(['poll c', 'poll a']);
    log.length = 0;
    expect(j.poll(t.cx)).toEqual([1, 2, 3]);
    expect(log).toEqual(['poll c', 'drop c', 'poll a', 'drop a']);
  });

  it('biased always starts at the first branch', () => {
    const log: string[] = [];
    const j = new Join([branch('a', 1, 1, log), branch('b', 2, 1, log)], { biased: true });
    const t = detachedTask();
    j.poll(t.cx);
    j.poll(t.cx);
    expect(log).toEqual(['poll a', 'poll b', 'poll a', 'drop a', 'poll b', 'drop b']);
  });

  it('try_join returns the first Err at once; the rest are dropped with the join', () => {
    const log: string[] = [];
    const isErr = (v: unknown) => (v as { ok: boolean }).ok === false;
    const j = new TryJoin([branch('a', { ok: true }, 3, log), branch('b', { ok: false, e: 'boom' }, 0, log)], isErr);
    const r = j.poll(detachedTask().cx);
    expect(r).toEqual({ ok: false, index: 1, error: { ok: false, e: 'boom' } });
    j.drop();
    expect(log).toEqual(['poll a', 'poll b', 'drop b', 'drop a']);
  });
});
