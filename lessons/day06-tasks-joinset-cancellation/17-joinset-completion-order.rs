//! join_next() hands results back in the order tasks finish, not the order they were spawned.[^joinset-completion-order]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let jobs = [("resize", 30u64), ("upload", 10), ("thumbnail", 20), ("index", 0)];
    let mut set = JoinSet::new();
    for (name, ms) in jobs {
        set.spawn(async move {
            sleep(Duration::from_millis(ms)).await;
            name
        });
    }
    println!("[{}ms] main: {} jobs in the set", start.elapsed().as_millis(), set.len());
    while let Some(result) = set.join_next().await {
        match result {
            Ok(name) => println!("[{}ms] got: {} (len now {})", start.elapsed().as_millis(), name, set.len()),
            Err(e) => println!("[{}ms] task failed: {}", start.elapsed().as_millis(), e),
        }
    }
    println!("[{}ms] main: is_empty = {}", start.elapsed().as_millis(), set.is_empty());
}
