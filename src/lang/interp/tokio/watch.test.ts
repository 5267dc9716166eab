/**
 * `watch` parks each waiting receiver on one of eight Notify slots drawn from the thread's FastRand
 * (Tokio's BigNotify), and a send wakes the slots in order: the wake order of two receivers is
 * the seed's choice, the same for the same seed, and both orders occur across seeds.
 */
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../run.ts';

const SOURCE = `
use tokio::sync::watch;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = watch::channel(0);
    let mut hs = Vec::new();
    for name in ["a", "b"] {
        let mut rx = rx.clone();
        hs.push(tokio::spawn(async move {
            rx.changed().await.unwrap();
            print!("{}", name);
        }));
    }
    tokio::task::yield_now().await;
    tx.send(1).unwrap();
    for h in hs {
        h.await.unwrap();
    }
}
`;

function order(seed: number): string {
  const c = compile(SOURCE, 'src/main.rs');
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  return runProgram(c.program, { seed }).stdout;
}

describe('watch wake order', () => {
  it('is reproducible for a seed and varies across seeds', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 24; seed++) {
      const o = order(seed);
      expect(o === 'ab' || o === 'ba').toBe(true);
      expect(order(seed)).toBe(o);
      seen.add(o);
    }
    expect([...seen].sort()).toEqual(['ab', 'ba']);
  });
});
