/**
 * The `ctrl-c` command (issue 17): the worker starts the loaded program again with one more
 * press, without compiling; the client sends it instead of `load` only for the same program and
 * config with one press added.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/index.ts';
import { addedPress } from './client.ts';
import type { RunRequest } from './client.ts';
import { LANG_ENGINE } from './lang-engine.ts';
import type { WireRunConfig, WorkerCommand, WorkerMessage } from './protocol.ts';
import { BatchUnpacker } from './wire.ts';
import { WorkerCore } from './worker-core.ts';

const SOURCE = `
#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("waiting");
    tokio::signal::ctrl_c().await.unwrap();
    println!("got Ctrl-C");
}
`;
const CONFIG: WireRunConfig = { flavor: 'current_thread', workers: 1, seed: 1 };

function worker() {
  const messages: WorkerMessage[] = [];
  const queue: (() => void)[] = [];
  let t = 0;
  const core = new WorkerCore(LANG_ENGINE, {
    post: (m) => void messages.push(m),
    now: () => (t += 0.01),
    defer: (task) => void queue.push(task),
  });
  const send = (c: WorkerCommand) => {
    core.handle(c);
    while (queue.length > 0) queue.shift()?.();
  };
  /** Stdout and exit code of run `runId`, from its batches and its `done`. */
  const outcome = (runId: number) => {
    const unpacker = new BatchUnpacker();
    const events: SimEvent[] = [];
    for (const m of messages) if (m.type === 'batch' && m.runId === runId) events.push(...unpacker.unpack(m.batch));
    const done = messages.find((m) => m.type === 'done' && m.runId === runId);
    const stdout = events.flatMap((e) => (e.type === 'stdout' ? [e.text] : [])).join('');
    const exitCode = done?.type === 'done' && done.end.kind === 'finished' ? done.end.exitCode : undefined;
    return { stdout, exitCode, events };
  };
  return { messages, send, outcome };
}

describe('the ctrl-c command', () => {
  it('restarts the loaded program with the press: the waiting ctrl_c() completes', () => {
    const w = worker();
    w.send({ type: 'load', runId: 1, source: SOURCE, file: 'src/main.rs', config: CONFIG });
    w.send({ type: 'run', runId: 1, batches: 100, sliceMs: 8 });
    // without a press the program waits for Ctrl-C forever: the run ends in a deadlock
    expect(w.outcome(1).stdout).toBe('waiting\n');
    w.send({ type: 'ctrl-c', runId: 2, from: 1, afterStep: 1 });
    expect(w.messages.filter((m) => m.type === 'loaded').map((m) => m.type === 'loaded' && m.runId)).toEqual([1, 2]);
    w.send({ type: 'run', runId: 2, batches: 100, sliceMs: 8 });
    const r = w.outcome(2);
    expect(r.stdout).toBe('waiting\ngot Ctrl-C\n');
    expect(r.exitCode).toBe(0);
    expect(r.events.some((e) => e.type === 'signal.deliver')).toBe(true);
  });

  it('keeps the earlier presses: a press at step 0 (before ctrl_c() is polled) kills, exit 130', () => {
    const w = worker();
    w.send({ type: 'load', runId: 1, source: SOURCE, file: 'src/main.rs', config: CONFIG });
    w.send({ type: 'ctrl-c', runId: 2, from: 1, afterStep: 0 });
    w.send({ type: 'run', runId: 2, batches: 100, sliceMs: 8 });
    expect(w.outcome(2)).toMatchObject({ stdout: '', exitCode: 130 });
    expect(w.outcome(2).events.some((e) => e.type === 'signal.arrive' && e.kills)).toBe(true);
  });

  it('is refused for a program the worker did not load last', () => {
    const w = worker();
    w.send({ type: 'load', runId: 1, source: SOURCE, file: 'src/main.rs', config: CONFIG });
    w.send({ type: 'ctrl-c', runId: 3, from: 2, afterStep: 4 });
    expect(w.messages.at(-1)?.type).toBe('refused');
  });
});

describe('addedPress', () => {
  const req = (config: Partial<WireRunConfig>, source = SOURCE): RunRequest => ({
    source,
    file: 'src/main.rs',
    config: { ...CONFIG, ...config },
  });

  it('finds the one press added to the same run', () => {
    expect(addedPress(req({}), req({ ctrlCAfterSteps: [7] }))).toBe(7);
    expect(addedPress(req({ ctrlCAfterSteps: [3] }), req({ ctrlCAfterSteps: [3, 9] }))).toBe(9);
  });

  it('is undefined when anything else changed', () => {
    expect(addedPress(req({}), req({}))).toBeUndefined();
    expect(addedPress(req({}), req({ ctrlCAfterSteps: [7] }, `${SOURCE}\n`))).toBeUndefined();
    expect(addedPress(req({}), req({ seed: 2, ctrlCAfterSteps: [7] }))).toBeUndefined();
    expect(addedPress(req({ ctrlCAfterSteps: [3] }), req({ ctrlCAfterSteps: [4, 9] }))).toBeUndefined();
    expect(addedPress(req({}), req({ ctrlCAfterSteps: [1, 2] }))).toBeUndefined();
  });
});
