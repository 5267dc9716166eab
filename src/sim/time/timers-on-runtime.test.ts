/**
 * Timers on the real current_thread runtime with a paused clock (tokio-facts.md §9, §13.G 81, 86).
 */
import { describe, expect, it } from 'vitest';
import { currentContext } from '../context.ts';
import type { Future } from '../future.ts';
import { spawn } from '../runtime/free-functions.ts';
import { createRuntime } from '../runtime/create.ts';
import type { JoinHandle } from '../task/join-handle.ts';
import { co } from '../sync/test-harness.ts';
import { yieldNow } from '../task/yield-now.ts';
import { advance } from './control.ts';
import { interval } from './interval.ts';
import { sleep } from './sleep.ts';
import { timeout } from './timeout.ts';

const MS = 1_000_000;

function run(main: (log: (s: string) => void) => Future<unknown>): string[] {
  const out: string[] = [];
  const log = (s: string) => out.push(`${(currentContext()?.time.clock.now() ?? 0) / MS}ms ${s}`);
  const rt = createRuntime({ flavor: 'current_thread', startPaused: true, checkRefs: true });
  rt.blockOn(main(log));
  rt.shutdownNow();
  return out;
}

describe('timers on the current_thread runtime', () => {
  it('86: sleep(1500ms) advances exactly 1.5 s, sleep(1ns) exactly 1 ms', () => {
    const out = run((log) =>
      co(function* () {
        yield sleep(1500 * MS);
        log('a');
        yield sleep(1);
        log('b');
      }),
    );
    expect(out).toEqual(['1500ms a', '1501ms b']);
  });

  it('81: timers with one deadline resume in registration order (D, A, B, C)', () => {
    const out = run((log) =>
      co(function* () {
        const hs: JoinHandle<void>[] = [];
        for (const name of ['D', 'A', 'B', 'C']) {
          hs.push(
            spawn(
              co(function* () {
                yield sleep(10 * MS);
                log(name);
              }),
            ),
          );
        }
        for (const h of hs) yield h;
      }),
    );
    expect(out).toEqual(['10ms D', '10ms A', '10ms B', '10ms C']);
  });

  it('interval ticks at once and then every period; timeout elapses at its deadline', () => {
    const out = run((log) =>
      co(function* () {
        const iv = interval(10 * MS);
        for (let i = 0; i < 3; i++) {
          const t = (yield iv.tick()) as number;
          log(`tick ${t / MS}`);
        }
        iv.drop();
        const r = (yield timeout(5 * MS, sleep(50 * MS))) as { ok: boolean; error?: { display(): string } };
        log(r.ok ? 'ok' : (r.error?.display() ?? ''));
      }),
    );
    expect(out).toEqual(['0ms tick 0', '10ms tick 10', '20ms tick 20', '25ms deadline has elapsed']);
  });

  it('time::advance fires the timers it passes before the advancing task resumes', () => {
    const out = run((log) =>
      co(function* () {
        const sleeper = spawn(
          co(function* () {
            yield sleep(5 * MS);
            log('sleeper');
          }),
        );
        const advancer = spawn(
          co(function* () {
            yield yieldNow();
            yield advance(7 * MS);
            log('advancer');
          }),
        );
        yield sleeper;
        yield advancer;
      }),
    );
    expect(out).toEqual(['7ms sleeper', '7ms advancer']);
  });
});
