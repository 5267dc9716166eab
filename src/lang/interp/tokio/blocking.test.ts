/** std::thread::sleep inside spawn_blocking closures: the closure suspends on the real-time axis. */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from '../test-support.ts';

const MAIN = '#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n';

describe('blocking closures', () => {
  it('prints after each sleep come after the async side has run everything it could', () => {
    const out = stdoutOf(`use std::time::Duration;
${MAIN}    let h = tokio::task::spawn_blocking(|| {
        let mut total = 0;
        for i in 1..=2u64 {
            println!("blocking: step {}", i);
            std::thread::sleep(Duration::from_millis(10));
            total += i;
        }
        println!("blocking: done");
        total
    });
    for _ in 0..3 {
        println!("async: tick");
        tokio::task::yield_now().await;
    }
    println!("async: result {}", h.await.unwrap());
}`);
    expect(out).toBe(
      'async: tick\nblocking: step 1\nasync: tick\nasync: tick\nblocking: step 2\nblocking: done\nasync: result 3\n',
    );
  });

  it('the same closure called directly runs to completion', () => {
    const out = stdoutOf(`${MAIN}    let f = |n: u64| {
        std::thread::sleep(std::time::Duration::from_millis(5));
        n * 2
    };
    println!("{}", f(21));
}`);
    expect(out).toBe('42\n');
  });

  it('JoinSet::spawn_blocking jobs finish in the order their sleeps end', () => {
    const out = stdoutOf(`use tokio::task::JoinSet;
${MAIN}    let mut set = JoinSet::new();
    for n in 0..3u64 {
        set.spawn_blocking(move || {
            std::thread::sleep(std::time::Duration::from_millis(30 - n * 10));
            println!("job {} woke", n);
            n
        });
    }
    while let Some(r) = set.join_next().await {
        println!("joined {}", r.unwrap());
    }
}`);
    expect(out).toBe('job 2 woke\njoined 2\njob 1 woke\njoined 1\njob 0 woke\njoined 0\n');
  });
});
