//! Dropping a JoinHandle detaches its task (it keeps running); the drop takes a fast or a slow path.[^drop-handle-paths]
use tokio::time::{sleep, timeout, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let first = tokio::spawn(async move {
        sleep(Duration::from_millis(20)).await;
        println!("[{}ms] first: finished, although its handle is gone", start.elapsed().as_millis());
    });
    drop(first);
    println!("[{}ms] main: dropped the first handle before its task ran", start.elapsed().as_millis());

    let mut second = tokio::spawn(async move {
        sleep(Duration::from_millis(40)).await;
        println!("[{}ms] second: finished, although its handle is gone", start.elapsed().as_millis());
    });
    let waited = timeout(Duration::from_millis(10), &mut second).await;
    println!("[{}ms] main: waited 10ms for the second task: timed out = {}", start.elapsed().as_millis(), waited.is_err());
    drop(second);
    println!("[{}ms] main: dropped the second handle after polling it", start.elapsed().as_millis());

    sleep(Duration::from_millis(50)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
