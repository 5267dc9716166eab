import { describe, expect, it } from 'vitest';
import { embedUrl, iframeSnippet, readEmbedParams } from './embed-params.ts';

describe('embed parameters', () => {
  it('reads the lab state and the embed’s own parameters', () => {
    const p = readEmbedParams(
      '?embed=1&lesson=day06&slide=3&seed=9&step=12&view=timeline&theme=dark&id=left&origins=https://a.example',
      '#share=v1.abc',
    );
    expect(p.url.target).toEqual({ kind: 'lesson', lesson: 'day06', slide: 3 });
    expect(p.url.seed).toBe(9);
    expect(p.url.step).toBe(12);
    expect(p).toMatchObject({
      view: 'timeline',
      theme: 'dark',
      embedId: 'left',
      origins: 'https://a.example',
      share: 'v1.abc',
      problems: [],
    });
  });

  it('uses defaults and reports what it did not understand', () => {
    const p = readEmbedParams('?embed=1&view=nope&theme=neon&id=<script>&seed=x', '');
    expect(p).toMatchObject({ view: 'board', theme: 'auto', embedId: '', origins: null, share: undefined });
    expect(p.problems).toHaveLength(4);
  });

  it('builds embed URLs on any subpath, the program in the fragment', () => {
    const url = embedUrl('https://course.example/tools/tasklab/index.html?mode=lab#x', {
      lesson: 'day06',
      slide: 2,
      seed: 1,
      step: 0,
      view: 'board',
      id: 'a',
      share: 'v1.xyz',
    });
    expect(url).toBe(
      'https://course.example/tools/tasklab/index.html?embed=1&lesson=day06&slide=2&seed=1&id=a#share=v1.xyz',
    );
    const back = readEmbedParams(new URL(url).search, new URL(url).hash);
    expect(back.url.target).toEqual({ kind: 'lesson', lesson: 'day06', slide: 2 });
    expect(back.share).toBe('v1.xyz');
  });

  it('escapes the iframe snippet', () => {
    const s = iframeSnippet('https://x.example/?a=1&b="2"', 'Day <6>');
    expect(s).toBe(
      '<iframe src="https://x.example/?a=1&amp;b=&quot;2&quot;" title="Day &lt;6&gt;" width="640" height="360" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
  });
});
