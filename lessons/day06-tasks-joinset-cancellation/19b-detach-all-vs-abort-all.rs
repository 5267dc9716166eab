//! detach_all() lets the tasks go (they run on, unowned); abort_all() cancels them, and they stay joinable.[^detach-all-runs-on]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

async fn work(kind: &'static str, i: u64, start: Instant) -> u64 {
    sleep(Duration::from_millis(10 * i)).await;
    println!("[{}ms] {} {}: finished", start.elapsed().as_millis(), kind, i);
    i
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut detached = JoinSet::new();
    let mut aborted = JoinSet::new();
    for i in 1..=2 {
        detached.spawn(work("detached", i, start));
        aborted.spawn(work("aborted", i, start));
    }
    detached.detach_all();
    println!("[{}ms] detach_all(): len = {}", start.elapsed().as_millis(), detached.len());
    drop(detached);

    aborted.abort_all();
    println!("[{}ms] abort_all(): len = {}", start.elapsed().as_millis(), aborted.len());
    while let Some(r) = aborted.join_next().await {
        println!("[{}ms] joined: is_cancelled = {}", start.elapsed().as_millis(), r.unwrap_err().is_cancelled());
    }
    sleep(Duration::from_millis(50)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
