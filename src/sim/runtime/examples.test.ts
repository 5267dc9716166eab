/**
 * The shared example programs (tests/fixtures/examples) that need only the task core, rewritten with
 * TypeScript futures; the expected lines are real Tokio 1.48 output. A `Captured` future plays a
 * Rust value moved into an async block whose `Drop` prints.
 */
import { describe, expect, it } from 'vitest';
import { asyncBlock, awaitFuture, syncBlock, Gate } from '../bench/futures.ts';
import type { Context, Future, Poll } from '../future.ts';
import { PENDING } from '../future.ts';
import type { JoinHandle } from '../task/join-handle.ts';
import { yieldNow } from '../task/yield-now.ts';
import { instantNow } from '../time/instant.ts';
import { sleep } from '../time/sleep.ts';
import { spawn } from './free-functions.ts';
import { runScenario, say } from './test-scenario.ts';

const MS = 1_000_000;
let start = 0;
const p = (s: string): void => say(`[${Math.floor((instantNow() - start) / MS)}ms] ${s}`);
const guardDrop = (name: string): void => p(`drop guard: ${name}`);

/** `async move { let _g = g; body }`: the guard drops when the body ends or the future is dropped. */
class Captured<T> implements Future<T> {
  private live = true;
  constructor(
    private readonly guard: string,
    private readonly body: Future<T>,
  ) {}
  poll(cx: Context): Poll<T> {
    const r = this.body.poll(cx);
    if (r !== PENDING) this.release();
    return r;
  }
  drop(): void {
    this.body.drop();
    this.release();
  }
  private release(): void {
    if (this.live) {
      this.live = false;
      guardDrop(this.guard);
    }
  }
}
const begin = (): void => void (start = instantNow());
const wait = <T>(f: Future<T>) => awaitFuture(f);

describe('shared examples (current_thread, paused clock)', () => {
  it('04_abort_before_run', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        begin();
        const h = spawn(
          new Captured(
            'captured by never-polled task',
            syncBlock(() => {
              p('task body: running (must not print)');
              return 1;
            }),
          ),
        );
        h.abort();
        p(`main: abort() called, is_finished=${h.isFinished()}`);
        const r = yield* wait(h);
        if (r.ok) p(`main: await -> Ok(${r.value})`);
        else
          p(
            `main: await -> Err is_cancelled=${r.error.isCancelled()} is_panic=${r.error.isPanic()} display="${r.error.display()}"`,
          );
        const h2 = spawn(
          new Captured(
            'captured by second task',
            syncBlock(() => {
              p('second task body (must not print)');
            }),
          ),
        );
        h2.abort();
        p(`main: h2 aborted, is_finished=${h2.isFinished()}`);
        yield* wait(yieldNow());
        p(`main: after yield_now, h2.is_finished=${h2.isFinished()}`);
        const r2 = yield* wait(h2);
        p(`main: h2 -> is_cancelled=${!r2.ok && r2.error.isCancelled()}`);
        const h3 = spawn(
          syncBlock(() => {
            return 3;
          }),
        );
        h3.abort();
        h3.abort();
        const r3 = yield* wait(h3);
        p(`main: double abort -> is_cancelled=${!r3.ok && r3.error.isCancelled()}`);
        yield* wait(sleep(1 * MS));
        p('main: end');
      }),
    );
    expect(out).toEqual([
      '[0ms] main: abort() called, is_finished=false',
      '[0ms] drop guard: captured by never-polled task',
      '[0ms] main: await -> Err is_cancelled=true is_panic=false display="task 1 was cancelled"',
      '[0ms] main: h2 aborted, is_finished=false',
      '[0ms] drop guard: captured by second task',
      '[0ms] main: after yield_now, h2.is_finished=true',
      '[0ms] main: h2 -> is_cancelled=true',
      '[0ms] main: double abort -> is_cancelled=true',
      '[1ms] main: end',
    ]);
  });

  it('08_detached_child', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        begin();
        const parent = spawn(
          asyncBlock(function* () {
            p('parent: spawning child');
            spawn(
              asyncBlock(function* () {
                p('child: started');
                spawn(
                  asyncBlock(function* () {
                    p('grandchild: started, sleeping 150ms');
                    yield* wait(sleep(150 * MS));
                    p('grandchild: done');
                  }),
                ).drop();
                yield* wait(sleep(100 * MS));
                p('child: done (parent finished long ago)');
              }),
            ).drop();
            yield* wait(sleep(10 * MS));
            p('parent: returning');
            return 'parent result';
          }),
        );
        const r = yield* wait(parent);
        p(`main: parent.await -> ${r.ok ? `Ok("${r.value}")` : 'Err'}`);
        yield* wait(sleep(200 * MS));
        p('main: end');
      }),
    );
    expect(out).toEqual([
      '[0ms] parent: spawning child',
      '[0ms] child: started',
      '[0ms] grandchild: started, sleeping 150ms',
      '[10ms] parent: returning',
      '[10ms] main: parent.await -> Ok("parent result")',
      '[100ms] child: done (parent finished long ago)',
      '[150ms] grandchild: done',
      '[210ms] main: end',
    ]);
  });

  it('09_drop_joinhandle', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        begin();
        const h = spawn(
          asyncBlock(function* () {
            try {
              p('detached: started');
              yield* wait(sleep(50 * MS));
              p('detached: still ran to completion');
            } finally {
              guardDrop("detached task's local");
            }
          }),
        );
        h.drop();
        p('main: dropped JoinHandle before the task ran');
        const h2 = spawn(
          asyncBlock(function* () {
            p('second: started');
            yield* wait(sleep(30 * MS));
            p('second: done');
          }),
        );
        yield* wait(sleep(10 * MS));
        h2.drop();
        p('main: dropped second JoinHandle while the task sleeps');
        yield* wait(sleep(100 * MS));
        p('main: end');
      }),
    );
    expect(out).toEqual([
      '[0ms] main: dropped JoinHandle before the task ran',
      '[0ms] detached: started',
      '[0ms] second: started',
      '[10ms] main: dropped second JoinHandle while the task sleeps',
      '[30ms] second: done',
      '[50ms] detached: still ran to completion',
      "[50ms] drop guard: detached task's local",
      '[110ms] main: end',
    ]);
  });

  it('26_fifo_spawn_order', () => {
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        begin();
        p('--- part 1: three one-shot tasks, main yields once');
        for (const n of ['A', 'B', 'C']) {
          spawn(
            syncBlock(() => {
              p(`${n} runs`);
            }),
          ).drop();
          p(`main: spawned ${n}`);
        }
        p('main: before yield_now');
        yield* wait(yieldNow());
        p('main: after yield_now');
        p('--- part 2: three tasks that each print 3 steps with yield_now between');
        for (const n of ['A', 'B', 'C']) {
          spawn(
            asyncBlock(function* () {
              for (let s = 1; s <= 3; s++) {
                p(`${n}${s}`);
                yield* wait(yieldNow());
              }
              p(`${n} done`);
            }),
          ).drop();
        }
        for (let i = 1; i <= 4; i++) {
          yield* wait(yieldNow());
          p(`main: after yield #${i}`);
        }
        p('--- part 3: a task spawning a child while others are queued');
        spawn(
          syncBlock(() => {
            p('P runs, spawns P-child');
            spawn(
              syncBlock(() => {
                p('P-child runs');
              }),
            ).drop();
            p('P continues after spawn');
          }),
        ).drop();
        spawn(
          syncBlock(() => {
            p('Q runs');
          }),
        ).drop();
        yield* wait(yieldNow());
        p('main: after yield');
        p('--- part 4: main spawns, then awaits the JoinHandle of the LAST task');
        const hs: JoinHandle<void>[] = ['X', 'Y', 'Z'].map((n) =>
          spawn(
            syncBlock(() => {
              p(`${n} runs`);
            }),
          ),
        );
        const last = hs.pop();
        if (last !== undefined) yield* wait(last);
        p('main: Z joined');
        for (const h of hs) yield* wait(h);
        p('main: end');
      }),
    );
    const expected = `[0ms] --- part 1: three one-shot tasks, main yields once
[0ms] main: spawned A
[0ms] main: spawned B
[0ms] main: spawned C
[0ms] main: before yield_now
[0ms] A runs
[0ms] B runs
[0ms] C runs
[0ms] main: after yield_now
[0ms] --- part 2: three tasks that each print 3 steps with yield_now between
[0ms] A1
[0ms] B1
[0ms] C1
[0ms] main: after yield #1
[0ms] C2
[0ms] B2
[0ms] A2
[0ms] main: after yield #2
[0ms] A3
[0ms] B3
[0ms] C3
[0ms] main: after yield #3
[0ms] C done
[0ms] B done
[0ms] A done
[0ms] main: after yield #4
[0ms] --- part 3: a task spawning a child while others are queued
[0ms] P runs, spawns P-child
[0ms] P continues after spawn
[0ms] Q runs
[0ms] P-child runs
[0ms] main: after yield
[0ms] --- part 4: main spawns, then awaits the JoinHandle of the LAST task
[0ms] X runs
[0ms] Y runs
[0ms] Z runs
[0ms] main: Z joined
[0ms] main: end`;
    expect(out).toEqual(expected.split('\n'));
  });

  it('31_runtime_shutdown_pending', () => {
    const gate = new Gate();
    const { out } = runScenario(() =>
      asyncBlock(function* () {
        begin();
        spawn(
          new Captured(
            'T1 (sleeping 1000ms)',
            asyncBlock(function* () {
              p('T1: sleeping');
              yield* wait(sleep(1000 * MS));
              p('T1: woke (must not print)');
            }),
          ),
        ).drop();
        spawn(
          new Captured(
            'T2 (waiting on oneshot)',
            asyncBlock(function* () {
              p('T2: waiting');
              yield* wait(gate);
              p('T2: got value (must not print)');
            }),
          ),
        ).drop();
        spawn(
          new Captured(
            'T3 (yield loop)',
            asyncBlock(function* () {
              for (;;) {
                yield* wait(yieldNow());
                yield* wait(sleep(3 * MS));
              }
            }),
          ),
        ).drop();
        yield* wait(sleep(10 * MS));
        spawn(
          new Captured(
            'T4 (spawned, never polled)',
            syncBlock(() => {
              p('T4: body (must not print)');
            }),
          ),
        ).drop();
        p('main: returning with 4 tasks still pending');
      }),
    );
    expect(out).toEqual([
      '[0ms] T1: sleeping',
      '[0ms] T2: waiting',
      '[10ms] main: returning with 4 tasks still pending',
      '[10ms] drop guard: T4 (spawned, never polled)',
      '[10ms] drop guard: T1 (sleeping 1000ms)',
      '[10ms] drop guard: T2 (waiting on oneshot)',
      '[10ms] drop guard: T3 (yield loop)',
    ]);
  });
});
