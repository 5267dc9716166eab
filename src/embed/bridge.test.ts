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

  it('ignores messages from other origins, other windows and malformed ones', () => {
    const { win, handled } = setup(null, HOST);
    win.deliver(m({ type: 'play' }), 'https://evil.example');
    win.deliver(m({ type: 'play' }), HOST, { other: 'window' });
    win.deliver({ type: 'play' }, HOST);
    win.deliver(m({ type: 'seek', step: 'x' }), HOST);
    expect(handled).toEqual([]);
    expect(win.posted).toHaveLength(1); // only the first ready: nothing answered
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
