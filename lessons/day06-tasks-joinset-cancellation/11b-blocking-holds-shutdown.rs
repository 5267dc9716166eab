//! main returns while a spawn_blocking job runs: dropping the runtime waits for the job to end.[^blocking-holds-shutdown]
use std::time::Duration;
use tokio::sync::oneshot;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (started_tx, started_rx) = oneshot::channel();
    tokio::task::spawn_blocking(move || {
        started_tx.send(()).unwrap();
        for step in 1..=3 {
            std::thread::sleep(Duration::from_millis(100));
            println!("blocking: step {} of 3 (100ms of real time each)", step);
        }
        println!("blocking: done; only now can the runtime finish shutting down");
    });
    started_rx.await.unwrap();
    println!("main: the job has started; returning drops the runtime, which waits for it");
}
