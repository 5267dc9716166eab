/**
 * JoinSet on the real current_thread runtime (tokio-facts.md §10, §13.E). Reference counts are
 * checked after every change (`checkRefs`), so the entry-waker bookkeeping is exercised too.
 */
import { describe, expect, it } from 'vitest';
import { currentContext } from '../context.ts';
import { PENDING, type Future } from '../future.ts';
import { createRuntime } from '../runtime/create.ts';
import { spawn } from '../runtime/free-functions.ts';
import type { Task } from '../task/cell.ts';
import type { JoinResult } from '../task/join-handle.ts';
import { RustPanic } from '../task/panic.ts';
import { yieldNow } from '../task/yield-now.ts';
import { sleep } from '../time/sleep.ts';
import { JoinSet } from './join-set.ts';
import { oneshot } from './oneshot.ts';
import type { Option } from './result.ts';
import { co } from './test-harness.ts';

const MS = 1_000_000;
const S = 1000 * MS;

function run<T>(main: Future<T>): T {
  const rt = createRuntime({ flavor: 'current_thread', startPaused: true, checkRefs: true });
  const v = rt.blockOn(main);
  rt.shutdownNow();
  return v;
}

const pendingForever = <T>(): Future<T> => ({ poll: () => PENDING, drop: () => undefined });
const ready = <T>(v: T): Future<T> => ({ poll: () => v, drop: () => undefined });

/** Joins everything left; returns the results in completion order. */
function* drainSet<T>(set: JoinSet<T>): Generator<Future<unknown>, JoinResult<T>[], unknown> {
  const out: JoinResult<T>[] = [];
  for (;;) {
    const r = (yield set.joinNext()) as Option<JoinResult<T>>;
    if (!r.some) return out;
    out.push(r.value);
  }
}

describe('JoinSet (§13.E)', () => {
  it('55 test_with_sleep: len counts spawns; detach_all empties; all sleepers are joined', () => {
    const lens = run(
      co(function* () {
        const set = new JoinSet<number>();
        const seen: number[] = [];
        for (let i = 0; i < 10; i++) {
          set.spawn(ready(i));
          seen.push(set.len());
        }
        set.detachAll();
        seen.push(set.len());
        const none = (yield set.joinNext()) as Option<unknown>;
        seen.push(none.some ? 1 : 0);
        for (let i = 0; i < 10; i++) {
          set.spawn(
            co(function* () {
              yield sleep(i * S);
              return i;
            }),
          );
        }
        const results = yield* drainSet(set);
        seen.push(results.length, (currentContext()?.time.clock.now() ?? 0) / S);
        set.drop();
        return seen;
      }),
    );
    expect(lens).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 10, 9]);
  });

  it('56 test_abort_on_drop: dropping the set aborts every task (their senders drop)', () => {
    const closed = run(
      co(function* () {
        const set = new JoinSet<void>();
        const rxs = [];
        for (let i = 0; i < 16; i++) {
          const [tx, rx] = oneshot<void>();
          rxs.push(rx);
          set.spawn({ poll: () => PENDING, drop: () => tx.drop() });
        }
        set.drop();
        let errors = 0;
        for (const rx of rxs) {
          const r = (yield rx) as { ok: boolean };
          if (!r.ok) errors++;
        }
        return errors;
      }),
    );
    expect(closed).toBe(16);
  });

  it('57 alternating: with two tasks in flight len stays 1 / 2', () => {
    const lens = run(
      co(function* () {
        const set = new JoinSet<void>();
        const lens: number[] = [];
        set.spawn(ready(undefined));
        set.spawn(ready(undefined));
        for (let i = 0; i < 16; i++) {
          yield set.joinNext();
          lens.push(set.len());
          set.spawn(ready(undefined));
          lens.push(set.len());
        }
        set.drop();
        return lens;
      }),
    );
    expect(lens).toEqual(Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? 1 : 2)));
  });

  it('58 abort_tasks: odd tasks aborted through their AbortHandles', () => {
    const [oks, cancelled] = run(
      co(function* () {
        const set = new JoinSet<number>();
        for (let i = 0; i < 16; i++) {
          const h = set.spawn(
            co(function* () {
              yield sleep(i * S);
              return i;
            }),
          );
          if (i % 2 !== 0) h.abort();
          h.drop();
        }
        const results = yield* drainSet(set);
        set.drop();
        const oks = results.filter((r) => r.ok).map((r) => (r.ok ? r.value : -1));
        return [oks.sort((a, b) => a - b), results.filter((r) => !r.ok && r.error.isCancelled()).length];
      }),
    );
    expect(oks).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(cancelled).toBe(8);
  });

  it('60 join_all: outputs in completion order', () => {
    const v = run(
      co(function* () {
        const set = new JoinSet<number>();
        for (let i = 0; i < 5; i++) set.spawn(ready(1));
        return (yield set.joinAll()) as number[];
      }),
    );
    expect(v).toEqual([1, 1, 1, 1, 1]);
  });

  it('61 task_panics: join_all resumes the panic; the other task is aborted, never sends', () => {
    const out = run(
      co(function* () {
        const [tx, rx] = oneshot<number>();
        const outer = spawn(
          co(function* () {
            const set = new JoinSet<void>();
            // `tx` is moved into A's future: dropping the future drops it.
            const a = co(function* () {
              yield sleep(2 * S);
              tx.send(1);
            });
            set.spawn({ poll: (cx) => a.poll(cx), drop: () => (a.drop(), tx.drop()) });
            set.spawn(
              co(function* () {
                yield sleep(1 * S);
                throw new RustPanic('boom');
              }),
            );
            yield set.joinAll();
          }),
        );
        const r = (yield outer) as JoinResult<void>;
        const got = (yield rx) as { ok: boolean };
        return [r.ok ? 'ok' : r.error.display(), got.ok];
      }),
    );
    expect(out).toEqual(['task 1 panicked with message "boom"', false]);
  });

  it('62 abort_all: len unchanged; pending ones Cancelled, finished ones Ok', () => {
    const out = run(
      co(function* () {
        const set = new JoinSet<number>();
        for (let i = 0; i < 5; i++) set.spawn(pendingForever<number>());
        for (let i = 0; i < 5; i++) {
          set.spawn(
            co(function* () {
              yield sleep(1 * S);
              return i;
            }),
          );
        }
        yield sleep(2 * S);
        set.abortAll();
        const len = set.len();
        const results = yield* drainSet(set);
        const res = [len, results.filter((r) => r.ok).length, results.filter((r) => !r.ok).length, set.len()];
        set.drop();
        return res;
      }),
    );
    expect(out).toEqual([10, 5, 5, 0]);
  });

  it('63 join_set_coop: an exhausted budget makes join_next Pending although tasks finished', () => {
    const out = run(
      co(function* () {
        const set = new JoinSet<void>();
        for (let i = 0; i < 1000; i++) set.spawn(ready(undefined));
        yield yieldNow(); // let them all finish
        let joined = 0;
        let coopYields = 0;
        while (joined < 1000) {
          // `join_next().now_or_never()`: one poll, Pending counts as None.
          const fut = set.joinNext();
          const r = fut.poll({ waker: noopWaker });
          fut.drop();
          if (r === PENDING) {
            coopYields++;
            yield yieldNow();
          } else if (r.some) joined++;
        }
        const empty = (yield set.joinNext()) as Option<unknown>;
        set.drop();
        return [joined, coopYields > 0, empty.some];
      }),
    );
    expect(out).toEqual([1000, true, false]);
  });

  it('64 try_join_next: None while tasks run, then every result, then None', () => {
    const out = run(
      co(function* () {
        const set = new JoinSet<number>();
        const [tx, rx] = oneshot<void>();
        const shared = { rx };
        for (let i = 0; i < 100; i++) {
          set.spawn(
            co(function* () {
              if (i === 0) yield shared.rx;
              else yield sleep(1 * S);
              return i;
            }),
          );
        }
        yield yieldNow();
        const before = set.tryJoinNext().some;
        tx.send(undefined);
        yield sleep(2 * S);
        let n = 0;
        for (let r = set.tryJoinNext(); r.some; r = set.tryJoinNext()) n++;
        const after = set.tryJoinNext().some;
        set.drop();
        return [before, n, after];
      }),
    );
    expect(out).toEqual([false, 100, false]);
  });

  it('records joinset.* trace events with the joined task and its outcome', () => {
    const rt = createRuntime({ flavor: 'current_thread', startPaused: true });
    rt.blockOn(
      co(function* () {
        const set = new JoinSet<number>();
        set.spawn(ready(1)).drop();
        set.spawn(pendingForever<number>()).abort();
        yield* drainSet(set);
        set.drop();
      }),
    );
    const evs = [...rt.trace.events()].filter((e) => e.type.startsWith('joinset.'));
    expect(evs.map((e) => [e.type, 'value' in e ? e.value : -1])).toEqual([
      ['joinset.create', 0],
      ['joinset.spawn', 1],
      ['joinset.spawn', 2],
      ['joinset.join', 0],
      ['joinset.join', 1],
      ['joinset.drop', 0],
    ]);
  });

  it('spawn_blocking jobs join like tasks', () => {
    const out = run(
      co(function* () {
        const set = new JoinSet<number>();
        set.spawnBlocking(ready(5));
        set.spawn(ready(6));
        const results = yield* drainSet(set);
        set.drop();
        return results.map((r) => (r.ok ? r.value : -1)).sort();
      }),
    );
    expect(out).toEqual([5, 6]);
  });

  it('releases every task reference: a task owning a JoinSet and its children are all freed', () => {
    const rt = createRuntime({ flavor: 'current_thread', startPaused: true, checkRefs: true });
    const cells: Task[] = [];
    rt.blockOn(
      co(function* () {
        const owner = spawn(
          co(function* () {
            const set = new JoinSet<number>();
            const add = (f: Future<number>) => {
              const jh = spawn(f);
              cells.push(jh.taskCell);
              set.insert(jh).drop();
            };
            add(ready(1));
            add(
              co(function* () {
                yield sleep(5 * S);
                return 2;
              }),
            );
            add(pendingForever<number>());
            yield set.joinNext(); // stores the owner's waker in the set
            yield sleep(1 * S);
            set.drop(); // aborts the sleeper and the pending one
          }),
        );
        cells.push(owner.taskCell);
        yield owner;
        yield sleep(10 * S);
      }),
    );
    expect(cells.map((t) => t.deallocated)).toEqual([true, true, true, true]);
    rt.shutdownNow();
  });
});

const noopWaker = {
  target: -1,
  clone() {
    return noopWaker;
  },
  wake() {},
  wakeByRef() {},
  drop() {},
  willWake(o: unknown) {
    return o === noopWaker;
  },
};
