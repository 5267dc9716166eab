/** `task::Id` ordering: by the id's number, as `<`, `cmp`, `max` and `sort` use it. */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from './test-support.ts';

describe('task::Id order', () => {
  it('compares ids by number (later spawns have larger ids)', () => {
    const out = stdoutOf(`#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut ids = Vec::new();
    for _ in 0..12 {
        ids.push(tokio::spawn(async { tokio::task::id() }).await.unwrap());
    }
    let (a, b) = (ids[0], ids[11]);
    println!("{} {} {} {:?} {}", a < b, b > a, a == a, a.cmp(&b), ids.iter().max() == Some(&b));
    ids.reverse();
    ids.sort();
    println!("{} {}", ids.windows(2).all(|w| w[0] < w[1]), ids[0] == a);
}
`);
    expect(out).toBe('true true true Less true\ntrue true\n');
  });
});
