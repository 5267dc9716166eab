//! Challenge reference solution: keep POOL_SIZE connections alive, restarting any that fail.
use std::collections::HashMap;
use tokio::task::{Id, JoinSet};
use tokio::time::{sleep, sleep_until, Duration, Instant};

const POOL_SIZE: usize = 3;
/// Which attempts fail, how many ms after connecting, and whether they panic: (slot, attempt, ms, panics).[^-]
/// Task Lab's checker replaces this table with its own schedule for each seed it tries.[^-]
const FAILURES: &[(usize, u32, u64, bool)] = &[(2, 1, 25, false), (3, 1, 40, true), (3, 2, 30, false)];

/// A simulated connection. Attempts in FAILURES end with Err(slot), or panic; the others stay up.[^-]
async fn connect(slot: usize, attempt: u32, start: Instant) -> Result<(), usize> {
    println!("[{}ms] slot {}: connected (attempt {})", start.elapsed().as_millis(), slot, attempt);
    match FAILURES.iter().find(|f| f.0 == slot && f.1 == attempt) {
        Some(&(_, _, ms, panics)) => {
            sleep(Duration::from_millis(ms)).await;
            println!("[{}ms] slot {}: connection lost", start.elapsed().as_millis(), slot);
            if panics {
                panic!("slot {} crashed", slot);
            }
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
    let mut attempts = [1u32; POOL_SIZE + 1];
    // A panic's JoinError names the task, not the slot: remember which task serves which slot.[^join-error-id]
    let mut slots: HashMap<Id, usize> = HashMap::new();
    let (mut set, mut restarts) = (JoinSet::new(), 0);
    for slot in 1..=POOL_SIZE {
        slots.insert(set.spawn(connect(slot, 1, start)).id(), slot);
    }
    loop {
        tokio::select! {
            _ = sleep_until(start + Duration::from_millis(100)) => break,
            Some(ended) = set.join_next_with_id() => {
                let failed = match ended {
                    Ok((_, Err(slot))) => Some(slot),
                    Err(e) if e.is_panic() => slots.get(&e.id()).copied(),
                    _ => None,
                };
                if let Some(slot) = failed {
                    (restarts, attempts[slot]) = (restarts + 1, attempts[slot] + 1);
                    println!("[{}ms] pool: restarting slot {}", start.elapsed().as_millis(), slot);
                    slots.insert(set.spawn(connect(slot, attempts[slot], start)).id(), slot);
                }
            }
        }
    }
    println!("[{}ms] pool: shutting down after {} restarts", start.elapsed().as_millis(), restarts);
    set.shutdown().await;
    println!("[{}ms] pool: {} connections left", start.elapsed().as_millis(), set.len());
}
