import { describe, expect, it } from 'vitest';
import type { PlaybackCommand } from '../flow/index.ts';
import type { Lesson, Slide } from '../lessons/types.ts';
import { createLabStore } from '../store/index.ts';
import type { BridgeWindow, PostTarget } from './bridge.ts';
import { EmbedSession } from './embed-session.ts';
import type { EmbedLab } from './embed-session.ts';

const HOST = 'https://course.example';

function slide(id: string, source?: string): Slide {
  const scenario =
    source === undefined
      ? undefined
      : { file: `${id}.rs`, expectedFile: `${id}.txt`, source, expected: '', line: 1, firstLine: 1, seed: 5 };
  return { id, title: id.toUpperCase(), body: '', cues: [], notes: '', quizzes: [], line: 1, scenario };
}

const LESSON: Lesson = {
  id: 'day06',
  file: 'lessons/day06/lesson.md',
  meta: { title: 'Day 6', course: 'c', week: 1, day: 6, duration: '' },
  slides: [slide('one', 'fn main() { 1 }'), slide('two'), slide('three', 'fn main() { 3 }')],
};

function setup() {
  const sent: PlaybackCommand[] = [];
  const posted: unknown[] = [];
  const store = createLabStore();
  let connected = 0;
  const lab: EmbedLab = {
    store,
    connect: () => {
      connected++;
      return () => connected--;
    },
    send: (c) => sent.push(c),
  };
  const parent: PostTarget = { postMessage: (m) => posted.push(m) };
  const win: BridgeWindow = { parent, addEventListener: () => {}, removeEventListener: () => {} };
  const session = new EmbedSession({
    lab,
    window: win,
    policy: { kind: 'embedder', origin: HOST },
    embedId: 'x',
    lessons: () => Promise.resolve([LESSON]),
  });
  session.start();
  return { session, sent, posted, store, connections: () => connected };
}

const types = (posted: unknown[]) => posted.map((p) => (p as { type: string }).type);

describe('embed session', () => {
  it('loads what it shows only once connected, and again after a reconnect', async () => {
    const { session, sent } = setup();
    expect(await session.showSlide('day06', 3)).toBeUndefined();
    expect(sent).toEqual([]);
    const disconnect = session.connect();
    expect(sent).toEqual([
      {
        type: 'LOAD',
        program: { source: 'fn main() { 3 }', origin: { kind: 'lesson', lesson: 'day06', slide: 3 } },
        config: { flavor: 'current_thread', workers: 1, seed: 5 },
        step: undefined,
      },
    ]);
    disconnect();
    session.connect();
    expect(sent).toHaveLength(2);
  });

  it('maps host commands to playback commands', () => {
    const { session, sent } = setup();
    session.connect();
    void session.handle({ type: 'play' });
    void session.handle({ type: 'pause' });
    void session.handle({ type: 'step' });
    void session.handle({ type: 'step', back: true });
    void session.handle({ type: 'seek', step: 9 });
    void session.handle({ type: 'load', source: 'fn main() {}', seed: 4, flavor: 'multi_thread' });
    expect(sent).toEqual([
      { type: 'PLAY' },
      { type: 'PAUSE' },
      { type: 'STEP_FORWARD' },
      { type: 'STEP_BACK' },
      { type: 'SEEK', to: 9, unit: 'step' },
      {
        type: 'LOAD',
        program: { source: 'fn main() {}', origin: { kind: 'scratch' } },
        config: { flavor: 'multi_thread', workers: 4, seed: 4 },
        step: undefined,
      },
    ]);
  });

  it('changes slides, reports them, and refuses slides that do not exist', async () => {
    const { session, posted } = setup();
    expect(session.handle({ type: 'setSlide', slide: 2 })).toMatch(/not a lesson/);
    await session.showSlide('day06', 1);
    expect(session.handle({ type: 'setSlide', slide: 4 })).toMatch(/slides 1 to 3/);
    expect(session.handle({ type: 'setSlide', slide: 2 })).toBeUndefined();
    expect(session.slide()).toEqual({ lesson: 'day06', slide: 2, slides: 3, title: 'TWO' });
    expect(posted.filter((p) => (p as { type: string }).type === 'slideChange')).toHaveLength(2);
    expect(await session.showSlide('nope', 1)).toMatch(/no lesson/);
  });

  it('emits a step event when the step shown or the playback state changes', () => {
    const { posted, store } = setup();
    posted.length = 0;
    store.getState().actions.setPlayback('paused');
    store.getState().actions.setSpeed(2); // neither step nor playback: no event
    store.getState().actions.setPlayback('playing');
    expect(types(posted)).toEqual(['step', 'step']);
    expect(posted[1]).toMatchObject({ step: 0, steps: 0, playback: 'playing', timeMs: 0, embedId: 'x' });
  });

  it('answers a load of a lesson that does not exist with its error, later (the bridge adds the requestId)', async () => {
    const { session } = setup();
    const outcome = session.handle({ type: 'load', lesson: 'missing' });
    expect(outcome).toBeInstanceOf(Promise);
    expect(await outcome).toMatch(/no lesson/);
  });
});
