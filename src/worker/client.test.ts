import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/index.ts';
import { SimWorkerClient } from './client.ts';
import type { RunHandlers } from './client.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import type { RunEnd, SourceProblem } from './protocol.ts';
import { FakeTimers, FakeWorker } from './testing/fake-worker.ts';

function recorder() {
  const log = {
    events: [] as SimEvent[],
    problems: [] as readonly SourceProblem[],
    end: undefined as RunEnd | undefined,
    lost: [] as string[],
  };
  const handlers: RunHandlers = {
    events: (e) => void log.events.push(...e),
    compileError: (p) => void (log.problems = p),
    done: (end) => void (log.end = end),
    lost: (m) => void log.lost.push(m),
  };
  return { log, handlers };
}

function setup() {
  const workers: FakeWorker[] = [];
  const timers = new FakeTimers();
  const client = new SimWorkerClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { timers, answerDeadlineMs: 1000, stopDeadlineMs: 100 },
  );
  const worker = () => workers[workers.length - 1];
  const pumpAll = () => {
    for (let i = 0; i < 10_000 && worker().pump(); i++);
  };
  return { client, workers, worker, timers, pumpAll };
}

const REQUEST = { file: 'main.rs', config: { flavor: 'current_thread', workers: 1, seed: 1 } } as const;

describe('SimWorkerClient', () => {
  it('says hello, runs a program to the end and hands over every event in order', () => {
    const { client, worker, pumpAll } = setup();
    expect(worker().inbox[0]).toEqual({ type: 'hello', version: PROTOCOL_VERSION });
    const { log, handlers } = recorder();
    client.start({ ...REQUEST, source: 'joinset' }, handlers);
    pumpAll();
    expect(log.end).toEqual({ kind: 'finished', exitCode: 0 });
    expect(log.events.length).toBeGreaterThan(10);
    expect(log.events.map((e) => e.index)).toEqual(log.events.map((_e, i) => i));
  });

  it('keeps at most the granted batches in flight', () => {
    const { client, worker } = setup();
    const { handlers } = recorder();
    client.start({ ...REQUEST, source: 'forever' }, handlers);
    worker().pump(); // hello + load → loaded
    const grants = worker().inbox.filter((c) => c.type === 'run');
    expect(grants).toEqual([{ type: 'run', runId: 1, batches: 4, sliceMs: 8 }]);
  });

  it('reports compile errors', () => {
    const { client, pumpAll } = setup();
    const { log, handlers } = recorder();
    client.start({ ...REQUEST, source: 'not a program' }, handlers);
    pumpAll();
    expect(log.problems).toHaveLength(1);
    expect(log.end).toBeUndefined();
  });

  it('stop settles when the worker answers', async () => {
    const { client, worker, workers } = setup();
    const { handlers } = recorder();
    client.start({ ...REQUEST, source: 'forever' }, handlers);
    for (let i = 0; i < 5; i++) worker().pump();
    const stopped = client.stop();
    worker().pump();
    await stopped;
    expect(workers).toHaveLength(1);
  });

  it('stop settles within the deadline by replacing a worker that does not answer', async () => {
    const { client, worker, workers, timers } = setup();
    const { handlers } = recorder();
    client.start({ ...REQUEST, source: 'forever' }, handlers);
    worker().pump();
    worker().hang = true;
    let settled = false;
    const stopped = client.stop().then(() => (settled = true));
    timers.advance(99);
    await Promise.resolve();
    expect(settled).toBe(false);
    timers.advance(1);
    await stopped;
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(client.restarts).toBe(1);
  });

  it('replaces a silent worker and reports the lost run; the next run works', () => {
    const { client, worker, workers, timers, pumpAll } = setup();
    const first = recorder();
    client.start({ ...REQUEST, source: 'forever' }, first.handlers);
    worker().pump();
    worker().hang = true;
    timers.advance(1000);
    expect(first.log.lost).toHaveLength(1);
    expect(first.log.lost[0]).toMatch(/restarted; your code is unchanged/);
    expect(workers).toHaveLength(2);
    const second = recorder();
    client.start({ ...REQUEST, source: 'joinset' }, second.handlers);
    pumpAll();
    expect(second.log.end).toEqual({ kind: 'finished', exitCode: 0 });
  });

  it('restarts a run whose load went to a worker replaced for not answering a stop', async () => {
    const { client, worker, workers, timers, pumpAll } = setup();
    const first = recorder();
    client.start({ ...REQUEST, source: 'forever' }, first.handlers);
    worker().pump();
    worker().hang = true;
    const second = recorder();
    client.start({ ...REQUEST, source: 'joinset' }, second.handlers);
    timers.advance(100);
    await Promise.resolve();
    expect(workers).toHaveLength(2);
    pumpAll();
    expect(second.log.end).toEqual({ kind: 'finished', exitCode: 0 });
  });

  it('drops messages of a run it has moved on from', () => {
    const { client, pumpAll } = setup();
    const first = recorder();
    const second = recorder();
    client.start({ ...REQUEST, source: 'forever' }, first.handlers);
    client.start({ ...REQUEST, source: 'joinset' }, second.handlers);
    pumpAll();
    expect(first.log.events).toHaveLength(0);
    expect(second.log.end?.kind).toBe('finished');
  });
});
