import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor, SimulatedClock } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduleStore } from '../../store/explorer/index.ts';
import { createLabStore } from '../../store/index.ts';
import type { RunConfig } from '../../store/index.ts';
import { SimWorkerClient } from '../../worker/client.ts';
import { LANG_ENGINE } from '../../worker/lang-engine.ts';
import { FakeTimers, FakeWorker } from '../../worker/testing/fake-worker.ts';
import { bindPlaybackToStore } from '../bind-store.ts';
import { playbackMachine } from '../playback.ts';
import { traceOfStore } from '../playback-trace.ts';
import { storeRunner } from '../runner.ts';
import { createRunReportStore } from '../worker-bridge/run-report.ts';
import { workerRunSource } from '../worker-bridge/worker-run-source.ts';
import { createScheduleDriver } from './schedule-driver.ts';

const SELECT = readFileSync(join(import.meta.dirname, '../../explore/fixtures/select-two-ready.rs'), 'utf8');
const CONFIG: RunConfig = { flavor: 'multi_thread', workers: 2, seed: 1 };

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

/** A lab as the app wires it, with the worker in-process and pumped by hand. */
function setup() {
  let worker: FakeWorker | null = null;
  const client = new SimWorkerClient(() => (worker = new FakeWorker(LANG_ENGINE)), { timers: new FakeTimers() });
  const store = createLabStore();
  const machine = playbackMachine.provide({
    actors: { runner: storeRunner(store, workerRunSource(client, createRunReportStore())) },
  });
  const actor = createActor(machine, { input: { trace: traceOfStore(store) }, clock: new SimulatedClock() });
  const unbind = bindPlaybackToStore(actor, store);
  actor.start();
  const schedule = createScheduleStore();
  const lab = {
    store,
    send: (c: Parameters<typeof actor.send>[0]) => actor.send(c),
    run: (source: string, config: RunConfig) =>
      actor.send({ type: 'LOAD', program: { source, origin: { kind: 'scratch' } }, config }),
  };
  const driver = createScheduleDriver(lab, schedule);
  stops.push(() => {
    driver.dispose();
    unbind();
    actor.stop();
    client.dispose();
  });
  const pump = () => {
    for (let i = 0; i < 100_000 && worker !== null && worker.pump(); i++);
  };
  const stdout = () => {
    const { timeline } = store.getState();
    let out = '';
    for (let i = 0; i < timeline.length; i++) {
      const e = timeline.eventAt(i);
      if (e?.type === 'stdout') out += e.text;
    }
    return out;
  };
  const toEnd = () => lab.send({ type: 'SEEK', to: store.getState().stepCount, unit: 'step' });
  return { store, schedule, driver, lab, pump, stdout, toEnd };
}

describe('the schedule driver', () => {
  it('stops at each decision in scheduler mode; picking the other select! branch changes the outcome', () => {
    const t = setup();
    t.lab.run(SELECT, CONFIG);
    t.pump();
    expect(t.store.getState().run.kind).toBe('done');
    const before = t.stdout();
    expect(before).toMatch(/^(a|b) won with/);

    t.schedule.getState().actions.setScheduler(true);
    let flipped = 0;
    let stops = 0;
    for (let guard = 0; guard < 200; guard++) {
      t.toEnd();
      const p = t.schedule.getState().pending;
      if (p === undefined) break;
      stops++;
      // The view waits just before the choice event.
      expect(t.store.getState().position).toBe(p.event);
      expect(t.store.getState().timeline.eventAt(p.event)?.type).toBe('choice');
      if (p.point === 'select.start') {
        expect(p.labels).toEqual(['branch 1', 'branch 2']);
        flipped++;
        t.driver.pick(1 - p.taken);
        t.pump();
      } else {
        t.driver.pick(p.taken);
      }
    }
    expect(stops).toBeGreaterThan(1);
    expect(flipped).toBe(1);
    const after = t.stdout();
    expect(after).not.toBe(before);
    expect(after).toMatch(/^(a|b) won with/);

    // The picks are a schedule: replaying its key alone gives the same run.
    const key = t.store.getState().config.replayKey;
    expect(key).toMatch(/^1-/);
    const replay = setup();
    replay.lab.run(SELECT, { ...CONFIG, replayKey: key });
    replay.pump();
    expect(replay.stdout()).toBe(after);
    expect(replay.store.getState().eventCount).toBe(t.store.getState().eventCount);
  });

  it('opens a run at the end of the step holding a decision, and marks where it parted', () => {
    const t = setup();
    t.lab.run(SELECT, CONFIG);
    t.pump();
    t.driver.open(SELECT, '1-1.1', 0, 0);
    t.pump();
    const s = t.store.getState();
    expect(s.config.replayKey).toBe('1-1.1');
    const choice = s.timeline.eventAt(
      [...Array(s.timeline.length).keys()].find((i) => s.timeline.eventAt(i)?.type === 'choice') ?? -1,
    );
    expect(choice?.type === 'choice' ? choice.taken : -1).toBe(1);
    expect(s.position).toBeGreaterThan(0);
    expect(s.position).toBeLessThan(s.timeline.length);
    expect(t.schedule.getState().parted).toEqual({ decision: 0, mainTaken: 0 });
  });
});
