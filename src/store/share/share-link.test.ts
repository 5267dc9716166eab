import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { crc32 } from './crc32.ts';
import { deflateRaw } from './deflate.ts';
import { decodeShare, decodeShareHash, encodeShare, MAX_SHARE_CHARS, shareUrl, shareValueOf } from './share-link.ts';
import type { ShareDecode } from './share-link.ts';
import type { SharedMoment } from './share-payload.ts';
import { VIEW_NAMES } from '../lab-types.ts';

const PROGRAM = `#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let h = tokio::spawn(async { println!("héllo ✓ {}", 1 + 1); 42 });
    println!("{:?}", h.await);
}
`;

const MOMENT: SharedMoment = {
  program: { source: PROGRAM, origin: { kind: 'lesson', lesson: 'day06-tasks-joinset-cancellation', slide: 7 } },
  config: { flavor: 'multi_thread', workers: 3, seed: 1234567 },
  step: 37,
  views: ['board', 'timeline', 'console'],
  task: 4,
};

async function valueOf(m: SharedMoment): Promise<string> {
  const e = await encodeShare(m);
  if (e.kind !== 'ok') throw new Error(e.message);
  return e.value;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A link body built by hand (valid framing, any JSON). */
async function raw(json: string, bytes = utf8(json)): Promise<string> {
  const packed = await deflateRaw(bytes);
  const data = new Uint8Array(packed.length + 4);
  data.set(packed);
  new DataView(data.buffer).setUint32(packed.length, crc32(bytes));
  return `v1.${encodeBase64Url(data)}`;
}

function expectError(d: ShareDecode, problem: string): string {
  if (d.kind !== 'error') throw new Error(`expected an error, got ${d.kind}`);
  expect(d.problem).toBe(problem);
  expect(d.message).toMatch(/default lesson/);
  return d.message;
}

describe('base64url', () => {
  it('round-trips any bytes and uses only URL-safe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with Node’s base64url', () => {
    const bytes = utf8('any carnal pleasure.?>~\u00ff');
    expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it('rejects foreign characters, impossible lengths and stray bits', () => {
    expect(decodeBase64Url('ab+c')).toBeUndefined();
    expect(decodeBase64Url('abc=')).toBeUndefined();
    expect(decodeBase64Url('abcde')).toBeUndefined();
    expect(decodeBase64Url('AB')).toBeUndefined(); // 'B' leaves a non-zero bit after the byte
    expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
  });
});

describe('share links', () => {
  it('round-trips a moment exactly', async () => {
    const value = await valueOf(MOMENT);
    expect(value.startsWith('v1.')).toBe(true);
    const d = await decodeShare(value);
    expect(d).toEqual({ kind: 'ok', moment: MOMENT, warnings: [] });
  });

  it('carries a schedule as v2, and old v1 links still open without one', async () => {
    const scheduled: SharedMoment = { ...MOMENT, config: { ...MOMENT.config, replayKey: '1234567-3.1-a.0' } };
    const value = await valueOf(scheduled);
    expect(value.startsWith('v2.')).toBe(true);
    expect(await decodeShare(value)).toEqual({ kind: 'ok', moment: scheduled, warnings: [] });
    const old = await decodeShare(await raw(JSON.stringify({ v: 1, source: 'x', seed: 5 })));
    expect(old.kind === 'ok' && old.moment.config).toEqual({ flavor: 'current_thread', workers: 1, seed: 5 });
  });

  it('carries Ctrl-C presses as v3, and drops malformed ones with a warning', async () => {
    const pressed: SharedMoment = {
      ...MOMENT,
      config: { ...MOMENT.config, replayKey: '1234567-3.1-a.0', ctrlCAfterSteps: [12, 40] },
    };
    const value = await valueOf(pressed);
    expect(value.startsWith('v3.')).toBe(true);
    expect(await decodeShare(value)).toEqual({ kind: 'ok', moment: pressed, warnings: [] });
    for (const ctrlC of [[5, 2], [-1], 'x', [], [1.5]]) {
      const d = await decodeShare(await raw(JSON.stringify({ v: 3, source: 'x', seed: 5, ctrlC })));
      if (d.kind !== 'ok') throw new Error(d.kind);
      expect(d.moment.config.ctrlCAfterSteps).toBeUndefined();
      expect(d.warnings.join()).toMatch(/Ctrl-C/);
    }
  });

  it('carries faults added by hand as v4, and drops each malformed one with a warning', async () => {
    const faulted: SharedMoment = {
      ...MOMENT,
      config: {
        ...MOMENT.config,
        ctrlCAfterSteps: [12],
        faults: ['reset:conn=1:step=40:by=client', 'refuse:conn=2', 'slow:conn=1:by=server:window=4096:delay=10'],
      },
    };
    const value = await valueOf(faulted);
    expect(value.startsWith('v4.')).toBe(true);
    expect(await decodeShare(value)).toEqual({ kind: 'ok', moment: faulted, warnings: [] });
    // a link with faults alone is v4 too: an older Task Lab must not open it without them
    const alone = await valueOf({ ...MOMENT, config: { ...MOMENT.config, faults: ['refuse:port=8080'] } });
    expect(alone.startsWith('v4.')).toBe(true);
    // older links still open as they did
    for (const v of [1, 2, 3]) {
      const d = await decodeShare(await raw(JSON.stringify({ v, source: 'x', seed: 5 })));
      if (d.kind !== 'ok') throw new Error(d.kind);
      expect(d.moment.config.faults).toBeUndefined();
      expect(d.warnings).toEqual([]);
    }
    const good = 'refuse:conn=2';
    for (const bad of ['explode:conn=1', 'reset:conn=0', 'refuse', 7, null, `refuse:conn=${'9'.repeat(300)}`]) {
      const d = await decodeShare(await raw(JSON.stringify({ v: 4, source: 'x', seed: 5, faults: [bad, good] })));
      if (d.kind !== 'ok') throw new Error(d.kind);
      expect(d.moment.config.faults).toEqual([good]);
      expect(d.warnings.join()).toMatch(/network fault/);
    }
    for (const faults of ['refuse:conn=2', [], {}, ['reset:conn=x']]) {
      const d = await decodeShare(await raw(JSON.stringify({ v: 4, source: 'x', seed: 5, faults })));
      if (d.kind !== 'ok') throw new Error(d.kind);
      expect(d.moment.config.faults).toBeUndefined();
      expect(d.warnings.join()).toMatch(/network fault/);
    }
  });

  it('carries the rate of faults drawn from the seed as v5, and drops one that is no rate', async () => {
    const drawn: SharedMoment = {
      ...MOMENT,
      config: { ...MOMENT.config, faultRate: 0.25, faults: ['refuse:conn=2'] },
    };
    const value = await valueOf(drawn);
    expect(value.startsWith('v5.')).toBe(true);
    expect(await decodeShare(value)).toEqual({ kind: 'ok', moment: drawn, warnings: [] });
    // a rate alone makes a v5 link: a v4 reader would replay the run without its faults
    const alone = await valueOf({ ...MOMENT, config: { ...MOMENT.config, faultRate: 1 } });
    expect(alone.startsWith('v5.')).toBe(true);
    for (const faultRate of [0, -0.5, 1.5, 'half', null, Number.MAX_VALUE]) {
      const d = await decodeShare(await raw(JSON.stringify({ v: 5, source: 'x', seed: 5, faultRate })));
      if (d.kind !== 'ok') throw new Error(d.kind);
      expect(d.moment.config.faultRate).toBeUndefined();
      expect(d.warnings.join()).toMatch(/random faults/);
    }
  });

  it('drops a schedule that is malformed or belongs to another seed, with a warning', async () => {
    for (const schedule of ['7-0.1', 'nonsense', 42]) {
      const d = await decodeShare(await raw(JSON.stringify({ v: 2, source: 'x', seed: 5, schedule })));
      if (d.kind !== 'ok') throw new Error(d.kind);
      expect(d.moment.config.replayKey).toBeUndefined();
      expect(d.warnings.join()).toMatch(/schedule/);
    }
  });

  it('round-trips arbitrary moments (property)', async () => {
    const moment = fc.record({
      program: fc.record({
        source: fc.string({ unit: 'binary', maxLength: 400 }),
        origin: fc.oneof(
          fc.constant({ kind: 'scratch' as const }),
          fc.record({
            kind: fc.constant('program' as const),
            program: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,20}$/),
          }),
          fc.record({
            kind: fc.constant('lesson' as const),
            lesson: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
            slide: fc.integer({ min: 1, max: 10_000 }),
          }),
        ),
      }),
      config: fc.oneof(
        fc.record({
          flavor: fc.constant('current_thread' as const),
          workers: fc.constant(1),
          seed: fc.maxSafeNat(),
        }),
        fc.record({
          flavor: fc.constant('multi_thread' as const),
          workers: fc.integer({ min: 1, max: 64 }),
          seed: fc.maxSafeNat(),
        }),
      ),
      step: fc.integer({ min: 0, max: 1_000_000_000 }),
      views: fc.uniqueArray(fc.constantFrom(...VIEW_NAMES)),
      task: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(moment, async (m) => {
        const d = await decodeShare(await valueOf(m));
        expect(d).toEqual({ kind: 'ok', moment: m, warnings: [] });
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('finds the share in a fragment among other parameters and builds links on any subpath', async () => {
    const value = await valueOf(MOMENT);
    const url = shareUrl('https://course.example/rust/tasklab/index.html?lesson=x#step=3', value);
    expect(url).toBe(`https://course.example/rust/tasklab/index.html?mode=lab#share=${value}`);
    const hash = new URL(url).hash;
    expect(shareValueOf(hash)).toBe(value);
    expect(shareValueOf(`#step=4&share=${value}`)).toBe(value);
    expect((await decodeShareHash(hash)).kind).toBe('ok');
    expect(await decodeShareHash('')).toEqual({ kind: 'none' });
    expect(await decodeShareHash('#lesson=a&step=3')).toEqual({ kind: 'none' });
  });

  it('reports a truncated link as damaged', async () => {
    const value = await valueOf(MOMENT);
    for (const cut of [value.length - 1, value.length - 5, Math.floor(value.length / 2), 4]) {
      const msg = expectError(await decodeShare(value.slice(0, cut)), 'corrupt');
      expect(msg).toMatch(/damaged/);
    }
  });

  it('reports altered data as damaged, never as a different program', async () => {
    const value = await valueOf(MOMENT);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: value.length - 1 }), fc.constantFrom(...'AQgw-_9z'), async (i, ch) => {
        const altered = value.slice(0, i) + ch + value.slice(i + 1);
        fc.pre(altered !== value);
        const d = await decodeShare(altered);
        // Bits DEFLATE ignores (the padding after its last block) may change harmlessly; any
        // change that reaches the program is caught.
        if (d.kind === 'ok') expect(d.moment).toEqual(MOMENT);
        else expectError(d, 'corrupt');
      }),
      { seed: 3, numRuns: 60 },
    );
  });

  it('rejects characters outside base64url, a missing version and an empty body', async () => {
    expectError(await decodeShare('v1.abc$def'), 'corrupt');
    expectError(await decodeShare('hello'), 'corrupt');
    expectError(await decodeShare('v1.'), 'corrupt');
    expectError(await decodeShare('v0.AAAA'), 'corrupt');
  });

  it('rejects an over-long value before decoding it', async () => {
    const msg = expectError(await decodeShare('v1.' + 'A'.repeat(MAX_SHARE_CHARS)), 'oversized');
    expect(msg).toMatch(/too long/);
  });

  it('stops inflating a small link that expands without bound (a zip bomb)', async () => {
    const bomb = await raw(JSON.stringify({ v: 1, source: ' '.repeat(4_000_000) }));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    expectError(await decodeShare(bomb), 'oversized');
  });

  it('refuses to share a program too large for a link', async () => {
    // Incompressible text: a deterministic pseudo-random sequence of letters.
    let x = 12345;
    let big = '';
    for (let i = 0; i < 80_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
      big += String.fromCharCode(33 + ((x >>> 16) % 90));
    }
    const e = await encodeShare({ ...MOMENT, program: { ...MOMENT.program, source: big } });
    expect(e.kind).toBe('too-large');
    if (e.kind === 'too-large') expect(e.message).toMatch(/too large for a link/);
  });

  it('names a link from a newer Task Lab', async () => {
    const msg = expectError(await decodeShare('v9.AAAA'), 'unsupported-version');
    expect(msg).toMatch(/newer Task Lab/);
    expectError(await decodeShare(await raw('{"v":6,"source":""}')), 'unsupported-version');
  });

  it('rejects payloads that are not a moment', async () => {
    expectError(await decodeShare(await raw('not json')), 'corrupt');
    expectError(await decodeShare(await raw('[1,2]')), 'corrupt');
    expectError(await decodeShare(await raw('{"v":1}')), 'corrupt');
    expectError(await decodeShare(await raw('', new Uint8Array([0xff, 0xfe]))), 'corrupt');
    const good = await raw('{"v":1,"source":"a"}');
    const wrongSum = good.slice(0, -2) + (good.endsWith('AA') ? 'BA' : 'AA');
    expect(await decodeShare(good)).toMatchObject({ kind: 'ok' });
    expect(expectError(await decodeShare(wrongSum), 'corrupt')).toMatch(/checksum|damaged/);
  });

  it('replaces bad optional fields by defaults and says so', async () => {
    const d = await decodeShare(
      await raw(
        JSON.stringify({
          v: 1,
          source: 'fn main() {}',
          origin: { kind: 'lesson', lesson: '../etc', slide: 2 },
          flavor: 'green_threads',
          workers: 1000,
          seed: -1,
          step: 1.5,
          views: ['board', 'nope', 'board'],
          task: 'x',
        }),
      ),
    );
    if (d.kind !== 'ok') throw new Error(d.kind);
    expect(d.moment).toEqual({
      program: { source: 'fn main() {}', origin: { kind: 'scratch' } },
      config: { flavor: 'current_thread', workers: 1, seed: 1 },
      step: 0,
      views: ['board'],
      task: undefined,
    });
    expect(d.warnings).toHaveLength(8);
  });

  it('gives current_thread one worker whatever the link says', async () => {
    const d = await decodeShare(await raw('{"v":1,"source":"","flavor":"current_thread","workers":8}'));
    expect(d.kind === 'ok' && d.moment.config.workers).toBe(1);
  });
});
