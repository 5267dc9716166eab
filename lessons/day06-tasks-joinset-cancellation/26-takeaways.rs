//! The whole day in four moves: keep handles, bound tasks with a JoinSet, cancel with child tokens, abort the rest.[^hierarchy]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let ticker = tokio::spawn(async move {
        loop {
            sleep(Duration::from_millis(10)).await;
        }
    });
    let token = CancellationToken::new();
    let mut set = JoinSet::new();
    for id in 1..=2u32 {
        let token = token.child_token();
        set.spawn(async move {
            token.cancelled().await;
            println!("[{}ms] worker {}: stopping cleanly", start.elapsed().as_millis(), id);
            id
        });
    }
    sleep(Duration::from_millis(30)).await;
    println!("[{}ms] main: shutting down", start.elapsed().as_millis());
    token.cancel();
    while let Some(joined) = set.join_next().await {
        println!("[{}ms] main: joined worker {}", start.elapsed().as_millis(), joined.unwrap());
    }
    ticker.abort();
    let cancelled = ticker.await.unwrap_err().is_cancelled();
    println!("[{}ms] main: ticker aborted: {}", start.elapsed().as_millis(), cancelled);
}
