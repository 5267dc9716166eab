//! One task, one cell: the future goes in at spawn, the output waits there until the handle reads it.[^task-cell]
use tokio::task::yield_now;
use tokio::time::Instant;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let handle = tokio::spawn(async move {
        println!("[{}ms] task: polled once, returns 42", start.elapsed().as_millis());
        42
    });
    println!("[{}ms] main: spawned; is_finished = {}", start.elapsed().as_millis(), handle.is_finished());
    yield_now().await;
    println!("[{}ms] main: after yield_now; is_finished = {}", start.elapsed().as_millis(), handle.is_finished());
    let output = handle.await.unwrap();
    println!("[{}ms] main: read {} out of the cell", start.elapsed().as_millis(), output);
}
