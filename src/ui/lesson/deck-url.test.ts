import { describe, expect, it } from 'vitest';
import { configOfSource } from './run-config.ts';
import { readDeckUrl, writeDeckUrl } from './deck-url.ts';
import { zoomed } from './zoom.ts';

describe('zoom', () => {
  it('zooms in steps within bounds', () => {
    expect(zoomed(1, 'zoom-in')).toBe(1.1);
    expect(zoomed(2, 'zoom-in')).toBe(2);
    expect(zoomed(0.6, 'zoom-out')).toBe(0.6);
    expect(zoomed(1.7, 'zoom-reset')).toBe(1);
  });
});

describe('deck URLs', () => {
  it('round-trips a place and keeps foreign parameters', () => {
    const place = {
      lesson: 'day06',
      slide: 7,
      seed: 42,
      step: 13,
      role: 'audience',
      projector: true,
      check: false,
    } as const;
    const search = writeDeckUrl('?utm=x&slide=2', place);
    expect(new URLSearchParams(search).get('utm')).toBe('x');
    expect(readDeckUrl(search)).toEqual(place);
  });

  it('omits defaults: slide 1, the slide seed, step 0, solo', () => {
    expect(
      writeDeckUrl('', {
        lesson: 'day06',
        slide: 1,
        seed: undefined,
        step: 0,
        role: 'solo',
        projector: false,
        check: false,
      }),
    ).toBe('?lesson=day06');
  });

  it('reads a bare URL as no lesson', () => {
    expect(readDeckUrl('')).toMatchObject({ lesson: undefined, slide: undefined, seed: undefined, role: 'solo' });
    expect(readDeckUrl('?lesson=x').slide).toBeUndefined();
    expect(readDeckUrl('?lesson=x&slide=1').slide).toBe(1);
  });
});

describe('configOfSource', () => {
  it('reads the flavor and worker count of #[tokio::main]', () => {
    expect(configOfSource('#[tokio::main(flavor = "current_thread", start_paused = true)]', 3)).toEqual({
      flavor: 'current_thread',
      workers: 1,
      seed: 3,
    });
    expect(configOfSource('#[tokio::main(flavor = "multi_thread", worker_threads = 2)]', 1)).toMatchObject({
      flavor: 'multi_thread',
      workers: 2,
    });
  });
});
