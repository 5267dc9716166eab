/**
 * The worker's `explore` command, in node: WorkerCore with the Rust engine on a fake host. The
 * exploration runs in slices (progress between them, so a `stop` is read), ends with one
 * `explore-done`, and every group's replay key, loaded as a run, prints what the group printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANG_ENGINE } from './lang-engine.ts';
import type { WireRunConfig, WorkerCommand, WorkerMessage } from './protocol.ts';
import { BatchUnpacker } from './wire.ts';
import { WorkerCore } from './worker-core.ts';

const SOURCE = readFileSync(join(import.meta.dirname, '../explore/fixtures/select-two-ready.rs'), 'utf8');
const CONFIG: WireRunConfig = { flavor: 'multi_thread', workers: 2, seed: 1 };

/** Each `now()` advances 1 ms, so a 16 ms slice holds a few runs. */
function harness() {
  const messages: WorkerMessage[] = [];
  const queue: (() => void)[] = [];
  let t = 0;
  const core = new WorkerCore(LANG_ENGINE, {
    post: (m) => void messages.push(m),
    now: () => ++t,
    defer: (task) => void queue.push(task),
  });
  const send = (c: WorkerCommand) => core.handle(c);
  const flush = (limit = 100_000) => {
    for (let n = 0; queue.length > 0 && n < limit; n++) queue.shift()?.();
  };
  return { messages, send, flush };
}

describe('worker: explore', () => {
  it('explores in slices and reports the outcome groups with replay keys', () => {
    const h = harness();
    h.send({
      type: 'explore',
      runId: 1,
      source: SOURCE,
      file: 'main.rs',
      config: CONFIG,
      options: { strategy: 'dfs', runs: 5000, preemptions: 1 },
    });
    h.flush();
    const progress = h.messages.filter((m) => m.type === 'explore-progress');
    const done = h.messages.filter((m) => m.type === 'explore-done');
    expect(progress.length).toBeGreaterThan(1);
    expect(done).toHaveLength(1);
    const report = done[0]?.type === 'explore-done' ? done[0].report : undefined;
    expect(report?.covered).toEqual({ exhausted: true, cut: true });
    expect(report?.groups.map((g) => g.stdout).sort()).toEqual(['a won with 1\n', 'b won with 2\n']);
    expect(report?.groups[1]?.partedAt?.what).toBe('branch 1 is polled first');

    // Each key, loaded as an ordinary run, prints its group's output.
    for (const g of report?.groups ?? []) {
      const r = harness();
      r.send({
        type: 'load',
        runId: 2,
        source: SOURCE,
        file: 'main.rs',
        config: { ...CONFIG, replayKey: g.replayKey },
      });
      r.send({ type: 'run', runId: 2, batches: 1000, sliceMs: 1000 });
      r.flush();
      const unpacker = new BatchUnpacker();
      let out = '';
      for (const m of r.messages)
        if (m.type === 'batch') for (const e of unpacker.unpack(m.batch)) if (e.type === 'stdout') out += e.text;
      expect(out).toBe(g.stdout);
      expect(r.messages.at(-1)).toMatchObject({ type: 'done', end: { kind: 'finished', exitCode: 0 } });
    }
  });

  it('stops at a stop command, between slices', () => {
    const h = harness();
    h.send({
      type: 'explore',
      runId: 3,
      source: SOURCE,
      file: 'main.rs',
      config: CONFIG,
      options: { strategy: 'random', runs: 100_000, sliceMs: 2 },
    });
    h.flush(2);
    h.send({ type: 'stop', runId: 3 });
    h.flush();
    expect(h.messages.filter((m) => m.type === 'explore-done')).toHaveLength(0);
    expect(h.messages.at(-1)).toEqual({ type: 'stopped', runId: 3 });
    const last = h.messages.filter((m) => m.type === 'explore-progress').at(-1);
    expect(last?.type === 'explore-progress' ? last.report.runs : 0).toBeLessThan(20);
  });

  it('answers a program that does not compile with compile-error, and a bad replay key likewise', () => {
    const h = harness();
    const options = { strategy: 'random', runs: 5 } as const;
    h.send({ type: 'explore', runId: 4, source: 'fn main() { let = ; }', file: 'main.rs', config: CONFIG, options });
    h.send({ type: 'load', runId: 5, source: SOURCE, file: 'main.rs', config: { ...CONFIG, replayKey: 'nope' } });
    expect(h.messages.map((m) => m.type)).toEqual(['compile-error', 'compile-error']);
  });
});
