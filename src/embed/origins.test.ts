import { describe, expect, it } from 'vitest';
import { admits, afterHandshake, embedderOrigin, eventTargets, originOf, originPolicy } from './origins.ts';

const HOST = 'https://course.example';

describe('embed origins', () => {
  it('reads origins from URLs and refuses non-web ones', () => {
    expect(originOf('https://course.example/rust/day6.html?x#y')).toBe(HOST);
    expect(originOf('http://127.0.0.1:4174/')).toBe('http://127.0.0.1:4174');
    expect(originOf('file:///home/me/page.html')).toBeUndefined();
    expect(originOf('null')).toBeUndefined();
    expect(originOf('javascript:alert(1)')).toBeUndefined();
  });

  it('finds the embedder from ancestorOrigins first, then the referrer', () => {
    expect(embedderOrigin(['https://a.example', 'https://b.example'], 'https://c.example/x')).toBe('https://a.example');
    expect(embedderOrigin(undefined, 'https://c.example/page')).toBe('https://c.example');
    expect(embedderOrigin([], '')).toBeUndefined();
    expect(embedderOrigin(undefined, '')).toBeUndefined();
  });

  it('by default admits only the embedding page', () => {
    const { policy } = originPolicy(null, HOST);
    expect(policy).toEqual({ kind: 'embedder', origin: HOST });
    expect(admits(policy, HOST)).toBe(true);
    expect(admits(policy, 'https://evil.example')).toBe(false);
    expect(admits(policy, 'https://course.example:8443')).toBe(false);
    expect(eventTargets(policy)).toEqual([HOST]);
  });

  it('takes an explicit allow-list, dropping entries that are not origins', () => {
    const read = originPolicy(
      'https://a.example, https://b.example/  https://site.example/course ftp://x javascript:1',
      HOST,
    );
    expect(read.policy).toEqual({ kind: 'list', origins: ['https://a.example', 'https://b.example'] });
    expect(read.rejected).toEqual(['https://site.example/course', 'ftp://x', 'javascript:1']);
    expect(admits(read.policy, HOST)).toBe(false); // the list replaces the default
    expect(admits(read.policy, 'https://b.example')).toBe(true);
    expect(eventTargets(read.policy)).toEqual(['https://a.example', 'https://b.example']);
  });

  it('falls back to the default when the list holds no origin, never to everyone', () => {
    expect(originPolicy('not-an-origin', HOST).policy).toEqual({ kind: 'embedder', origin: HOST });
    expect(originPolicy('   ', undefined).policy).toEqual({ kind: 'first-handshake' });
  });

  it('admits anyone only for an explicit *', () => {
    const { policy } = originPolicy('*', HOST);
    expect(admits(policy, 'https://anyone.example')).toBe(true);
    expect(eventTargets(policy)).toEqual(['*']);
    expect(originPolicy('*,https://a.example', HOST).policy.kind).toBe('list');
  });

  it('without a known embedder trusts nothing until the first handshake, then only that origin', () => {
    const { policy } = originPolicy(null, undefined);
    expect(admits(policy, HOST)).toBe(false);
    expect(eventTargets(policy)).toEqual([]);
    const pinned = afterHandshake(policy, HOST);
    expect(admits(pinned, HOST)).toBe(true);
    expect(admits(afterHandshake(pinned, 'https://evil.example'), 'https://evil.example')).toBe(false);
    expect(afterHandshake(policy, 'null')).toEqual(policy);
  });
});
