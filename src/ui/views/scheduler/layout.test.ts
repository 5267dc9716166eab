import { describe, expect, it } from 'vitest';
import { TraceHistory } from '../../../store/view/derive-history.ts';
import { deriveScheduler } from '../../../store/view/derive-scheduler.ts';
import { reduceView } from '../../../store/view/reduce-view.ts';
import { traceBuilder } from '../../../store/view/trace-builder.ts';
import { INITIAL_VIEW_STATE } from '../../../store/index.ts';
import type { SimEvent } from '../../../store/index.ts';
import { layoutScheduler, NAMED_TOKEN_W, TOKEN } from './layout.ts';

function layout(events: readonly SimEvent[], width = 1200, workers = 1) {
  const h = new TraceHistory();
  h.syncFrom({ length: events.length, eventAt: (i) => events[i] });
  const view = events.reduce(reduceView, INITIAL_VIEW_STATE);
  return layoutScheduler(deriveScheduler(view, h, events.length, { workers }), view, width, undefined);
}

describe('layoutScheduler', () => {
  it('keys a task once: a queued task whose timer is still set appears twice, keyed by id once', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 })
      .spawn(1)
      .timer(9, 1, 100)
      .push('local', 1)
      .build();
    const l = layout(events);
    expect(l.tokens.filter((t) => t.task === 1).map((t) => t.key)).toEqual(['t1', 'timer-9']);
    expect(l.labels.some((x) => x.text === '@100ms')).toBe(true);
  });

  it('multi_thread: a row per worker with a LIFO slot and a 256-slot ring meter', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'multi_thread', runtime: 1 })
      .spawn(1)
      .push('lifo', 1, 1)
      .build();
    const l = layout(events, 1200, 3);
    expect(l.boxes.filter((b) => b.key.startsWith('lifo-')).map((b) => b.key)).toEqual(['lifo-0', 'lifo-1', 'lifo-2']);
    expect(l.boxes.find((b) => b.key === 'lifo-1')?.label).toBe('LIFO: task 1');
    expect(l.boxes.find((b) => b.key === 'meter-0')?.label).toBe('local ring 0 of 256');
    const token = l.tokens.find((t) => t.key === 't1');
    const slot = l.boxes.find((b) => b.key === 'lifo-1');
    if (token === undefined || slot === undefined) throw new Error('missing');
    expect(token.x).toBeGreaterThan(slot.x);
    expect(token.x).toBeLessThan(slot.x + slot.w);
  });

  it('names tasks as the board does, cutting long names, with the whole name in the label', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 })
      .spawn(1, 'fetch')
      .spawn(2, 'download_everything')
      .spawn(3)
      .push('local', 1)
      .push('local', 2)
      .push('local', 3)
      .timer(9, 1, 100)
      .build();
    const l = layout(events);
    // the timers row keeps glyph-and-id tokens: its deadlines are the point
    expect(l.tokens.find((t) => t.key === 'timer-9')).toMatchObject({ w: TOKEN.w, text: '● 1' });
    const text = (task: number) => l.tokens.find((t) => t.key === `t${task}`)?.text;
    expect(text(1)).toBe('● 1 fetch');
    expect(text(2)).toBe('● 2 downl…');
    expect(text(3)).toBe('● 3');
    expect(l.tokens.find((t) => t.key === 't2')?.label).toMatch(/^task 2 download_everything, notified/);
    // every token as wide as a named one, and the queue's tokens side by side without overlap
    const xs = [1, 2, 3].map((task) => l.tokens.find((t) => t.key === `t${task}`));
    for (const t of xs) expect(t?.w).toBe(NAMED_TOKEN_W);
    expect((xs[1]?.x ?? 0) - (xs[0]?.x ?? 0)).toBeGreaterThanOrEqual(NAMED_TOKEN_W);
  });

  it('keeps narrow tokens while no task has a name', () => {
    const b = traceBuilder().event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 });
    const l = layout(b.spawn(1).push('local', 1).build());
    expect(l.tokens.find((t) => t.key === 't1')).toMatchObject({ w: TOKEN.w, text: '● 1' });
  });

  it('shows a long queue as tokens that fit plus a count', () => {
    const b = traceBuilder().event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 });
    for (let i = 1; i <= 100; i++) b.spawn(i).push('inject', i);
    const l = layout(b.build(), 900);
    const shown = l.tokens.filter((t) => t.key.startsWith('t')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(100);
    expect(l.labels.find((x) => x.key === 'inject-q-more')?.text).toBe(`+${100 - shown}`);
    for (const t of l.tokens) expect(t.x + t.w / 2).toBeLessThanOrEqual(900);
  });

  it('is compact: no blocking-pool row for a program without one, inject queue and timers on one row', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'multi_thread', runtime: 1 })
      .spawn(1)
      .push('inject', 1)
      .build();
    const l = layout(events, 1200, 2);
    const rows = l.boxes.filter((b) => b.kind === 'row').map((b) => b.key);
    expect(rows).toEqual(['row-main', 'row-w0', 'row-w1', 'row-inject', 'row-timers']);
    const inject = l.boxes.find((b) => b.key === 'row-inject');
    const timers = l.boxes.find((b) => b.key === 'row-timers');
    if (inject === undefined || timers === undefined) throw new Error('missing');
    expect(inject.y).toBe(timers.y);
    expect(inject.x + inject.w).toBeLessThanOrEqual(timers.x);
    // Every row lies inside the picture.
    for (const b of l.boxes) expect(b.y + b.h).toBeLessThanOrEqual(l.height);
    expect(l.height).toBeLessThan(300);
  });

  it('the I/O driver row: a box per socket with its readiness and waiting task; the turn on show is marked', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 })
      .spawn(1)
      .event({ type: 'io.register', task: 0, socket: 1, kind: 'listener', localPort: 40000, peerPort: 0 })
      .event({ type: 'io.register', task: 0, socket: 2, kind: 'stream', localPort: 40001, peerPort: 40000 })
      .event({ type: 'io.wait', task: 1, socket: 1, direction: 'read' })
      .nextStep()
      .event({ type: 'io.turn', task: 0, tick: 1, sockets: 1 })
      .event({ type: 'io.ready', task: 0, socket: 2, ready: 2, tick: 1 })
      .event({ type: 'signal.install', task: 0 })
      .build();
    const l = layout(events);
    expect(l.boxes.find((b) => b.key === 'sock-1')?.label).toBe(
      'listener :40000: readiness none; task 1 waits to read',
    );
    expect(l.boxes.find((b) => b.key === 'sock-2')?.label).toBe('stream :40001→:40000: readiness W');
    expect(l.tokens.some((t) => t.key === 'sock-1-r' || (t.task === 1 && t.key === 't1'))).toBe(true);
    const texts = l.labels.map((x) => x.text);
    expect(texts).toContain(':40001→:40000 ◀');
    expect(texts).toContain('turn 1 ◀ · ^C ✓');
  });

  it('no I/O driver row for a program without sockets or signals', () => {
    const events = traceBuilder()
      .event({ type: 'runtime.created', task: 0, flavor: 'current_thread', runtime: 1 })
      .spawn(1)
      .build();
    expect(layout(events).boxes.some((b) => b.key === 'row-io')).toBe(false);
  });
});
