import { describe, expect, it } from 'vitest';
import { EmbedBridge } from './bridge.ts';
import type { BridgeWindow, PostTarget } from './bridge.ts';
import { originPolicy } from './origins.ts';
import { EMBED_PROTOCOL } from './protocol.ts';
import type { HostCommand } from './protocol.ts';

const HOST = 'https://course.example';

class FakeWindow implements BridgeWindow {
  readonly posted: { message: unknown; origin: string }[] = [];
  readonly parent: PostTarget = { postMessage: (message, origin) => this.posted.push({ message, origin }) };
  private listener: ((e: MessageEvent) => void) | undefined;
  addEventListener(_: 'message', l: (e: MessageEvent) => void) {
    this.listener = l;
  }
  removeEventListener() {
    this.listener = undefined;
  }
  deliver(data: unknown, origin: string, source: unknown = this.parent) {
    this.listener?.({ data, origin, source } as MessageEvent);
  }
  types() {
    return this.posted.map((p) => [(p.message as { type: string }).type, p.origin]);
  }
}

function setup(param: string | null, embedder: string | undefined) {
  const win = new FakeWindow();
  const handled: HostCommand[] = [];
  const bridge = new EmbedBridge({
    window: win,
    policy: originPolicy(param, embedder).policy,
    embedId: 'e1',
    handle: (c) => {
      handled.push(c);
      return c.type === 'setSlide' ? 'this embed shows a program, not a lesson' : undefined;
    },
    ready: () => ({
      type: 'ready',
      commands: ['play'],
      position: { step: 0, steps: 0, playback: 'idle', timeMs: 0 },
      slide: undefined,
    }),
  });
  bridge.start();
  return { win, handled, bridge };
}

const m = (body: Record<string, unknown>) => ({ protocol: EMBED_PROTOCOL, version: 1, ...body });

describe('embed bridge', () => {
  it('announces ready to the embedder and obeys it', () => {
    const { win, handled } = setup(null, HOST);
    expect(win.types()).toEqual([['ready', HOST]]);
    win.deliver(m({ type: 'play' }), HOST);
    win.deliver(m({ type: 'seek', step: 4 }), HOST);
    expect(handled).toEqual([{ type: 'play' }, { type: 'seek', step: 4 }]);
  });

  it('ignores messages from other origins, other windows and without the envelope', () => {
    const { win, handled } = setup(null, HOST);
    win.deliver(m({ type: 'play' }), 'https://evil.example');
    win.deliver(m({ type: 'play' }), HOST, { other: 'window' });
    win.deliver({ type: 'play' }, HOST);
    win.deliver(m({ type: 'seek', step: 'x' }), 'https://evil.example');
    expect(handled).toEqual([]);
    expect(win.posted).toHaveLength(1); // only the first ready: nothing answered
  });

  it('answers a malformed command with an error naming the field and its requestId, never echoing the value', () => {
    const { win, handled } = setup(null, HOST);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const huge = 'x'.repeat(5_000_000);
    win.deliver(m({ type: 'seek', step: 'x', requestId: 1 }), HOST);
    win.deliver({ protocol: EMBED_PROTOCOL, version: 10n, type: 'play', requestId: 2 }, HOST);
    win.deliver({ protocol: EMBED_PROTOCOL, version: cyclic, type: 'play', requestId: 3 }, HOST);
    win.deliver({ protocol: EMBED_PROTOCOL, version: huge, type: 'play', requestId: 4 }, HOST);
    win.deliver(m({ type: 'load', source: 'fn main() {}', seed: huge, requestId: 5 }), HOST);
    win.deliver(m({ type: huge, requestId: 6 }), HOST);
    win.deliver(m({ type: 'play', requestId: 7n }), HOST);
    expect(handled).toEqual([]);
    const errors = win.posted.slice(1).map((p) => p.message as { type: string; message: string; requestId?: unknown });
    expect(errors.map((e) => [e.type, e.requestId])).toEqual([
      ['error', 1],
      ['error', 2],
      ['error', 3],
      ['error', 4],
      ['error', 5],
      ['error', 6],
      ['error', undefined],
    ]);
    expect(errors[0].message).toBe('seek: step must be a whole number from 0 to 1000000000, not "x"');
    expect(errors[1].message).toMatch(/unsupported embed API version a BigInt/);
    expect(errors[2].message).toMatch(/unsupported embed API version an object/);
    expect(errors[3].message).toMatch(/version a string of 5000000 characters/);
    expect(errors[4].message).toMatch(/^load: seed must be a whole number .* not a string of 5000000 characters$/);
    expect(errors[6].message).toMatch(/^requestId must be/);
    for (const e of errors) expect(JSON.stringify(e).length).toBeLessThan(400);
  });

  it('sends the error of a command that fails later with its requestId, and survives a throwing handler', async () => {
    const win = new FakeWindow();
    const bridge = new EmbedBridge({
      window: win,
      policy: originPolicy(null, HOST).policy,
      embedId: 'e1',
      handle: (c) => {
        if (c.type === 'play') throw new TypeError('boom');
        return c.type === 'load' ? Promise.resolve('no lesson “missing”') : undefined;
      },
      ready: () => ({
        type: 'ready',
        commands: [],
        position: { step: 0, steps: 0, playback: 'idle', timeMs: 0 },
        slide: undefined,
      }),
    });
    bridge.start();
    win.deliver(m({ type: 'load', lesson: 'missing', requestId: 'r9' }), HOST);
    win.deliver(m({ type: 'play', requestId: 'r10' }), HOST);
    await Promise.resolve();
    const errors = win.posted.slice(1).map((p) => p.message);
    expect(errors).toEqual([
      expect.objectContaining({ type: 'error', message: 'play failed inside Task Lab', requestId: 'r10' }),
      expect.objectContaining({ type: 'error', message: 'no lesson “missing”', requestId: 'r9' }),
    ]);
  });

  it('sends errors and version mismatches back to the sender only', () => {
    const { win } = setup(null, HOST);
    win.deliver(m({ type: 'setSlide', slide: 2, requestId: 'q' }), HOST);
    win.deliver({ protocol: EMBED_PROTOCOL, version: 3, type: 'play' }, HOST);
    win.deliver({ protocol: EMBED_PROTOCOL, version: 3, type: 'play' }, 'https://evil.example');
    expect(win.posted.slice(1)).toEqual([
      {
        origin: HOST,
        message: expect.objectContaining({ type: 'error', requestId: 'q', embedId: 'e1' }) as unknown,
      },
      {
        origin: HOST,
        message: expect.objectContaining({
          type: 'error',
          message: expect.stringMatching(/version 3/) as unknown,
        }) as unknown,
      },
    ]);
  });

  it('emits events only where commands may come from', () => {
    const { win, bridge } = setup('https://a.example,https://b.example', HOST);
    win.posted.length = 0;
    bridge.emit({ type: 'challengePassed', lesson: 'l', slide: 1 });
    expect(win.types()).toEqual([
      ['challengePassed', 'https://a.example'],
      ['challengePassed', 'https://b.example'],
    ]);
  });

  it('in first-handshake mode stays silent until the parent says hello, then trusts that origin only', () => {
    const { win, handled, bridge } = setup(null, undefined);
    expect(win.posted).toEqual([]);
    bridge.emit({ type: 'step', step: 1, steps: 2, playback: 'paused', timeMs: 0 });
    win.deliver(m({ type: 'play' }), HOST);
    expect(win.posted).toEqual([]);
    expect(handled).toEqual([]);
    win.deliver(m({ type: 'hello' }), HOST, { not: 'the parent' }); // a sibling cannot pin
    expect(bridge.currentPolicy.kind).toBe('first-handshake');
    win.deliver(m({ type: 'hello' }), HOST);
    expect(win.types()).toEqual([['ready', HOST]]);
    win.deliver(m({ type: 'hello' }), 'https://evil.example');
    win.deliver(m({ type: 'play' }), 'https://evil.example');
    win.deliver(m({ type: 'play' }), HOST);
    expect(handled).toEqual([{ type: 'play' }]);
    expect(win.types()).toEqual([['ready', HOST]]);
  });

  it('stops listening when stopped', () => {
    const { win, handled, bridge } = setup(null, HOST);
    bridge.stop();
    win.deliver(m({ type: 'play' }), HOST);
    bridge.emit({ type: 'challengePassed', lesson: 'l', slide: 1 });
    expect(handled).toEqual([]);
    expect(win.posted).toHaveLength(1);
  });
});
