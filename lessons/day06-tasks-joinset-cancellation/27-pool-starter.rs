//! Challenge starter: a pool that should keep POOL_SIZE connections alive. It does not restart yet.
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

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
    let mut set = JoinSet::new();
    for slot in 1..=POOL_SIZE {
        set.spawn(connect(slot, 1, start));
    }
    let restarts = 0;
    // TODO 1: until 100ms have passed, wait for the next connection to end with set.join_next().[^-]
    // TODO 2: when one ends with Err(slot), spawn connect(slot, next attempt, start) and count a restart.[^-]
    // TODO 3: a panicked connection ends with a JoinError, which names its task id but not its slot:
    //         remember each task's slot (set.spawn(..).id()) and restart it too.[^join-error-id]
    // TODO 4: at 100ms, stop the loop and close every connection with set.shutdown().await.[^-]
    sleep(Duration::from_millis(100)).await;
    println!("[{}ms] pool: shutting down after {} restarts", start.elapsed().as_millis(), restarts);
}
