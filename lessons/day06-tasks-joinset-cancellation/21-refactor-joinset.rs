//! After: the same fetches in a JoinSet.[^-] The early `?` drops the set, which aborts the rest.[^refactor-joinset]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

async fn fetch(page: u64, start: Instant) -> Result<u64, String> {
    sleep(Duration::from_millis(10 * page)).await;
    if page == 2 {
        return Err(format!("page {} is missing", page));
    }
    println!("[{}ms] fetch {}: ok", start.elapsed().as_millis(), page);
    Ok(page)
}

async fn fetch_all(start: Instant) -> Result<Vec<u64>, String> {
    let mut set = JoinSet::new();
    for page in 1..=4 {
        set.spawn(fetch(page, start));
    }
    let mut pages = Vec::new();
    while let Some(result) = set.join_next().await {
        // Same early `?`, but now leaving the function drops `set`, and that aborts pages 3 and 4.[^refactor-joinset]
        pages.push(result.unwrap()?);
    }
    Ok(pages)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let result = fetch_all(start).await;
    println!("[{}ms] main: fetch_all -> {:?}", start.elapsed().as_millis(), result);
    sleep(Duration::from_millis(100)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
