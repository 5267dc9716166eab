//! Notified → Running → Idle (a timer holds the waker) → Notified → Running → Complete.[^lifecycle]
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let handle = tokio::spawn(async move {
        println!("[{}ms] task: first poll; now waiting on a 10ms timer", start.elapsed().as_millis());
        sleep(Duration::from_millis(10)).await;
        println!("[{}ms] task: the timer woke me; second poll", start.elapsed().as_millis());
        "done"
    });
    println!("[{}ms] main: spawned; the task is Notified, in the run queue", start.elapsed().as_millis());
    let result = handle.await.unwrap();
    println!("[{}ms] main: joined -> {}", start.elapsed().as_millis(), result);
}
