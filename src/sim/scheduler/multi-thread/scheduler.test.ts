import { afterEach, describe, expect, it } from 'vitest';
import { currentContext, resetContextForTests } from '../../context.ts';
import { PENDING, type Context, type Future, type Poll } from '../../future.ts';
import { SimWorld } from '../../runtime/world.ts';
import type { JoinHandle } from '../../task/join-handle.ts';
import { sleep } from '../../time/sleep.ts';
import { MultiThreadScheduler, type MultiThreadConfig } from './scheduler.ts';
import { Output, blockOn, co, dropRuntime, joinAll, once, spawn, yieldNow } from './test-support.ts';

afterEach(() => resetContextForTests());

function setup(
  workers = 1,
  seed = 1,
  extra: Partial<MultiThreadConfig> = {},
): { s: MultiThreadScheduler; out: Output } {
  const world = new SimWorld({ seed, checkRefs: true });
  const s = new MultiThreadScheduler(world, { workers, ...extra });
  return { s, out: new Output(s) };
}

/** print, yield_now, print, yield_now, print (the §6.2 / §13.G yield scenario). */
function yielder(out: Output, name: string): Future<void> {
  return co(function* () {
    out.print(`${name}1`);
    yield yieldNow();
    out.print(`${name}2`);
    yield yieldNow();
    out.print(`${name}3`);
  });
}

/** Runs `root` as a task spawned from block_on, awaits it, then drops the runtime. */
function runRoot(s: MultiThreadScheduler, root: Future<unknown>): void {
  const r = blockOn(
    s,
    co(function* () {
      yield spawn(root, 'root');
    }),
  );
  expect(r.outcome).toBe('done');
  dropRuntime(s);
  expect(s.owned.isEmpty()).toBe(true);
}

/** Root R spawns X, then a chain C1 → C2 → … → Cn (each spawning the next); the order they print. */
function spawnXThenChain({ s, out }: { s: MultiThreadScheduler; out: Output }, n: number): string {
  const chain = (i: number): Future<void> =>
    once(() => {
      out.print(`C${i}`);
      if (i < n) spawn(chain(i + 1)).drop();
    });
  runRoot(
    s,
    once(() => {
      out.print('R');
      spawn(once(() => out.print('X'))).drop();
      spawn(chain(1)).drop();
    }),
  );
  return out.lines.join(' ');
}

describe('multi_thread observable order (§13.G)', () => {
  it('13.G.75 mt(1): three yielding tasks spawned from a task → C1 A1 B1 C2 B2 A2 C3 A3 B3', () => {
    const { s, out } = setup(1);
    runRoot(
      s,
      co(function* () {
        const hs = ['A', 'B', 'C'].map((n) => spawn(yielder(out, n), n));
        yield joinAll(hs);
      }),
    );
    expect(out.lines.join(' ')).toBe('C1 A1 B1 C2 B2 A2 C3 A3 B3');
  });

  it('13.G.76 mt(1): spawn order from inside a task → D A B C (the last spawn sits in the LIFO slot)', () => {
    const { s, out } = setup(1);
    runRoot(
      s,
      co(function* () {
        const hs = ['A', 'B', 'C', 'D'].map((n) =>
          spawn(
            once(() => {
              out.print(n);
            }),
            n,
          ),
        );
        yield joinAll(hs);
      }),
    );
    expect(out.lines.join(' ')).toBe('D A B C');
  });

  it('13.G.77 mt LIFO cap: R spawns X then a chain C1→C2→… → R C1 C2 C3 X C4 C5 C6 C7', () => {
    expect(spawnXThenChain(setup(1), 7)).toBe('R C1 C2 C3 X C4 C5 C6 C7');
  });

  it('disable_lifo_slot: every wake-up goes to the back of the run queue → R X C1 C2 C3 C4', () => {
    expect(spawnXThenChain(setup(1, 1, { disableLifoSlot: true }), 4)).toBe('R X C1 C2 C3 C4');
  });

  it('13.G.80 mt self wake_by_ref inside poll goes to the back of the run queue: B (in the LIFO slot) runs first', () => {
    const { s, out } = setup(1);
    let polls = 0;
    const a: Future<void> = {
      poll(cx: Context): Poll<void> {
        polls++;
        if (polls === 1) {
          spawn(
            once(() => {
              out.print('B');
            }),
          ).drop();
          cx.waker.wakeByRef();
          return PENDING;
        }
        out.print('A1');
        out.print('A2');
        return undefined;
      },
      drop(): void {},
    };
    runRoot(
      s,
      co(function* () {
        yield spawn(a, 'A');
      }),
    );
    expect(out.lines.join(' ')).toBe('B A1 A2');
    expect(polls).toBe(2);
  });

  it('13.G.81 mt(1) timers with one deadline registered D,A,B,C resume C,D,A,B (each fire displaces the LIFO slot)', () => {
    const { s, out } = setup(1);
    const sleeper = (n: string): Future<void> =>
      co(function* () {
        const ctx = currentContext();
        if (ctx === undefined) throw new Error('no context');
        out.print(`${n} sleeps`);
        yield sleep(10_000_000, ctx);
        out.print(n);
      });
    runRoot(
      s,
      co(function* () {
        const hs = ['A', 'B', 'C', 'D'].map((n) => spawn(sleeper(n), n));
        yield joinAll(hs);
      }),
    );
    expect(out.lines.join(' ')).toBe('D sleeps A sleeps B sleeps C sleeps C D A B');
    expect(s.clock.now()).toBe(10_000_000);
  });

  it('13.G.78 coop: the 129th ready operation is the first after another ready task ran (budget shared with the LIFO chain)', () => {
    const { s, out } = setup(1);
    let done = 0;
    let seenByOther = -1;
    const reader: Future<void> = {
      poll(cx: Context): Poll<void> {
        const coop = currentContext()?.coop;
        if (coop === undefined) throw new Error('no context');
        while (done < 1000) {
          if (!coop.pollProceed(cx)) return PENDING;
          coop.madeProgress();
          done++;
        }
        return undefined;
      },
      drop(): void {},
    };
    runRoot(
      s,
      co(function* () {
        const other = spawn(
          once(() => {
            seenByOther = done;
            out.print('other');
          }),
        );
        const r = spawn(reader);
        yield joinAll([other, r]);
      }),
    );
    expect(seenByOther).toBe(128);
    expect(done).toBe(1000);
  });
});

describe('multi_thread wake-up routing (§6.3)', () => {
  it('block_on spawns go to the inject queue and a parked worker is notified; worker ids consume task ids first', () => {
    const { s } = setup(2);
    expect(s.workerJobIds).toEqual([1, 2]);
    let h: JoinHandle<number> | undefined;
    const r = blockOn(
      s,
      co(function* () {
        h = spawn(
          once(() => {
            return 7;
          }),
        );
        const v = yield h;
        return v;
      }),
    );
    expect(r.outcome).toBe('done');
    expect(r.value).toEqual({ ok: true, value: 7 });
    expect(h?.id).toBe(3);
    dropRuntime(s);
  });

  it('a main future waiting on nothing is reported as a deadlock, not a hang', () => {
    const { s } = setup(2);
    const r = blockOn(s, { poll: () => PENDING, drop: () => undefined });
    expect(r.outcome).toBe('deadlock');
  });

  it('runtime drop shuts down pending tasks (futures dropped) and drains every queue', () => {
    const { s, out } = setup(2, 3);
    const pending = (n: string): Future<void> => ({ poll: () => PENDING, drop: () => out.print(`drop ${n}`) });
    const r = blockOn(
      s,
      co(function* () {
        for (const n of ['a', 'b', 'c', 'd']) spawn(pending(n)).drop();
        yield yieldNow();
      }),
    );
    expect(r.outcome).toBe('done');
    dropRuntime(s);
    expect([...out.lines].sort()).toEqual(['drop a', 'drop b', 'drop c', 'drop d']);
    expect(s.owned.isEmpty()).toBe(true);
    expect(s.inject.isEmpty()).toBe(true);
    for (const w of s.workers) expect(w.hasTasks()).toBe(false);
  });

  it('spawning after the runtime was dropped gives a JoinHandle that resolves to Cancelled (13.C.36)', () => {
    const { s } = setup(2);
    blockOn(
      s,
      co(function* () {
        yield yieldNow();
      }),
    );
    dropRuntime(s);
    const h = s.spawn(
      once(() => {
        return 1;
      }),
    );
    expect(h.isFinished()).toBe(true);
    const r = h.poll({
      waker: {
        clone: () => {
          throw new Error('x');
        },
        wake() {},
        wakeByRef() {},
        drop() {},
        willWake: () => false,
        target: -1,
      },
    });
    expect(r).not.toBe(PENDING);
    expect(r !== PENDING && !r.ok && r.error.isCancelled()).toBe(true);
  });
});
