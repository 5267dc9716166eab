import { describe, expect, it } from 'vitest';
import { bindPlaybackToStore } from '../bind-store.ts';
import { SimWorkerClient } from '../../worker/client.ts';
import { FakeTimers, FakeWorker } from '../../worker/testing/fake-worker.ts';
import { createLabStore } from '../../store/index.ts';
import { storeRunner } from '../runner.ts';
import { playbackMachine } from '../playback.ts';
import { traceOfStore } from '../playback-trace.ts';
import { createActor, SimulatedClock } from 'xstate';
import { formatProblem } from './format-problem.ts';
import { createRunReportStore, noticeOfEnd, sourceProblemsOf } from './run-report.ts';
import { MAIN_FILE, workerRunSource } from './worker-run-source.ts';
import { LANG_ENGINE } from '../../worker/lang-engine.ts';
import type { Engine } from '../../worker/engine.ts';

function setup(engine?: Engine) {
  const workers: FakeWorker[] = [];
  const timers = new FakeTimers();
  const client = new SimWorkerClient(
    () => {
      const w = new FakeWorker(engine);
      workers.push(w);
      return w;
    },
    { timers, answerDeadlineMs: 1000 },
  );
  const store = createLabStore();
  const report = createRunReportStore();
  const machine = playbackMachine.provide({ actors: { runner: storeRunner(store, workerRunSource(client, report)) } });
  const actor = createActor(machine, { input: { trace: traceOfStore(store) }, clock: new SimulatedClock() });
  bindPlaybackToStore(actor, store);
  actor.start();
  const pump = () => {
    for (let i = 0; i < 10_000 && workers[workers.length - 1].pump(); i++);
  };
  const load = (source: string) => actor.send({ type: 'LOAD', program: { source, origin: { kind: 'scratch' } } });
  return { workers, timers, store, report, actor, pump, load };
}

describe('workerRunSource', () => {
  it('keeps rustc warnings of a program that runs, as warnings at their place', () => {
    const { report, store, pump, load } = setup(LANG_ENGINE);
    const source = [
      'async fn work() {',
      '    println!("never printed");',
      '}',
      '',
      '#[tokio::main(flavor = "current_thread")]',
      'async fn main() {',
      '    work();',
      '    println!("done");',
      '}',
      '',
    ].join('\n');
    load(source);
    pump();
    expect(report.getState().phase).toBe('ended');
    expect(store.getState().run.kind).toBe('done');
    const shown = sourceProblemsOf(report.getState());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ line: 7, col: 5, severity: 'warning' });
    expect(shown[0].hint).toBe('futures do nothing unless you `.await` or poll them');
  });

  it('streams a worker run into the lab store and ends the report', () => {
    const { store, report, actor, pump, load } = setup();
    load('joinset');
    expect(report.getState().phase).toBe('running');
    pump();
    expect(store.getState().run.kind).toBe('done');
    expect(store.getState().eventCount).toBeGreaterThan(10);
    expect(report.getState().phase).toBe('ended');
    expect(report.getState().end).toEqual({ kind: 'finished', exitCode: 0 });
    expect(actor.getSnapshot().value).toEqual({ session: 'paused' });
    actor.send({ type: 'SEEK', to: store.getState().stepCount, unit: 'step' });
    expect(store.getState().view.console.size).toBe(4);
  });

  it('fails the run on a compile error and keeps the located problems', () => {
    const { store, report, actor, pump, load } = setup();
    load('no such program');
    pump();
    expect(report.getState().phase).toBe('compile-error');
    expect(sourceProblemsOf(report.getState())).toHaveLength(1);
    expect(store.getState().run.kind).toBe('error');
    expect(actor.getSnapshot().value).toBe('error');
    expect(store.getState().run).toMatchObject({ message: `${MAIN_FILE}:1:1: unknown test program "no such program"` });
  });

  it('reports a lost worker with the restart notice', () => {
    const { workers, timers, report, pump, load } = setup();
    load('forever');
    pump();
    workers[0].hang = true;
    timers.advance(1000);
    expect(report.getState().phase).toBe('lost');
    expect(report.getState().notice).toMatch(/restarted/);
    expect(workers).toHaveLength(2);
  });
});

describe('run report wording', () => {
  it('says how a run ended, and where a failed run stopped', () => {
    expect(noticeOfEnd({ kind: 'finished', exitCode: 0 })).toBeUndefined();
    expect(noticeOfEnd({ kind: 'finished', exitCode: 101 })).toBe('The program exited with code 101.');
    expect(noticeOfEnd({ kind: 'failed', problem: { line: 4, col: 5, message: 'too long' } })).toBe(
      'The run stopped at line 4: too long',
    );
    expect(noticeOfEnd({ kind: 'truncated', events: 2_000_000 })).toBe(
      'The run was cut off after 2,000,000 events; the lab keeps no more.',
    );
    expect(formatProblem('src/main.rs', { line: 3, col: 0, message: 'x', hint: 'y' })).toBe(
      'src/main.rs:3:1: x (hint: y)',
    );
    expect(formatProblem('src/main.rs', { line: 0, col: 0, message: 'x' })).toBe('x');
  });
});
