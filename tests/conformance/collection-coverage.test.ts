/**
 * The checklist of std's collection methods (`docs/std-methods/collections.md`) stays true: every
 * stable method std 1.95 documents is either in the interpreter's tables or left out with a
 * reason, and the committed checklist is what the tables give today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverage, MARKDOWN_PATH, renderMarkdown } from '../../scripts/collection-coverage.ts';

describe('std collection methods checklist', () => {
  it('gives every stable method a status', () => {
    const missing = coverage()
      .filter((r) => r.s.k === 'left out' && r.s.why === 'MISSING')
      .map((r) => `${r.type}::${r.m.name}`);
    expect(missing).toEqual([]);
  });

  it('lists hundreds of methods, most of them supported', () => {
    const stable = coverage().filter((r) => !r.m.unstable);
    expect(stable.length).toBeGreaterThan(350);
    expect(stable.filter((r) => r.s.k === 'supported').length / stable.length).toBeGreaterThan(0.8);
  });

  it('is committed as generated', async () => {
    expect(readFileSync(MARKDOWN_PATH, 'utf8')).toBe(await renderMarkdown());
  });
});
