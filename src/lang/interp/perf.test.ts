/**
 * Large runs finish and stay right: a long integer loop and many spawned tasks. How fast they run is
 * `npm run bench`'s to measure, not a test's to assert (shared machines vary).
 */
import { describe, expect, it } from 'vitest';
import { runRust } from './test-support.ts';

describe('performance', () => {
  it('runs a 1,000,000-iteration arithmetic loop', () => {
    const r = runRust(`fn main() {
    let mut sum: u64 = 0;
    let mut i = 0u64;
    while i < 1_000_000 {
        sum += i * 2 % 7;
        i += 1;
    }
    println!("{}", sum);
}
`);
    expect(r.stdout).toBe('2999997\n');
  });

  it('spawns and awaits 50,000 tasks', () => {
    const r = runRust(`#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles = Vec::with_capacity(50_000);
    for i in 0..50_000u64 {
        handles.push(tokio::spawn(async move { i * 2 }));
    }
    let mut total = 0u64;
    for h in handles {
        total += h.await.unwrap();
    }
    println!("total = {}", total);
}
`);
    expect(r.stdout).toBe('total = 2499950000\n');
  });
});
