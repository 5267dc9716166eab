//! is_finished() stays false right after abort(): the task is only marked; it ends when next run.[^is-finished-after-yield]
use tokio::task::yield_now;
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let handle = tokio::spawn(async move {
        println!("[{}ms] sleeper: going to sleep for 10s", start.elapsed().as_millis());
        sleep(Duration::from_secs(10)).await;
    });
    sleep(Duration::from_millis(5)).await;
    handle.abort();
    println!("[{}ms] main: abort() returned; is_finished = {}", start.elapsed().as_millis(), handle.is_finished());
    yield_now().await;
    println!("[{}ms] main: after one yield_now; is_finished = {}", start.elapsed().as_millis(), handle.is_finished());
    let err = handle.await.unwrap_err();
    println!("[{}ms] main: await -> is_cancelled = {}", start.elapsed().as_millis(), err.is_cancelled());
}
