//! join_all waits for every handle; try_join_all stops at the first Err and drops the others.[^try-join-all-drops]
use futures_util::future::{join_all, try_join_all};
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

fn spawn_all(start: Instant) -> Vec<JoinHandle<Result<u64, String>>> {
    (1..=4).map(|page| tokio::spawn(fetch(page, start))).collect()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    // join_all: one Result per task, in spawn order, once every task has finished.[^join-all-waits]
    let all = join_all(spawn_all(start)).await;
    let pages: Vec<Result<u64, String>> = all.into_iter().map(|r| r.unwrap()).collect();
    println!("[{}ms] join_all -> {:?}", start.elapsed().as_millis(), pages);

    // try_join_all: the first Err ends the wait, and the handles it still holds are dropped.[^try-join-all-drops]
    let handles = spawn_all(start);
    let first = try_join_all(handles.into_iter().map(|h| async move { h.await.unwrap() })).await;
    println!("[{}ms] try_join_all -> {:?}", start.elapsed().as_millis(), first);
    sleep(Duration::from_millis(100)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
