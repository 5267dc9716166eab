//! Challenge reference solution: keep POOL_SIZE connections alive, restarting any that fail.
use tokio::task::JoinSet;
use tokio::time::{sleep, sleep_until, Duration, Instant};

const POOL_SIZE: usize = 3;

/// Which attempts fail, and how many ms after connecting: (slot, attempt, ms).
/// Task Lab's checker replaces this table with its own schedule for each seed it tries.
const FAILURES: &[(usize, u32, u64)] = &[(2, 1, 25), (3, 1, 40), (3, 2, 30)];

/// A simulated connection. Attempts listed in FAILURES fail (Err(slot)); the others stay up.
async fn connect(slot: usize, attempt: u32, start: Instant) -> Result<(), usize> {
    println!("[{}ms] slot {}: connected (attempt {})", start.elapsed().as_millis(), slot, attempt);
    let mut fails_after = None;
    for &(s, a, ms) in FAILURES.iter() {
        if s == slot && a == attempt {
            fails_after = Some(ms);
        }
    }
    match fails_after {
        Some(ms) => {
            sleep(Duration::from_millis(ms)).await;
            println!("[{}ms] slot {}: connection lost", start.elapsed().as_millis(), slot);
            Err(slot)
        }
        None => {
            sleep(Duration::from_secs(3600)).await;
            Ok(())
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut attempts = [0u32; POOL_SIZE + 1];
    let mut set = JoinSet::new();
    for slot in 1..=POOL_SIZE {
        attempts[slot] = 1;
        set.spawn(connect(slot, 1, start));
    }
    let deadline = start + Duration::from_millis(100);
    let mut restarts = 0;
    loop {
        tokio::select! {
            _ = sleep_until(deadline) => break,
            Some(ended) = set.join_next() => {
                if let Ok(Err(slot)) = ended {
                    restarts += 1;
                    attempts[slot] += 1;
                    println!("[{}ms] pool: restarting slot {}", start.elapsed().as_millis(), slot);
                    set.spawn(connect(slot, attempts[slot], start));
                }
            }
        }
    }
    println!("[{}ms] pool: shutting down after {} restarts", start.elapsed().as_millis(), restarts);
    set.shutdown().await;
    println!("[{}ms] pool: {} connections left", start.elapsed().as_millis(), set.len());
}
