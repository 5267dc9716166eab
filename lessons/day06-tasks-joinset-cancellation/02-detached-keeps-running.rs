//! Fire and forget: the JoinHandle is dropped at once, and the task runs on with nobody watching.[^drop-handle-detaches]
use tokio::time::{sleep, Duration, Instant};

async fn do_work(start: Instant) {
    for step in 1..=3 {
        sleep(Duration::from_millis(10)).await;
        println!("[{}ms] worker: step {} done", start.elapsed().as_millis(), step);
    }
    println!("[{}ms] worker: finished, and nobody is listening", start.elapsed().as_millis());
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    tokio::spawn(do_work(start)); // the JoinHandle is dropped right here[^drop-handle-detaches]
    println!("[{}ms] main: spawned the worker and dropped its handle", start.elapsed().as_millis());
    sleep(Duration::from_millis(15)).await;
    println!("[{}ms] main: no handle, so no way to wait for the worker", start.elapsed().as_millis());
    sleep(Duration::from_millis(30)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
