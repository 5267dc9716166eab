//! Three tasks sleep for different times; `join_next` hands back each result as its task finishes.
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut set = JoinSet::new();
    for (name, ms) in [("slow", 30u64), ("quick", 10), ("medium", 20)] {
        set.spawn(async move {
            sleep(Duration::from_millis(ms)).await;
            name
        });
    }
    println!("[{}ms] spawned {} tasks", start.elapsed().as_millis(), set.len());
    while let Some(res) = set.join_next().await {
        let name = res.unwrap();
        println!("[{}ms] {} finished", start.elapsed().as_millis(), name);
    }
    println!("[{}ms] all done", start.elapsed().as_millis());
}
