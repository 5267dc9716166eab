import { describe, expect, it } from 'vitest';
import { asyncBlock, awaitFuture, syncBlock, pendingForever } from '../bench/futures.ts';
import { spawn } from '../runtime/free-functions.ts';
import { runScenario } from '../runtime/test-scenario.ts';
import { RustPanic } from '../task/panic.ts';
import { yieldNow } from '../task/yield-now.ts';
import { sleep } from '../time/sleep.ts';
import { describeDiagnostic, diagnose } from './diagnose.ts';

describe('diagnose', () => {
  it('reports a detached task still alive at shutdown, naming its spawn line', () => {
    const { rt } = runScenario(() =>
      asyncBlock(function* () {
        spawn(sleep(1_000_000_000_000), { span: { line: 12, col: 5 } }).drop();
        yield* awaitFuture(yieldNow());
      }),
    );
    const d = diagnose(rt.trace.events());
    expect(d).toContainEqual(expect.objectContaining({ kind: 'leaked-task', task: 1, line: 12 }));
    expect(describeDiagnostic(d[0] ?? { kind: 'lost-wakeup', task: 0, name: undefined, line: 0, state: 0 })).toContain(
      'line 12',
    );
  });

  it('reports a panic after the JoinHandle was dropped, not one that is awaited', () => {
    const boom = () =>
      asyncBlock<void>(function* () {
        yield* awaitFuture(yieldNow());
        throw new RustPanic('lost');
      });
    const { rt } = runScenario(() =>
      asyncBlock(function* () {
        spawn(boom()).drop();
        const seen = spawn(boom());
        yield* awaitFuture(seen);
      }),
    );
    const lost = diagnose(rt.trace.events()).filter((x) => x.kind === 'lost-panic');
    expect(lost.map((x) => x.task)).toEqual([1]);
  });

  it('reports an idle task that no waker can reach (deadlocked main)', () => {
    const { rt } = runScenario(
      () =>
        asyncBlock(function* () {
          const h = spawn(pendingForever<void>());
          yield* awaitFuture(h);
        }),
      {},
      false,
    );
    const d = diagnose(rt.trace.events());
    expect(d).toContainEqual(expect.objectContaining({ kind: 'lost-wakeup', task: 1 }));
  });

  it('reports tasks that keep running out of budget', () => {
    const { rt } = runScenario(() =>
      asyncBlock(function* () {
        const hs = Array.from({ length: 600 }, () =>
          spawn(
            syncBlock(() => {
              return 1;
            }),
          ),
        );
        yield* awaitFuture(yieldNow());
        const reader = spawn(
          asyncBlock(function* () {
            for (const h of hs) yield* awaitFuture(h);
          }),
        );
        yield* awaitFuture(reader);
      }),
    );
    const d = diagnose(rt.trace.events(), { budgetThreshold: 3 });
    expect(d).toContainEqual(expect.objectContaining({ kind: 'budget-exhausted', task: 601, times: 4 }));
  });
});
