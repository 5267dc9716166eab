import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBED_PROTOCOL, embedEvent, parseHostMessage } from './protocol.ts';

const msg = (body: Record<string, unknown>) => ({ protocol: EMBED_PROTOCOL, version: 1, ...body });

describe('embed protocol', () => {
  it('reads every command', () => {
    expect(parseHostMessage(msg({ type: 'hello' }))).toEqual({
      kind: 'command',
      command: { type: 'hello' },
      requestId: undefined,
    });
    expect(parseHostMessage(msg({ type: 'play', requestId: 'r1' }))).toEqual({
      kind: 'command',
      command: { type: 'play' },
      requestId: 'r1',
    });
    expect(parseHostMessage(msg({ type: 'pause' }))).toMatchObject({ command: { type: 'pause' } });
    expect(parseHostMessage(msg({ type: 'step' }))).toMatchObject({ command: { type: 'step', back: false } });
    expect(parseHostMessage(msg({ type: 'step', back: true }))).toMatchObject({
      command: { type: 'step', back: true },
    });
    expect(parseHostMessage(msg({ type: 'seek', step: 12 }))).toMatchObject({ command: { type: 'seek', step: 12 } });
    expect(parseHostMessage(msg({ type: 'setSlide', slide: 3 }))).toMatchObject({
      command: { type: 'setSlide', slide: 3 },
    });
    expect(
      parseHostMessage(msg({ type: 'load', source: 'fn main() {}', seed: 9, flavor: 'multi_thread', workers: 2 })),
    ).toEqual({
      kind: 'command',
      command: { type: 'load', source: 'fn main() {}', seed: 9, flavor: 'multi_thread', workers: 2 },
      requestId: undefined,
    });
    expect(parseHostMessage(msg({ type: 'load', lesson: 'day06', slide: 4, step: 10 }))).toMatchObject({
      command: { type: 'load', lesson: 'day06', slide: 4, step: 10 },
    });
  });

  it('ignores what is not ours', () => {
    const ignored = [null, 'play', 42, [], { type: 'play' }, { protocol: 'other', version: 1, type: 'play' }];
    for (const data of ignored) expect(parseHostMessage(data)).toEqual({ kind: 'ignored' });
  });

  it('names what is wrong with a malformed command of ours', () => {
    const invalid = [
      msg({ type: 'explode' }),
      msg({ type: 'seek' }),
      msg({ type: 'seek', step: -1 }),
      msg({ type: 'seek', step: 1.5 }),
      msg({ type: 'seek', step: '3' }),
      msg({ type: 'step', back: 'yes' }),
      msg({ type: 'setSlide', slide: 0 }),
      msg({ type: 'load' }),
      msg({ type: 'load', source: 'a', lesson: 'b' }),
      msg({ type: 'load', source: 'a', slide: 2 }),
      msg({ type: 'load', source: 42 }),
      msg({ type: 'load', lesson: '../../etc' }),
      msg({ type: 'load', source: 'a', flavor: 'green' }),
      msg({ type: 'load', source: 'a', workers: 0 }),
      msg({ type: 'load', source: 'x'.repeat(200_001) }),
      msg({ type: 'play', requestId: { nested: true } }),
    ];
    for (const data of invalid) {
      const p = parseHostMessage(data);
      expect(p.kind, JSON.stringify(data).slice(0, 80)).toBe('invalid');
      if (p.kind === 'invalid') expect(p.message.length).toBeLessThan(200);
    }
    expect(parseHostMessage(msg({ type: 'load', source: 'a', workers: 0, requestId: 'w' }))).toEqual({
      kind: 'invalid',
      message: 'load: workers must be a whole number from 1 to 64, not 0',
      requestId: 'w',
    });
    expect(parseHostMessage(msg({ type: 'load', source: 'a', lesson: 'b' }))).toMatchObject({
      message: 'load: give exactly one of source and lesson',
    });
  });

  it('flags our protocol at another version so the host can be told', () => {
    expect(parseHostMessage({ protocol: EMBED_PROTOCOL, version: 2, type: 'play', requestId: 7 })).toEqual({
      kind: 'unsupported',
      version: '2',
      requestId: 7,
    });
    expect(parseHostMessage({ protocol: EMBED_PROTOCOL, type: 'play' })).toMatchObject({ kind: 'unsupported' });
  });

  it('never throws on arbitrary data (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true }), fc.anything(), (data, extra) => {
        parseHostMessage(data);
        parseHostMessage({ protocol: EMBED_PROTOCOL, version: data, type: extra, requestId: extra });
        const p = parseHostMessage({
          protocol: EMBED_PROTOCOL,
          version: 1,
          type: 'load',
          source: extra,
          lesson: extra,
        });
        if (p.kind !== 'ignored' && p.kind !== 'command') JSON.stringify(p);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('wraps events in the envelope', () => {
    expect(embedEvent('a', { type: 'challengePassed', lesson: 'l', slide: 2 })).toEqual({
      protocol: EMBED_PROTOCOL,
      version: 1,
      embedId: 'a',
      type: 'challengePassed',
      lesson: 'l',
      slide: 2,
    });
  });
});
