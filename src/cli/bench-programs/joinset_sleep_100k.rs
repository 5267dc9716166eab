//! Benchmark: 100,000 tasks sleeping 1–100 ms, joined through a JoinSet on a paused clock.
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut set = JoinSet::new();
    for i in 0..100_000u64 {
        set.spawn(async move {
            let ms = 1 + (i * 37) % 100;
            sleep(Duration::from_millis(ms)).await;
            ms
        });
    }
    let mut sum: u64 = 0;
    while let Some(r) = set.join_next().await {
        sum += r.unwrap();
    }
    println!("sum = {}", sum);
}
