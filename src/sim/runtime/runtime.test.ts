import { describe, expect, it } from 'vitest';
import { asyncBlock, awaitFuture, syncBlock, Gate, pendingForever } from '../bench/futures.ts';
import { currentContext, withContext } from '../context.ts';
import { PENDING } from '../future.ts';
import type { Context, Future } from '../future.ts';
import { blockingSleep } from '../scheduler/blocking/pool.ts';
import { RustPanic } from '../task/panic.ts';
import { yieldNow, hasBudgetRemaining } from '../task/yield-now.ts';
import type { JoinHandle, JoinResult } from '../task/join-handle.ts';
import { sleep } from '../time/sleep.ts';
import { timeout } from '../time/timeout.ts';
import { spawn, spawnBlocking, taskId, tryTaskId, NO_RUNTIME_PANIC } from './free-functions.ts';
import { runScenario, say } from './test-scenario.ts';

const MS = 1_000_000;
const steps = (name: string, n: number): Future<void> =>
  asyncBlock(function* () {
    for (let s = 1; s <= n; s++) {
      say(`${name}${s}`);
      if (s < n) yield* awaitFuture(yieldNow());
    }
  });
function* join<T>(h: JoinHandle<T>): Generator<typeof PENDING, JoinResult<T>, Context> {
  return yield* awaitFuture(h);
}
/** A future that prints when dropped (a Rust `Drop` guard held across an await). */
const guarded = (name: string, body: Future<unknown>): Future<void> =>
  asyncBlock(function* () {
    try {
      yield* awaitFuture(body);
    } finally {
      say(`drop ${name} (try_id=${tryTaskId() ?? 'none'})`);
    }
  });

describe('13.G behaviour observed on 1.48 (current_thread)', () => {
  it('13.G.74 yield order: A1 B1 C1 C2 B2 A2 A3 B3 C3 (deferred wakers LIFO)', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        const hs = ['A', 'B', 'C'].map((n) => spawn(steps(n, 3)));
        for (const h of hs) yield* join(h);
      }),
    );
    expect(out.join(' ')).toBe('A1 B1 C1 C2 B2 A2 A3 B3 C3');
  });

  it('13.G.76 tasks spawned from a task run in spawn order (FIFO)', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        const h = spawn(
          asyncBlock(function* () {
            for (const n of ['A', 'B', 'C', 'D'])
              spawn(
                syncBlock(() => {
                  say(n);
                }),
              );
            yield* awaitFuture(yieldNow());
          }),
        );
        yield* join(h);
        yield* awaitFuture(yieldNow());
      }),
    );
    expect(out).toEqual(['A', 'B', 'C', 'D']);
  });

  it('13.G.79 main spawns A, B then yields: main-before, A, B, main-after', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        spawn(
          syncBlock(() => {
            say('A');
          }),
        );
        spawn(
          syncBlock(() => {
            say('B');
          }),
        );
        say('main-before');
        yield* awaitFuture(yieldNow());
        say('main-after');
      }),
    );
    expect(out).toEqual(['main-before', 'A', 'B', 'main-after']);
  });

  it('13.G.82 abort before the first poll → Cancelled; abort of an idle task; is_finished false right after abort', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        const h = spawn(
          syncBlock(() => {
            say('must not run');
          }),
        );
        h.abort();
        say(`finished after abort: ${h.isFinished()}`);
        const r = yield* join(h);
        say(r.ok ? 'ok' : r.error.display());
        const idle = spawn(pendingForever<void>());
        yield* awaitFuture(yieldNow());
        idle.abort();
        say(`finished after abort: ${idle.isFinished()}`);
        const r2 = yield* join(idle);
        say(r2.ok ? 'ok' : r2.error.display());
      }),
    );
    expect(out).toEqual([
      'finished after abort: false',
      'task 1 was cancelled',
      'finished after abort: false',
      'task 2 was cancelled',
    ]);
  });

  it('13.G.83 a task aborting itself is cancelled at its next await', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        const cell: { h?: JoinHandle<void> } = {};
        cell.h = spawn(
          asyncBlock(function* () {
            cell.h?.abort();
            say('still running after self-abort');
            yield* awaitFuture(yieldNow());
            say('must not print');
          }),
        );
        const r = yield* join(cell.h);
        say(r.ok ? 'ok' : r.error.display());
      }),
    );
    expect(out).toEqual(['still running after self-abort', 'task 1 was cancelled']);
  });

  it('13.G.84 abort after completion → Ok(value)', () => {
    const { outcome } = runScenario(() =>
      asyncBlock(function* () {
        const h = spawn(
          syncBlock(() => {
            return 7;
          }),
        );
        yield* awaitFuture(yieldNow());
        expect(h.isFinished()).toBe(true);
        h.abort();
        return yield* join(h);
      }),
    );
    expect(outcome).toEqual({ kind: 'ready', value: { ok: true, value: 7 } });
  });

  it('13.G.85 abort of a running spawn_blocking job → Ok(value)', () => {
    let slept = false;
    const { outcome } = runScenario(() =>
      asyncBlock(function* () {
        const h = spawnBlocking<number>({
          poll: () => {
            if (!slept) {
              slept = true;
              blockingSleep(5 * MS);
              return PENDING;
            }
            return 7;
          },
          drop: () => undefined,
        });
        yield* awaitFuture(sleep(1 * MS));
        h.abort();
        return yield* join(h);
      }),
    );
    expect(outcome).toEqual({ kind: 'ready', value: { ok: true, value: 7 } });
  });

  it('13.G.88 runtime drop order of 8 pending tasks 1..8 is 4 8 1 5 2 6 3 7, with try_id set in destructors', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        for (let i = 1; i <= 8; i++) spawn(guarded(`${i}`, pendingForever()));
        yield* awaitFuture(yieldNow());
      }),
    );
    expect(out).toEqual([4, 8, 1, 5, 2, 6, 3, 7].map((i) => `drop ${i} (try_id=${i})`));
  });
});

describe('13.D task_abort.rs', () => {
  it('13.D.48 abort from outside the runtime: awaiting gives Cancelled, the future was dropped by then', () => {
    let dropped = false;
    let handle: JoinHandle<void> | undefined;
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        handle = spawn(pendingForever<void>(() => (dropped = true)));
        yield* awaitFuture(yieldNow());
        // "another thread": no runtime context installed while abort() runs
        yield* awaitFuture({ poll: () => (outsideAbort(handle), undefined), drop: () => undefined });
        const r = yield* join(handle);
        say(`${r.ok ? 'ok' : r.error.isCancelled()} dropped=${dropped}`);
      }),
    );
    expect(out).toEqual(['true dropped=true']);
  });

  it('13.D.50 abort then drop the JoinHandle: the captured value is still dropped', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        const h = spawn(guarded('captured', sleep(100_000 * MS)));
        yield* awaitFuture(yieldNow());
        h.abort();
        h.drop();
        yield* awaitFuture(sleep(10 * MS));
        say('after sleep');
      }),
    );
    expect(out).toEqual(['drop captured (try_id=1)', 'after sleep']);
  });

  it('13.D.51/52 abort of a task whose future panics on drop: contained when detached, Panic when awaited', () => {
    const bomb = (): Future<void> =>
      pendingForever<void>(() => {
        throw new RustPanic('drop panic');
      });
    const { outcome } = runScenario(() =>
      asyncBlock(function* () {
        const detached = spawn(bomb());
        const awaited = spawn(bomb());
        yield* awaitFuture(yieldNow());
        detached.abort();
        detached.drop();
        awaited.abort();
        const r = yield* join(awaited);
        return r.ok ? 'ok' : `${r.error.isPanic()} ${r.error.display()}`;
      }),
    );
    expect(outcome).toEqual({ kind: 'ready', value: 'true task 2 panicked with message "drop panic"' });
  });

  it('13.D.53/54 JoinError Display and Debug for string and non-string payloads', () => {
    const { outcome } = runScenario(() =>
      asyncBlock(function* () {
        const a = spawn<void>({
          poll: () => {
            throw new RustPanic('Format-args payload: 1234');
          },
          drop: () => undefined,
        });
        const b = spawn<void>({
          poll: () => {
            throw new RustPanic(undefined, 42);
          },
          drop: () => undefined,
        });
        const ra = yield* join(a);
        const rb = yield* join(b);
        if (ra.ok || rb.ok) throw new Error('expected panics');
        return [
          ra.error.display(),
          rb.error.display(),
          ra.error.debug(),
          rb.error.debug(),
          rb.error.intoPanic().payload,
        ];
      }),
    );
    expect(outcome).toEqual({
      kind: 'ready',
      value: [
        'task 1 panicked with message "Format-args payload: 1234"',
        'task 2 panicked',
        'JoinError::Panic(Id(1), "Format-args payload: 1234", ...)',
        'JoinError::Panic(Id(2), ...)',
        42,
      ],
    });
  });
});

describe('13.A runtime-level task cases', () => {
  it('13.A.13 spawn_during_shutdown: a destructor spawning on the closed runtime gets a task shut down at once', () => {
    let late: JoinHandle<void> | undefined;
    let lateDropped = false;
    const { rt, out } = runScenario(() =>
      asyncBlock(function* () {
        spawn(
          pendingForever<void>(() => {
            late = spawn(pendingForever<void>(() => (lateDropped = true)));
            say('spawned from a destructor');
          }),
        ).drop();
        yield* awaitFuture(yieldNow());
      }),
    );
    expect(out).toEqual(['spawned from a destructor']);
    expect(lateDropped).toBe(true);
    expect(late?.isFinished()).toBe(true);
    expect(rt.core.owned.length).toBe(0);
    expect([...rt.trace.events()].some((e) => e.type === 'task.bind_closed' && e.task === 2)).toBe(true);
  });
});

describe('loom cases that apply to current_thread', () => {
  it('13.C.30 join_output: spawn(async { "hello" }).await → Ok("hello")', () => {
    const { outcome } = runScenario(() =>
      asyncBlock(function* () {
        return yield* join(
          spawn(
            syncBlock(() => {
              return 'hello';
            }),
          ),
        );
      }),
    );
    expect(outcome).toEqual({ kind: 'ready', value: { ok: true, value: 'hello' } });
  });

  it('13.C.31 poll_drop_handle_then_drop: a JoinHandle polled once then dropped leaks nothing', () => {
    const { rt } = runScenario(() =>
      asyncBlock(function* () {
        const h = spawn(
          asyncBlock(function* () {
            yield* awaitFuture(yieldNow());
            return 1;
          }),
        );
        yield* awaitFuture({ poll: (cx) => (h.poll(cx), undefined), drop: () => undefined });
        h.drop();
        yield* awaitFuture(sleep(1 * MS));
        expect(h.taskCell.deallocated).toBe(true);
      }),
    );
    expect(rt.core.owned.length).toBe(0);
  });

  it('13.C.36 join_handle_cancel_on_shutdown: pending task, runtime dropped, spawn through the old handle → both Cancelled', () => {
    const { rt, outcome } = runScenario(
      () =>
        syncBlock(() => {
          return spawn(pendingForever<void>());
        }),
      {},
      true,
    );
    if (outcome.kind !== 'ready') throw new Error('main failed');
    const late = rt.spawn(pendingForever<void>());
    const w = {
      waker: {
        target: -1,
        clone() {
          return this;
        },
        wake() {},
        wakeByRef() {},
        drop() {},
        willWake: () => true,
      },
    };
    for (const h of [outcome.value, late]) {
      const r = h.poll(w);
      expect(r !== PENDING && !r.ok && r.error.isCancelled()).toBe(true);
    }
  });

  it('13.C.37 yield_calls_park_before_scheduling_again: exactly one park between the two polls', () => {
    const { rt } = runScenario(() =>
      asyncBlock(function* () {
        yield* join(spawn(steps('Y', 2)));
      }),
    );
    const evs = [...rt.trace.events()];
    const polls = evs.filter((e) => e.type === 'poll.start' && e.task === 1).map((e) => e.index);
    expect(polls).toHaveLength(2);
    const parks = evs.filter(
      (e) => e.type === 'runtime.park' && e.index > (polls[0] ?? 0) && e.index < (polls[1] ?? 0),
    );
    expect(parks).toHaveLength(1);
  });

  it('13.C.43 blocking_shutdown: jobs spawned right before the runtime drops all run or are dropped', () => {
    let ran = 0;
    let dropped = 0;
    const job = (): Future<void> => ({ poll: () => void ran++, drop: () => void dropped++ });
    runScenario(() =>
      syncBlock(() => {
        spawnBlocking(job()).drop();
        spawnBlocking(job()).drop();
      }),
    );
    expect(ran).toBe(2);
    expect(dropped).toBe(2);
  });

  it('13.C.45 spawn_blocking_when_paused: blocking jobs inhibit auto-advance, the 1 ms timeout does not fire', () => {
    const job = (v: number): Future<number> => {
      let slept = false;
      return { poll: () => (slept ? v : ((slept = true), blockingSleep(50 * MS), PENDING)), drop: () => undefined };
    };
    const { outcome } = runScenario(() =>
      asyncBlock(function* () {
        const r = yield* awaitFuture(
          timeout(
            1 * MS,
            asyncBlock(function* () {
              const a = yield* join(spawnBlocking(job(1)));
              const b = yield* join(spawnBlocking(job(2)));
              return [a, b];
            }),
          ),
        );
        return r;
      }),
    );
    expect(outcome).toEqual({
      kind: 'ready',
      value: {
        ok: true,
        value: [
          { ok: true, value: 1 },
          { ok: true, value: 2 },
        ],
      },
    });
  });
});

describe('§4 walk-throughs on the runtime (task 1, exact words in the trace)', () => {
  const words = (main: () => Future<unknown>): string[] => {
    const { rt } = runScenario(main);
    return [...rt.trace.events()].flatMap((e) =>
      e.type === 'task.state' && e.task === 1 ? [`${e.transition}:${e.after}`] : [],
    );
  };

  it("(a') spawn(..).await: 204 → 220 → 217 → 218 → 202 → 74 → 66 → freed", () => {
    expect(
      words(() =>
        asyncBlock(function* () {
          yield* join(
            spawn(
              syncBlock(() => {
                return 1;
              }),
            ),
          );
        }),
      ),
    ).toEqual([
      'set_join_waker:220',
      'transition_to_running:217',
      'transition_to_complete:218',
      'unset_waker_after_complete:202',
      'transition_to_terminal:74',
      'transition_to_join_handle_dropped:66',
      'ref_dec:2',
    ]);
  });

  it('(c) abort of a task idle on a timer, JoinHandle awaited (W set): 300 → 297 → 233 … with W', () => {
    const w = words(() =>
      asyncBlock(function* () {
        const h = spawn(sleep(1_000_000 * MS));
        yield* awaitFuture(yieldNow());
        h.abort();
        yield* join(h);
      }),
    );
    expect(w).toEqual([
      'transition_to_running:201',
      'ref_inc:265',
      'transition_to_idle:200',
      'transition_to_notified_and_cancel:300',
      'set_join_waker:316',
      'transition_to_running:313',
      'ref_dec:249',
      'transition_to_complete:250',
      'unset_waker_after_complete:234',
      'transition_to_terminal:106',
      'transition_to_join_handle_dropped:98',
      'ref_dec:34',
    ]);
  });

  it('(d)+(f) detached task shut down while idle: 132 → 129 → 64 → 97 → 98 → 34', () => {
    const w = words(() =>
      asyncBlock(function* () {
        spawn(pendingForever()).drop();
        yield* awaitFuture(yieldNow());
      }),
    );
    expect(w).toEqual([
      'drop_join_handle_fast:132',
      'transition_to_running:129',
      'transition_to_idle:64',
      'transition_to_shutdown:97',
      'transition_to_complete:98',
      'transition_to_terminal:34',
    ]);
  });
});

describe('runtime API', () => {
  it('spawn outside a runtime panics with Tokio’s message', () => {
    expect(() => spawn(pendingForever())).toThrow(NO_RUNTIME_PANIC);
  });

  it('task::id panics in the main future (not a task); try_id is None there', () => {
    const { outcome } = runScenario(() =>
      syncBlock(() => {
        return [
          tryTaskId(),
          (() => {
            try {
              return taskId();
            } catch (e) {
              return (e as Error).message;
            }
          })(),
        ];
      }),
    );
    expect(outcome).toEqual({ kind: 'ready', value: [undefined, "Can't get a task id when not inside a task"] });
  });

  it('reports a deadlock instead of hanging', () => {
    const gate = new Gate();
    const { outcome, rt } = runScenario(
      () =>
        asyncBlock(function* () {
          yield* awaitFuture(gate);
        }),
      {},
      false,
    );
    expect(outcome).toEqual({ kind: 'deadlock' });
    expect([...rt.trace.events()].some((e) => e.type === 'runtime.deadlock')).toBe(true);
  });

  it('a panic in the main future ends block_on with the panic', () => {
    const { outcome } = runScenario(() => ({
      poll: () => {
        throw new RustPanic('main boom');
      },
      drop: () => undefined,
    }));
    expect(outcome.kind === 'panicked' && outcome.panic.message).toBe('main boom');
  });

  it('coop: a task awaiting 200 finished JoinHandles runs out of budget after 128', () => {
    const seen: number[] = [];
    runScenario(() =>
      asyncBlock(function* () {
        const hs = Array.from({ length: 200 }, (_, i) =>
          spawn(
            syncBlock(() => {
              return i;
            }),
          ),
        );
        yield* awaitFuture(yieldNow());
        const reader = spawn(
          asyncBlock(function* () {
            for (let i = 0; i < hs.length; i++) {
              const h = hs[i];
              if (h === undefined) break;
              if (!hasBudgetRemaining()) seen.push(i);
              yield* join(h);
            }
          }),
        );
        yield* join(reader);
      }),
    );
    expect(seen[0]).toBe(128);
  });

  it('the same program twice gives the same trace hash; another program a different one', () => {
    const prog = () =>
      asyncBlock(function* () {
        const hs = ['A', 'B'].map((n) => spawn(steps(n, 3)));
        for (const h of hs) yield* join(h);
        yield* awaitFuture(sleep(5 * MS));
      });
    const a = runScenario(prog, { seed: 7 }).rt.trace.hash();
    const b = runScenario(prog, { seed: 7 }).rt.trace.hash();
    const c = runScenario(
      () =>
        asyncBlock(function* () {
          yield* join(spawn(steps('A', 2)));
        }),
      { seed: 7 },
    ).rt.trace.hash();
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

/** Runs `abort()` with no runtime context installed, as another OS thread would. */
function outsideAbort(h: JoinHandle<void> | undefined): void {
  withContext(undefined, () => {
    expect(currentContext()).toBeUndefined();
    h?.abort();
  });
}
