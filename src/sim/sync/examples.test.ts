/**
 * End-to-end: the shared example programs that exercise time/ and sync/, written as TypeScript
 * futures and run on the real current_thread runtime with a paused clock. Each must print exactly
 * what real Tokio 1.48 printed (tests/fixtures/examples/NN_*.txt).
 */
import { describe, expect, it } from 'vitest';
import { currentContext } from '../context.ts';
import type { Future } from '../future.ts';
import { createRuntime } from '../runtime/create.ts';
import { spawn } from '../runtime/free-functions.ts';
import type { JoinResult } from '../task/join-handle.ts';
import { sleep } from '../time/sleep.ts';
import { CancellationToken } from './cancellation-token.ts';
import { Join } from './join.ts';
import { JoinSet } from './join-set.ts';
import type { Option } from './result.ts';
import { Select } from './select.ts';
import { co } from './test-harness.ts';

const MS = 1_000_000;

/** Runs `main` as `#[tokio::main(flavor = "current_thread", start_paused = true)]`; returns stdout. */
type Print = (s: string) => void;

function runMain(main: (print: Print) => Future<unknown>): string[] {
  const out: string[] = [];
  const print: Print = (s) => {
    const now = currentContext()?.time.clock.now() ?? 0;
    out.push(`[${Math.floor(now / MS)}ms] ${s}`);
  };
  const rt = createRuntime({ flavor: 'current_thread', startPaused: true, checkRefs: true });
  rt.blockOn(main(print));
  rt.shutdownNow();
  return out;
}

const ready = <T>(v: T): Future<T> => ({ poll: () => v, drop: () => undefined });

/** `async { f() }` without awaits. */
const once = <T>(f: () => T): Future<T> => ({ poll: () => f(), drop: () => undefined });

/** A future owning a value whose Drop prints: `onDrop` runs when the future is dropped. */
function withDrop<T>(inner: Future<T>, onDrop: () => void): Future<T> {
  return {
    poll: (cx) => inner.poll(cx),
    drop: () => {
      inner.drop();
      onDrop();
    },
  };
}

type Co<T> = Generator<Future<unknown>, T, unknown>;

/** `while let Some(r) = set.join_next().await { each(r) }` */
function* joinEach<T>(set: JoinSet<T>, each: (r: JoinResult<T>) => void): Co<void> {
  for (;;) {
    const r = (yield set.joinNext()) as Option<JoinResult<T>>;
    if (!r.some) return;
    each(r.value);
  }
}

/** An async block holding a drop guard: `onDrop` runs when its future ends or is dropped. */
function guarded(body: () => Co<void>, onDrop: () => void): Future<void> {
  return co(function* () {
    try {
      yield* body();
    } finally {
      onDrop();
    }
  });
}

/** A task that prints `started`, sleeps `ms`, prints `woke`; its drop guard prints `dropped`. */
function guardedSleep(
  print: Print,
  ms: number,
  lines: { started: string; woke: string; dropped: string },
): Future<void> {
  return guarded(
    function* () {
      print(lines.started);
      yield sleep(ms * MS);
      print(lines.woke);
    },
    () => print(lines.dropped),
  );
}

/** `tokio::select! { biased; … }` over `branches`: the index of the branch that won. */
function* selectBiased(branches: Future<unknown>[]): Co<number> {
  const r = (yield new Select(branches, { biased: true })) as { index: number };
  return r.index;
}

describe('examples on the real runtime', () => {
  it('13_joinset_completion_order (§13.G 87)', () => {
    const out = runMain((print) =>
      co(function* () {
        const delays = [50, 10, 90, 30, 70, 20, 100, 40, 80, 60];
        const set = new JoinSet<[number, number]>();
        delays.forEach((d, i) =>
          set.spawn(
            co(function* () {
              yield sleep(d * MS);
              return [i, d] as [number, number];
            }),
          ),
        );
        print(`spawned ${delays.length} tasks, len=${set.len()}`);
        const order: number[] = [];
        yield* joinEach(set, (r) => {
          if (!r.ok) throw new Error('unexpected error');
          const [i, d] = r.value;
          print(`join_next -> task #${i} (slept ${d}ms), len now ${set.len()}`);
          order.push(i);
        });
        print(`completion order: [${order.join(', ')}]`);
        set.drop();

        const set2 = new JoinSet<string>();
        for (const name of ['A', 'B', 'C', 'D']) {
          set2.spawn(
            co(function* () {
              yield sleep(10 * MS);
              print(`${name} woke`);
              return name;
            }),
          );
        }
        const order2: string[] = [];
        yield* joinEach(set2, (r) => {
          if (r.ok) order2.push(`"${r.value}"`);
        });
        print(`equal-delay join order: [${order2.join(', ')}]`);
        set2.drop();

        const set3 = new JoinSet<number>();
        for (let n = 0; n < 4; n++) set3.spawn(ready(n));
        const order3: number[] = [];
        yield* joinEach(set3, (r) => {
          if (r.ok) order3.push(r.value);
        });
        print(`no-sleep join order: [${order3.join(', ')}]`);
        set3.drop();
      }),
    );
    expect(out).toEqual([
      '[0ms] spawned 10 tasks, len=10',
      '[10ms] join_next -> task #1 (slept 10ms), len now 9',
      '[20ms] join_next -> task #5 (slept 20ms), len now 8',
      '[30ms] join_next -> task #3 (slept 30ms), len now 7',
      '[40ms] join_next -> task #7 (slept 40ms), len now 6',
      '[50ms] join_next -> task #0 (slept 50ms), len now 5',
      '[60ms] join_next -> task #9 (slept 60ms), len now 4',
      '[70ms] join_next -> task #4 (slept 70ms), len now 3',
      '[80ms] join_next -> task #8 (slept 80ms), len now 2',
      '[90ms] join_next -> task #2 (slept 90ms), len now 1',
      '[100ms] join_next -> task #6 (slept 100ms), len now 0',
      '[100ms] completion order: [1, 5, 3, 7, 0, 9, 4, 8, 2, 6]',
      '[110ms] A woke',
      '[110ms] B woke',
      '[110ms] C woke',
      '[110ms] D woke',
      '[110ms] equal-delay join order: ["A", "B", "C", "D"]',
      '[110ms] no-sleep join order: [0, 1, 2, 3]',
    ]);
  });

  it('15_joinset_drop_aborts', () => {
    const out = runMain((print) =>
      co(function* () {
        const set = new JoinSet<void>();
        for (let i = 0; i < 3; i++) {
          set.spawn(
            guardedSleep(print, 100 + i * 10, {
              started: `task ${i}: started, sleeping ${100 + i * 10}ms`,
              woke: `task ${i}: after sleep (must not print)`,
              dropped: `drop guard: task ${i} future`,
            }),
          );
        }
        // `g` is created before the sleep and moved into the never-polled task's future.
        yield sleep(10 * MS);
        set.spawn(
          withDrop(
            once(() => print('never-polled task: body (must not print)')),
            () => print('drop guard: never-polled task future'),
          ),
        );
        print(`main: dropping JoinSet with len=${set.len()}`);
        set.drop();
        print('main: JoinSet dropped (drop() returned)');
        yield sleep(1 * MS);
        print('main: slept 1ms after the drop');
        yield sleep(200 * MS);
        print('main: end at 211ms; nothing printed at 100..120ms');

        const set2 = new JoinSet<void>();
        set2.spawn(
          co(function* () {
            yield sleep(50 * MS);
            print('detached task: still ran');
          }),
        );
        set2.detachAll();
        print(`main: detach_all, len=${set2.len()}`);
        set2.drop();
        yield sleep(100 * MS);
        print('main: end');
      }),
    );
    expect(out).toEqual([
      '[0ms] task 0: started, sleeping 100ms',
      '[0ms] task 1: started, sleeping 110ms',
      '[0ms] task 2: started, sleeping 120ms',
      '[10ms] main: dropping JoinSet with len=4',
      '[10ms] main: JoinSet dropped (drop() returned)',
      '[10ms] drop guard: never-polled task future',
      '[10ms] drop guard: task 0 future',
      '[10ms] drop guard: task 1 future',
      '[10ms] drop guard: task 2 future',
      '[11ms] main: slept 1ms after the drop',
      '[211ms] main: end at 211ms; nothing printed at 100..120ms',
      '[211ms] main: detach_all, len=0',
      '[261ms] detached task: still ran',
      '[311ms] main: end',
    ]);
  });

  it('17_joinset_shutdown', () => {
    const out = runMain((print) =>
      co(function* () {
        const set = new JoinSet<void>();
        for (let i = 0; i < 3; i++) {
          set.spawn(
            guardedSleep(print, 1000, {
              started: `worker ${i}: started`,
              woke: `worker ${i}: finished (must not print)`,
              dropped: `drop guard: worker ${i}`,
            }),
          );
        }
        set.spawn(once(() => print('quick: done')));
        yield sleep(20 * MS);
        print(`main: calling shutdown, len=${set.len()}`);
        yield set.shutdown();
        print(`main: shutdown returned, len=${set.len()} is_empty=${set.isEmpty()}`);
        const r = (yield set.joinNext()) as Option<unknown>;
        print(`main: join_next after shutdown -> is_none=${!r.some}`);
        yield sleep(2000 * MS);
        print('main: end');
        set.drop();
      }),
    );
    expect(out).toEqual([
      '[0ms] worker 0: started',
      '[0ms] worker 1: started',
      '[0ms] worker 2: started',
      '[0ms] quick: done',
      '[20ms] main: calling shutdown, len=4',
      '[20ms] drop guard: worker 0',
      '[20ms] drop guard: worker 1',
      '[20ms] drop guard: worker 2',
      '[20ms] main: shutdown returned, len=0 is_empty=true',
      '[20ms] main: join_next after shutdown -> is_none=true',
      '[2020ms] main: end',
    ]);
  });

  it('19_cancel_child_token', () => {
    const out = runMain((print) =>
      co(function* () {
        const parent = CancellationToken.new();
        const child = parent.childToken();
        const child2 = parent.childToken();
        print(`before: parent=${parent.isCancelled()} child=${child.isCancelled()} child2=${child2.isCancelled()}`);
        const waiter = (name: string, tok: CancellationToken) =>
          spawn(
            co(function* () {
              print(`waiter(${name}): waiting`);
              yield tok.cancelled();
              print(`waiter(${name}): woke, cancelled`);
              tok.drop();
            }),
          );
        const w1 = waiter('child', child.clone());
        const w2 = waiter('child2', child2.clone());
        const w3 = waiter('parent', parent.clone());
        yield sleep(30 * MS);
        print('main: parent.cancel()');
        parent.cancel();
        print(`after: parent=${parent.isCancelled()} child=${child.isCancelled()} child2=${child2.isCancelled()}`);
        yield new Join([w1, w2, w3]);
        const late = parent.childToken();
        print(`late child_token of cancelled parent: is_cancelled=${late.isCancelled()}`);
        yield late.cancelled();
        print('late.cancelled().await returned immediately');
        parent.cancel();
        print(`second cancel() ok, parent=${parent.isCancelled()}`);
      }),
    );
    expect(out).toEqual([
      '[0ms] before: parent=false child=false child2=false',
      '[0ms] waiter(child): waiting',
      '[0ms] waiter(child2): waiting',
      '[0ms] waiter(parent): waiting',
      '[30ms] main: parent.cancel()',
      '[30ms] after: parent=true child=true child2=true',
      '[30ms] waiter(child2): woke, cancelled',
      '[30ms] waiter(child): woke, cancelled',
      '[30ms] waiter(parent): woke, cancelled',
      '[30ms] late child_token of cancelled parent: is_cancelled=true',
      '[30ms] late.cancelled().await returned immediately',
      '[30ms] second cancel() ok, parent=true',
    ]);
  });

  it('22_cancel_select_biased', () => {
    const out = runMain((print) =>
      co(function* () {
        const token = CancellationToken.new();
        const t = token.clone();
        const worker = spawn(
          co(function* () {
            let done = 0;
            for (;;) {
              if ((yield* selectBiased([t.cancelled(), sleep(10 * MS)])) === 0) {
                print(`worker: cancelled after ${done} units`);
                return done;
              }
              done++;
              print(`worker: unit ${done} done`);
            }
          }),
        );
        yield sleep(35 * MS);
        print('main: cancel at 35ms');
        token.cancel();
        const units = (yield worker) as JoinResult<number>;
        print(`main: worker returned ${units.ok ? units.value : '?'}`);

        const token2 = CancellationToken.new();
        token2.cancel();
        let picks = [0, 0];
        for (let k = 0; k < 1000; k++) {
          picks[yield* selectBiased([token2.cancelled(), ready(undefined)])]++;
        }
        print(`biased, both ready, cancelled listed first: cancelled=${picks[0]} work=${picks[1]}`);
        picks = [0, 0];
        for (let k = 0; k < 1000; k++) {
          picks[1 - (yield* selectBiased([ready(undefined), token2.cancelled()]))]++;
        }
        print(`biased, both ready, work listed first: cancelled=${picks[0]} work=${picks[1]}`);

        const token3 = CancellationToken.new();
        const t3 = token3.clone();
        const canceller = spawn(
          co(function* () {
            yield sleep(20 * MS);
            print('canceller: cancel at 20ms');
            t3.cancel();
          }),
        );
        const selectStart = currentContext()?.time.clock.now() ?? 0;
        const won = yield* selectBiased([token3.cancelled(), sleep(20 * MS)]);
        print(won === 0 ? 'coincide: cancelled branch won' : 'coincide: sleep branch won');
        const took = Math.floor(((currentContext()?.time.clock.now() ?? 0) - selectStart) / MS);
        print(`coincide: select finished after ${took}ms`);
        yield canceller;
      }),
    );
    expect(out).toEqual([
      '[10ms] worker: unit 1 done',
      '[20ms] worker: unit 2 done',
      '[30ms] worker: unit 3 done',
      '[35ms] main: cancel at 35ms',
      '[35ms] worker: cancelled after 3 units',
      '[35ms] main: worker returned 3',
      '[35ms] biased, both ready, cancelled listed first: cancelled=1000 work=0',
      '[35ms] biased, both ready, work listed first: cancelled=0 work=1000',
      '[55ms] coincide: sleep branch won',
      '[55ms] coincide: select finished after 20ms',
      '[55ms] canceller: cancel at 20ms',
    ]);
  });
});
