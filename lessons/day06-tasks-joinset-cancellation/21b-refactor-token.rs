//! After, step 2: every fetch gets a child token and stops on its own when the deadline cancels it.[^refactor-token]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};
use tokio_util::sync::CancellationToken;

async fn fetch(page: u64, token: CancellationToken, start: Instant) -> Result<u64, String> {
    tokio::select! {
        _ = token.cancelled() => {
            println!("[{}ms] fetch {}: cancelled; closing its connection", start.elapsed().as_millis(), page);
            Err(format!("page {} cancelled", page))
        }
        _ = sleep(Duration::from_millis(10 * page)) => {
            println!("[{}ms] fetch {}: ok", start.elapsed().as_millis(), page);
            Ok(page)
        }
    }
}

async fn fetch_all(token: CancellationToken, start: Instant) -> Vec<Result<u64, String>> {
    let mut set = JoinSet::new();
    for page in 1..=4 {
        set.spawn(fetch(page, token.child_token(), start));
    }
    let mut results = Vec::new();
    while let Some(joined) = set.join_next().await {
        // Both arms: a panicked fetch becomes an Err too, never a silent gap.[^joinset-results]
        results.push(joined.unwrap_or_else(|e| Err(e.to_string())));
    }
    results
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let token = CancellationToken::new();
    let deadline = token.clone();
    tokio::spawn(async move {
        sleep(Duration::from_millis(25)).await;
        println!("[{}ms] main: deadline; token.cancel()", start.elapsed().as_millis());
        deadline.cancel();
    });
    let results = fetch_all(token, start).await;
    println!("[{}ms] main: {:?}", start.elapsed().as_millis(), results);
}
