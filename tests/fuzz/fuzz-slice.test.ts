/**
 * A bounded, deterministic slice of the mutation fuzzer (`npm run fuzz` runs it for minutes): 400
 * mutants of the corpus programs from seed 1. Every one must end in a located diagnostic, a Rust-like
 * panic or abort, a normal exit or a guard's stop; a finding prints the edit and the reason, and
 * `npm run fuzz -- --seed 1` replays it.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, loadCorpus } from '../../src/cli/fuzz-run.ts';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

describe('mutation fuzzing of the corpus', () => {
  it('400 mutants from seed 1 have no internal outcome', () => {
    const corpus = loadCorpus(ROOT);
    expect(corpus.length).toBeGreaterThan(50);
    const t = fuzz(corpus, { seed: 1, count: 400, hangMs: 10_000 });
    expect(t.mutants).toBe(400);
    expect(t.findings.map((f) => `#${f.index} ${f.program} [${f.edit}]: ${f.reason}`)).toEqual([]);
    // the edits must produce both refused and running programs, or the slice tests nothing
    expect(t.kinds.refused).toBeGreaterThan(50);
    expect(t.kinds.exit + t.kinds.panic).toBeGreaterThan(50);
  }, 180_000);
});
