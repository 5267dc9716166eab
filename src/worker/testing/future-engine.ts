/**
 * An engine for tests: "programs" are TypeScript futures on the real simulator, chosen by name
 * (the source text). Lets the worker loop, the wire format and the narration be tested on real
 * traces while the Rust interpreter is built elsewhere.
 */
import { createRuntime, emitStdout, PENDING, spawn } from '../../sim/index.ts';
import type { Context, Future } from '../../sim/index.ts';
import { sleep } from '../../sim/time/sleep.ts';
import { co } from '../../sim/sync/test-harness.ts';
import { JoinSet } from '../../sim/sync/join-set.ts';
import type { Option } from '../../sim/sync/result.ts';
import type { Engine } from '../engine.ts';
import { RuntimeRun } from '../runtime-run.ts';

const MS = 1_000_000;

type Program = () => Future<unknown>;

/** Three tasks sleep 30, 10 and 20 ms in a JoinSet; main joins them in completion order. */
function joinSetProgram(): Future<unknown> {
  return co(function* () {
    const set = new JoinSet<number>();
    for (const d of [30, 10, 20]) {
      set.spawn(
        co(function* () {
          yield sleep(d * MS);
          return d;
        }),
      );
    }
    for (;;) {
      const r = (yield set.joinNext()) as Option<unknown>;
      if (!r.some) break;
      emitStdout(`joined\n`);
    }
    emitStdout('done\n');
  });
}

/** Spawns `n` tasks that each print once; main awaits nothing (they are cut off at shutdown or run). */
function manyTasks(n: number): Program {
  return () =>
    co(function* () {
      for (let i = 0; i < n; i++) {
        spawn(
          co(function* () {
            yield sleep(MS);
            return i;
          }),
        );
      }
      yield sleep(5 * MS);
    });
}

/** A main future that never finishes and keeps a timer going: the run never ends by itself. */
function forever(): Future<unknown> {
  return co(function* () {
    for (;;) yield sleep(MS);
  });
}

/** A main future that stays Pending with nothing to wake it. */
function stuck(): Future<unknown> {
  return { poll: (_cx: Context) => PENDING, drop: () => undefined };
}

export const TEST_PROGRAMS: Readonly<Record<string, Program>> = {
  joinset: joinSetProgram,
  many: manyTasks(2000),
  forever,
  stuck,
};

export function futureEngine(programs: Readonly<Record<string, Program>> = TEST_PROGRAMS): Engine {
  return {
    compile(source) {
      const make = programs[source.trim()];
      if (make === undefined) {
        return {
          ok: false,
          problems: [{ line: 1, col: 1, message: `unknown test program ${JSON.stringify(source)}` }],
        };
      }
      return {
        ok: true,
        start: (config) => {
          const runtime = createRuntime({
            flavor: config.flavor,
            workers: config.workers,
            seed: config.seed,
            startPaused: true,
          });
          return new RuntimeRun(runtime, make());
        },
      };
    },
  };
}
