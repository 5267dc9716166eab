/**
 * A run's seed is hashed as Tokio's `RngSeed::from_bytes` does, so the first random draw of nearby
 * seeds differs: an unbiased `select!` between two ready branches must not pick the same branch
 * for every small seed (it did when the raw seed went straight into the generator).
 */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from './test-support.ts';

const TWO_READY = `
#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::select! {
        _ = async {} => println!("a"),
        _ = async {} => println!("b"),
    }
}
`;

describe('seed mixing', () => {
  it('gives both branches of an unbiased select! among seeds 1..=50, in rough balance', () => {
    const counts = { a: 0, b: 0 };
    for (let seed = 1; seed <= 50; seed++) {
      const out = stdoutOf(TWO_READY, { seed });
      counts[out.trim() as 'a' | 'b'] += 1;
    }
    expect(counts.a).toBeGreaterThan(10);
    expect(counts.b).toBeGreaterThan(10);
  });

  it('is still deterministic: one seed, one branch', () => {
    expect(stdoutOf(TWO_READY, { seed: 7 })).toBe(stdoutOf(TWO_READY, { seed: 7 }));
  });
});
