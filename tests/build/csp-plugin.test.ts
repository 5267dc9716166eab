/** The page's Content-Security-Policy is computed from the HTML it governs (scripts/csp-plugin.ts). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineHashes, policyFor } from '../../scripts/csp-plugin.ts';

const hashOf = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;

describe('csp plugin', () => {
  it('allows no inline script or style when the page has none, and no nonce', () => {
    const html = '<head><script type="module" crossorigin src="./assets/index.js"></script></head>';
    const p = policyFor(html);
    expect(p).toContain("script-src 'self';");
    expect(p).toContain("style-src 'self';");
    expect(p).not.toMatch(/nonce-|unsafe-/);
  });

  it('hashes each inline script and style by its exact text', () => {
    const html = '<script type="module">boot();</script><style>a{color:red}</style><script src="x.js"></script>';
    expect(inlineHashes(html, 'script')).toEqual([hashOf('boot();')]);
    expect(inlineHashes(html, 'style')).toEqual([hashOf('a{color:red}')]);
    expect(policyFor(html)).toContain(`script-src 'self' ${hashOf('boot();')};`);
  });

  it('adds the dev server’s nonce to style-src only when given', () => {
    expect(policyFor('', 'abc')).toContain("style-src 'self' 'nonce-abc';");
  });
});
