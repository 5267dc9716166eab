import { describe, expect, it } from 'vitest';
import { createRuntime } from '../sim/index.ts';
import type { SimEvent } from '../sim/index.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import type { WorkerCommand, WorkerMessage } from './protocol.ts';
import { futureEngine } from './testing/future-engine.ts';
import { RuntimeRun } from './runtime-run.ts';
import { BatchUnpacker } from './wire.ts';
import { DEFAULT_LIMITS, WorkerCore } from './worker-core.ts';
import type { WorkerLimits } from './worker-core.ts';
import { co } from '../sim/sync/test-harness.ts';
import { sleep } from '../sim/time/sleep.ts';

const CONFIG = { flavor: 'current_thread', workers: 1, seed: 1 } as const;

/** A host on a fake clock: each `now()` call advances it by `tickMs`; deferred tasks run on `flush`. */
class FakeHost {
  readonly messages: WorkerMessage[] = [];
  private readonly queue: (() => void)[] = [];
  time = 0;
  constructor(private readonly tickMs = 0.01) {}
  post = (m: WorkerMessage) => void this.messages.push(m);
  now = () => (this.time += this.tickMs);
  defer = (task: () => void) => void this.queue.push(task);
  /** Runs deferred tasks until none are left (or `limit` ran). Returns how many ran. */
  flush(limit = 1_000_000): number {
    let n = 0;
    while (this.queue.length > 0 && n < limit) {
      this.queue.shift()?.();
      n++;
    }
    return n;
  }
  of<T extends WorkerMessage['type']>(type: T): Extract<WorkerMessage, { type: T }>[] {
    return this.messages.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type);
  }
}

function setup(limits: WorkerLimits = DEFAULT_LIMITS, tickMs?: number) {
  const host = new FakeHost(tickMs);
  const core = new WorkerCore(futureEngine(), host, limits);
  const send = (c: WorkerCommand) => core.handle(c);
  return { host, core, send };
}

function load(send: (c: WorkerCommand) => void, source: string, runId = 1) {
  send({ type: 'load', runId, source, file: 'main.rs', config: CONFIG });
}

/** The trace of running `source` directly, with no worker in between. */
function directTrace(): SimEvent[] {
  const rt = createRuntime({ ...CONFIG, startPaused: true });
  const run = new RuntimeRun(
    rt,
    co(function* () {
      yield sleep(1_000_000);
    }),
  );
  while (run.advance(1000).kind === 'running');
  return [...rt.trace];
}

describe('WorkerCore', () => {
  it('answers hello with its version and refuses another', () => {
    const { host, send } = setup();
    send({ type: 'hello', version: PROTOCOL_VERSION });
    send({ type: 'hello', version: PROTOCOL_VERSION + 1 });
    expect(host.messages[0]).toEqual({ type: 'ready', version: PROTOCOL_VERSION });
    expect(host.messages[1].type).toBe('refused');
  });

  it('reports compile errors with their place', () => {
    const { host, send } = setup();
    load(send, 'no such program');
    expect(host.messages).toEqual([
      { type: 'compile-error', runId: 1, problems: [expect.objectContaining({ line: 1, col: 1 })] },
    ]);
  });

  it('streams a whole run as ordered batches that decode to the direct trace, then done', () => {
    const { host, send } = setup();
    load(send, 'joinset');
    expect(host.of('loaded')).toEqual([{ type: 'loaded', runId: 1 }]);
    send({ type: 'run', runId: 1, batches: 1000, sliceMs: 8 });
    host.flush();
    const unpacker = new BatchUnpacker();
    const events = host.of('batch').flatMap((m) => unpacker.unpack(m.batch));
    const done = host.of('done');
    expect(done).toHaveLength(1);
    expect(done[0].end).toEqual({ kind: 'finished', exitCode: 0 });
    const out = events.filter((e) => e.type === 'stdout').map((e) => (e.type === 'stdout' ? e.text : ''));
    expect(out.join('')).toBe('joined\njoined\njoined\ndone\n');
    expect(events.map((e) => e.index)).toEqual(events.map((_e, i) => i));
    // Steps never decrease along the trace.
    for (let i = 1; i < events.length; i++) expect(events[i].step).toBeGreaterThanOrEqual(events[i - 1].step);
    expect(host.messages[host.messages.length - 1].type).toBe('done');
  });

  it('decodes exactly what the recorder holds', () => {
    const expected = directTrace();
    const host = new FakeHost();
    const core = new WorkerCore(
      {
        compile: () => ({
          ok: true,
          start: () =>
            new RuntimeRun(
              createRuntime({ ...CONFIG, startPaused: true }),
              co(function* () {
                yield sleep(1_000_000);
              }),
            ),
        }),
      },
      host,
    );
    core.handle({ type: 'load', runId: 7, source: '', file: 'main.rs', config: CONFIG });
    core.handle({ type: 'run', runId: 7, batches: 10, sliceMs: 8 });
    host.flush();
    const unpacker = new BatchUnpacker();
    expect(host.of('batch').flatMap((m) => unpacker.unpack(m.batch))).toEqual(expected);
  });

  it('sends no more batches than the credit granted, and continues when granted more', () => {
    // Every now() call costs 1 ms: each advance hits the 2 ms slice quickly.
    const { host, send } = setup(DEFAULT_LIMITS, 1);
    load(send, 'forever');
    send({ type: 'run', runId: 1, batches: 3, sliceMs: 2 });
    host.flush();
    expect(host.of('batch')).toHaveLength(3);
    expect(host.of('done')).toHaveLength(0);
    send({ type: 'run', runId: 1, batches: 2, sliceMs: 2 });
    host.flush();
    expect(host.of('batch')).toHaveLength(5);
  });

  it('yields between slices so a stop is handled before the next slice', () => {
    const { host, send } = setup(DEFAULT_LIMITS, 1);
    load(send, 'forever');
    send({ type: 'run', runId: 1, batches: 1_000_000, sliceMs: 2 });
    host.flush(5);
    const before = host.of('batch').length;
    expect(before).toBe(5);
    send({ type: 'stop', runId: 1 });
    expect(host.messages[host.messages.length - 1]).toEqual({ type: 'stopped', runId: 1 });
    host.flush();
    expect(host.of('batch')).toHaveLength(before);
  });

  it('ignores commands for a replaced run, and a new load replaces the old run', () => {
    const { host, send } = setup();
    load(send, 'forever', 1);
    load(send, 'joinset', 2);
    send({ type: 'run', runId: 1, batches: 5, sliceMs: 8 });
    host.flush();
    expect(host.of('batch')).toHaveLength(0);
    send({ type: 'run', runId: 2, batches: 1000, sliceMs: 8 });
    host.flush();
    expect(host.of('batch').every((m) => m.runId === 2)).toBe(true);
    expect(host.of('done').map((m) => m.runId)).toEqual([2]);
  });

  it('cuts the first batch short, by size and by time, and lets later batches grow', () => {
    // A fast clock: a whole 8 ms slice would hold the entire 2,000-task run.
    const { host, send } = setup(DEFAULT_LIMITS, 0.001);
    load(send, 'many');
    send({ type: 'run', runId: 1, batches: 1000, sliceMs: 8 });
    host.flush();
    const sizes = host.of('batch').map((m) => m.batch.count);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes[0]).toBeLessThanOrEqual(4096);
    // It ends with the first advance that recorded anything (the runtime's start and main's first
    // step here), so a long next step cannot delay it.
    const first = host.of('batch')[0];
    const firstSteps = new Set(first === undefined ? [] : new BatchUnpacker().unpack(first.batch).map((e) => e.step));
    expect(firstSteps.size).toBeLessThanOrEqual(2);
    expect(Math.max(...sizes.slice(1))).toBeGreaterThan(4096);
    // On a slow clock (1 ms a reading) the first slice's 2 ms end it after one advance; the next
    // 8 ms slices take several, of growing size.
    const slow = setup(DEFAULT_LIMITS, 1);
    load(slow.send, 'many');
    slow.send({ type: 'run', runId: 1, batches: 2, sliceMs: 8 });
    slow.host.flush();
    const unpacker = new BatchUnpacker();
    const steps = slow.host.of('batch').map((m) => new Set(unpacker.unpack(m.batch).map((e) => e.step)).size);
    expect(steps[0]).toBeLessThan(steps[1] ?? 0);
  });

  it('cuts a run off at the event limit', () => {
    const { host, send } = setup({ maxEvents: 500, maxBatchEvents: 100 });
    load(send, 'forever');
    send({ type: 'run', runId: 1, batches: 1_000, sliceMs: 8 });
    host.flush();
    const unpacker = new BatchUnpacker();
    const events = host.of('batch').flatMap((m) => unpacker.unpack(m.batch));
    expect(events.length).toBeLessThanOrEqual(500);
    expect(host.of('batch').every((m) => m.batch.count <= 100)).toBe(true);
    expect(host.of('done')[0].end).toEqual({ kind: 'truncated', events: 500 });
  });

  it('ends a run that can never wake again with a deadlock message', () => {
    const { host, send } = setup();
    load(send, 'stuck');
    send({ type: 'run', runId: 1, batches: 100, sliceMs: 8 });
    host.flush();
    const end = host.of('done')[0].end;
    expect(end.kind).toBe('failed');
    if (end.kind === 'failed') expect(end.problem.message).toMatch(/deadlock/);
  });

  it('answers ping with the same nonce', () => {
    const { host, send } = setup();
    send({ type: 'ping', nonce: 42 });
    expect(host.messages).toEqual([{ type: 'pong', nonce: 42 }]);
  });
});
