//! Before: a Vec<JoinHandle> joined one by one.[^-] An early `?` drops the other handles: they leak.[^vec-question-leaks]
use tokio::task::JoinHandle;
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
    let mut handles: Vec<JoinHandle<Result<u64, String>>> = Vec::new();
    for page in 1..=4 {
        handles.push(tokio::spawn(fetch(page, start)));
    }
    let mut pages = Vec::new();
    for handle in handles {
        // A hand-written try_join_all: the `?` returns at the first error and drops the other handles.[^vec-question-leaks]
        pages.push(handle.await.unwrap()?);
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
