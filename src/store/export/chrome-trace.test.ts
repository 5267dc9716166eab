import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayLog } from '../timeline/fold-timeline.ts';
import { traceArbitrary } from '../view/trace-arbitrary.ts';
import { traceBuilder } from '../view/trace-builder.ts';
import type { SimEvent } from '../../sim/index.ts';
import { chromeTraceJson, MAIN_TID, RUNTIME_TID, toChromeTrace } from './chrome-trace.ts';
import type { TraceSource } from './chrome-trace.ts';
import type { TraceEvent } from './trace-event-format.ts';
import { checkTraceEventFormat } from './trace-format-check.ts';

const MS = 1_000_000;

/** spawn + sleep(100ms) + await, shaped as the simulator records it on current_thread. */
function spawnSleepAwait(): SimEvent[] {
  return traceBuilder()
    .event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 })
    .nextStep()
    .pollStart(0, 5)
    .print('[0ms] main: start')
    .spawn(1, undefined, 9)
    .push('local', 1)
    .pollEnd(0, 'pending')
    .nextStep()
    .pop('local', 1)
    .pollStart(1, 9)
    .timer(1, 1, 100)
    .pollEnd(1, 'pending')
    .nextStep()
    .at(100 * MS)
    .event({ type: 'time.advance', task: 0, toMs: 100, reason: 'auto_advance' })
    .fire(1)
    .wake(1, 0)
    .nextStep()
    .pollStart(1, 11)
    .print('[100ms] task: returning 42', 1)
    .output(1, 'ok')
    .wake(0, 1)
    .pollEnd(1, 'ready')
    .nextStep()
    .pollStart(0, 14)
    .joined(1)
    .pollEnd(0, 'ready')
    .build();
}

function sourceOf(events: readonly SimEvent[]): TraceSource {
  const log = arrayLog<SimEvent>();
  for (const e of events) log.push(e);
  return { length: log.length, eventAt: (i) => (i < log.length ? log.at(i) : undefined) };
}

const of = <P extends TraceEvent['ph']>(events: readonly TraceEvent[], ph: P) =>
  events.filter((e): e is Extract<TraceEvent, { ph: P }> => e.ph === ph);

describe('Chrome trace export', () => {
  it('writes a file the Trace Event Format accepts, on both clocks', () => {
    for (const clock of ['virtual', 'sequence'] as const) {
      const json: unknown = JSON.parse(chromeTraceJson(sourceOf(spawnSleepAwait()), { clock, seed: 7 }));
      expect(checkTraceEventFormat(json)).toEqual([]);
    }
  });

  it('makes each task a named track and each poll a slice on it', () => {
    const t = toChromeTrace(sourceOf(spawnSleepAwait()), { seed: 7, title: 'Day 6' });
    const names = of(t.traceEvents, 'M').filter((m) => m.name === 'thread_name');
    const nameOf = new Map(names.map((m) => [m.tid, 'name' in m.args ? m.args.name : '']));
    expect(nameOf.get(1)).toBe('task 1');
    expect(nameOf.get(MAIN_TID)).toBe('main future (block_on)');
    expect(nameOf.get(RUNTIME_TID)).toMatch(/runtime/);
    const process = of(t.traceEvents, 'M').find((m) => m.name === 'process_name');
    expect(process?.args).toEqual({ name: 'Day 6: Tokio current_thread runtime, seed 7' });
    const polls = of(t.traceEvents, 'X').filter((x) => x.cat === 'poll');
    expect(polls.map((p) => [p.tid, p.name, p.args?.line])).toEqual([
      [MAIN_TID, 'poll → Pending', 5],
      [1, 'poll → Pending', 9],
      [1, 'poll → Ready', 11],
      [MAIN_TID, 'poll → Ready', 14],
    ]);
    // The virtual clock puts the second poll of task 1 at 100 ms (100 000 µs).
    expect(polls[2].ts).toBeGreaterThanOrEqual(100_000);
    expect(polls[1].ts).toBeLessThan(1);
    expect(t.otherData).toMatchObject({ seed: 7, flavor: 'current_thread', clock: 'virtual' });
  });

  it('draws wakes and spawns as flow arrows from the causing track to the next poll of the target', () => {
    const t = toChromeTrace(sourceOf(spawnSleepAwait()));
    const starts = of(t.traceEvents, 's');
    const ends = of(t.traceEvents, 'f');
    const polls = of(t.traceEvents, 'X').filter((x) => x.cat === 'poll');
    const arrows = starts.map((s) => {
      const f = ends.find((e) => e.id === s.id);
      const target = polls.find((p) => p.tid === f?.tid && p.ts === f.ts);
      return [s.cat, s.tid, f?.tid, target?.name];
    });
    expect(arrows).toEqual([
      ['spawn', MAIN_TID, 1, 'poll → Pending'], // spawned inside main's poll; first polled next step
      ['wake', RUNTIME_TID, 1, 'poll → Ready'], // the timer driver wakes task 1
      ['wake', 1, MAIN_TID, 'poll → Ready'], // task 1's completion wakes the JoinHandle's waker
    ]);
  });

  it('shows virtual time as a counter and output as instants', () => {
    const t = toChromeTrace(sourceOf(spawnSleepAwait()), { clock: 'sequence' });
    expect(of(t.traceEvents, 'C').map((c) => c.args.ms)).toEqual([0, 100]);
    const printed = of(t.traceEvents, 'i').filter((i) => i.cat === 'stdout');
    expect(printed.map((i) => [i.tid, i.name])).toEqual([
      [MAIN_TID, '[0ms] main: start'],
      [1, '[100ms] task: returning 42'],
    ]);
    // One microsecond per event on the sequence clock.
    expect(printed[1].ts - printed[0].ts).toBe(12);
  });

  it('exports each decision as an instant with its options, and the schedule in otherData', () => {
    const events = spawnSleepAwait();
    const at = events[3];
    const base = { index: at.index, step: at.step, time: at.time, task: 0 };
    const turn: SimEvent = { ...base, type: 'choice', point: 'mt.turn', options: 2, taken: 1, ids: [2, 3] };
    const branch: SimEvent = { ...base, type: 'choice', point: 'select.start', options: 2, taken: 0, ids: [0, 1] };
    events.splice(3, 0, turn, branch);
    const t = toChromeTrace(sourceOf(events), { seed: 3, schedule: '3-1.1' });
    const choices = of(t.traceEvents, 'i').filter((i) => i.cat === 'choice');
    expect(choices.map((c) => [c.name, c.args])).toEqual([
      [
        'choice mt.turn: worker 1',
        { step: at.step, point: 'mt.turn', decision: 0, taken: 1, options: 'worker 0 | worker 1' },
      ],
      [
        'choice select.start: branch 1',
        { step: at.step, point: 'select.start', decision: 1, taken: 0, options: 'branch 1 | branch 2' },
      ],
    ]);
    expect(t.otherData.schedule).toBe('3-1.1');
    expect(checkTraceEventFormat(t)).toEqual([]);
  });

  it('exports a prefix when asked and closes a poll the prefix ends inside', () => {
    const t = toChromeTrace(sourceOf(spawnSleepAwait()), { upTo: 3 });
    const polls = of(t.traceEvents, 'X').filter((x) => x.cat === 'poll');
    expect(polls.map((p) => p.name)).toEqual(['poll → unfinished']);
    expect(checkTraceEventFormat(JSON.parse(JSON.stringify(t)))).toEqual([]);
  });

  it('names multi_thread workers and blocking tasks', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'multi_thread', runtime: 1 })
      .spawn(3, 'fetch', 4, true)
      .pop('local', 3, 2)
      .pollStart(3)
      .pollEnd(3, 'ready')
      .build();
    const t = toChromeTrace(sourceOf(events));
    const poll = of(t.traceEvents, 'X').find((x) => x.cat === 'poll');
    expect(poll?.args?.worker).toBe(2);
    const name = of(t.traceEvents, 'M').find((m) => m.tid === 3 && m.name === 'thread_name');
    expect(name?.args).toEqual({ name: 'task 3 “fetch” (spawn_blocking)' });
  });

  it('is valid for any trace (property)', () => {
    fc.assert(
      fc.property(traceArbitrary(120), fc.constantFrom('virtual' as const, 'sequence' as const), (events, clock) => {
        const json: unknown = JSON.parse(chromeTraceJson(sourceOf(events), { clock }));
        expect(checkTraceEventFormat(json)).toEqual([]);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('the trace format checker', () => {
  const base = { name: 'x', cat: 'c', pid: 1, tid: 1 };
  const check = (events: unknown[]) => checkTraceEventFormat({ traceEvents: events });

  it('accepts a minimal valid file and rejects a wrong top level', () => {
    expect(check([{ ...base, ph: 'X', ts: 0, dur: 1 }])).toEqual([]);
    expect(checkTraceEventFormat({ events: [] })).toHaveLength(1);
    expect(checkTraceEventFormat({ traceEvents: [], displayTimeUnit: 's' })).toHaveLength(1);
  });

  it('catches missing and mistyped fields', () => {
    expect(check([{ ...base, ph: 'Q', ts: 0 }])[0]).toMatch(/unknown phase/);
    expect(check([{ ...base, ph: 'X', ts: 0 }])[0]).toMatch(/dur/);
    expect(check([{ ...base, ph: 'X', ts: -1, dur: 1 }])[0]).toMatch(/ts/);
    expect(check([{ ...base, ph: 'i', ts: 0, s: 'x' }])[0]).toMatch(/scope/);
    expect(check([{ ...base, pid: 'p', ph: 'i', ts: 0 }])[0]).toMatch(/pid/);
    expect(check([{ ...base, ph: 'C', ts: 0, args: { v: 'no' } }])[0]).toMatch(/counter/);
    expect(check([{ ph: 'M', name: 'thread_colour', pid: 1, tid: 1, args: {} }])[0]).toMatch(/metadata/);
    expect(check([{ ph: 'M', name: 'thread_name', pid: 1, tid: 1, args: {} }])[0]).toMatch(/argument/);
  });

  it('catches slices that overlap without nesting, and unbalanced B/E', () => {
    const overlap = check([
      { ...base, ph: 'X', ts: 0, dur: 10 },
      { ...base, ph: 'X', ts: 5, dur: 10 },
    ]);
    expect(overlap[0]).toMatch(/overlaps/);
    expect(check([{ ...base, ph: 'B', ts: 0 }])[0]).toMatch(/unterminated/);
    expect(check([{ ...base, ph: 'E', ts: 0 }])[0]).toMatch(/without a matching B/);
  });

  it('catches flows that end before they start or bind to nothing', () => {
    const slice = { ...base, ph: 'X', ts: 0, dur: 10 };
    expect(check([slice, { ...base, ph: 'f', bp: 'e', id: 1, ts: 5 }])[0]).toMatch(/no earlier start/);
    expect(
      check([slice, { ...base, ph: 's', id: 1, ts: 20 }, { ...base, ph: 'f', bp: 'e', id: 1, ts: 5 }]),
    ).not.toEqual([]);
    expect(check([{ ...base, ph: 's', id: 1, ts: 5 }])[0]).toMatch(/bound to no slice/);
    expect(check([slice, { ...base, ph: 's', id: 1, ts: 1 }, { ...base, ph: 'f', bp: 'e', id: 1, ts: 5 }])).toEqual([]);
  });
});
