/** Playback on statement events: breakpoints inside one poll's loop, and "next statement" (`n`). */
import { afterEach, describe, expect, it } from 'vitest';
import { traceBuilder } from '../store/index.ts';
import type { SimEvent } from '../store/index.ts';
import { PlaybackHarness } from './playback-harness.ts';

/**
 * Step 1 polls task 1 once: it runs a loop of three iterations without suspending, each one
 * starting line 5 (`let d = i * 2;`) and line 6 (`println!`). Step 2 polls task 2 (line 20).
 */
function loopTrace(): SimEvent[] {
  const b = traceBuilder().spawn(1).push('local', 1).spawn(2).push('local', 2);
  b.nextStep().pop('local', 1).pollStart(1, 3).line(1, 4);
  for (let i = 0; i < 3; i++)
    b.line(1, 5)
      .line(1, 6)
      .print(`${i * 2}\n`, 1);
  b.output(1, 'ok').pollEnd(1, 'ready');
  b.nextStep().pop('local', 2).pollStart(2, 19).line(2, 20).output(2, 'ok').pollEnd(2, 'ready');
  return b.build();
}

/** Tasks 1 and 2 interleave: 1 reaches 10, 2 reaches 30, 1 suspends; 2 reaches 31; 1 resumes at 11. */
function interleavedTrace(): SimEvent[] {
  const b = traceBuilder().spawn(1).spawn(2);
  b.nextStep().pollStart(1, 9).line(1, 10).pollEnd(1, 'pending');
  b.nextStep().pollStart(2, 29).line(2, 30).pollEnd(2, 'pending');
  b.nextStep().pollStart(2, 30).line(2, 31).output(2, 'ok').pollEnd(2, 'ready');
  b.nextStep().pollStart(1, 10).line(1, 11).output(1, 'ok').pollEnd(1, 'ready');
  return b.build();
}

let h: PlaybackHarness;
afterEach(() => h.dispose());

const lineEvents = (events: readonly SimEvent[], line: number) =>
  events.flatMap((e, i) => (e.type === 'statement' && e.line === line ? [i] : []));

describe('playback on statements', () => {
  it('stops at a breakpoint on a loop line each iteration, inside one scheduler step', () => {
    const events = loopTrace();
    const hits = lineEvents(events, 5);
    expect(hits).toHaveLength(3);
    h = new PlaybackHarness();
    h.load().feed(events).finish();
    h.send({ type: 'TOGGLE_BREAKPOINT', line: 5 });
    for (const [i, event] of hits.entries()) {
      h.send({ type: 'PLAY' });
      h.wait(2_000);
      expect(h.status).toBe('paused');
      expect(h.context.lastStop).toEqual({ kind: 'breakpoint', line: 5, event });
      expect(h.store.getState().view.tasks.get(1)?.line).toBe(5);
      // the loop's output so far: one line per finished iteration
      expect(h.store.getState().view.console.size).toBe(i);
    }
    h.send({ type: 'PLAY' });
    h.wait(2_000);
    expect(h.status).toBe('finished');
  });

  it("goes to the current task's next statement, past other tasks' lines", () => {
    const events = interleavedTrace();
    h = new PlaybackHarness();
    h.load().feed(events).finish();
    h.send({ type: 'NEXT_STATEMENT' });
    // nothing has run yet: the first line any task reaches, task 1's poll starting at line 9
    expect(h.context.lastStop).toEqual({
      kind: 'statement',
      line: 9,
      event: events.findIndex((e) => e.type === 'poll.start'),
    });
    h.send({ type: 'NEXT_STATEMENT' });
    expect(h.context.lastStop).toMatchObject({ kind: 'statement', line: 10 });
    // task 1 suspends; its next line is where it resumes (poll.start at 10), then line 11
    h.send({ type: 'NEXT_STATEMENT' });
    const resume = events.findIndex((e, i) => i > 4 && e.type === 'poll.start' && e.task === 1);
    expect(h.context.lastStop).toEqual({ kind: 'statement', line: 10, event: resume });
    h.send({ type: 'NEXT_STATEMENT' });
    expect(h.context.lastStop).toMatchObject({ kind: 'statement', line: 11 });
    expect(h.store.getState().view.tasks.get(1)?.line).toBe(11);
    // task 1 reaches no line again: the run ends
    h.send({ type: 'NEXT_STATEMENT' });
    expect(h.status).toBe('finished');
  });

  it('goes on to whichever task reaches a line next once the current one never does again', () => {
    const b = traceBuilder().spawn(1).spawn(2);
    b.nextStep().pollStart(1, 9).line(1, 10).output(1, 'ok').pollEnd(1, 'ready');
    b.nextStep().pollStart(2, 29).line(2, 30).output(2, 'ok').pollEnd(2, 'ready');
    const events = b.build();
    h = new PlaybackHarness();
    h.load().feed(events).finish();
    h.send({ type: 'NEXT_STATEMENT' }).send({ type: 'NEXT_STATEMENT' });
    expect(h.context.lastStop).toMatchObject({ kind: 'statement', line: 10 });
    h.send({ type: 'NEXT_STATEMENT' });
    expect(h.context.lastStop).toMatchObject({ kind: 'statement', line: 29 });
    expect(h.status).toBe('paused');
  });

  it('waits for the current task to reach a line while the run still streams', () => {
    const events = interleavedTrace();
    h = new PlaybackHarness();
    h.load().feed(events.slice(0, 8));
    h.send({ type: 'NEXT_STATEMENT' }).send({ type: 'NEXT_STATEMENT' });
    expect(h.context.lastStop).toMatchObject({ kind: 'statement', line: 10 });
    h.send({ type: 'NEXT_STATEMENT' });
    expect(h.status).toBe('stepping');
    h.feed(events.slice(8)).finish();
    expect(h.context.lastStop).toMatchObject({ kind: 'statement', line: 10 });
    expect(h.status).toBe('paused');
  });
});
