//! select! races the work against token.cancelled(); the losing branch's future is dropped.[^select-drops-loser]
use tokio::time::{sleep, Duration, Instant};
use tokio_util::sync::CancellationToken;

/// Prints when dropped, to show when the losing branch's future is destroyed.[^select-drops-loser]
struct Guard {
    job: u64,
    start: Instant,
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("[{}ms] do_work({}) dropped", self.start.elapsed().as_millis(), self.job);
    }
}

async fn do_work(job: u64, start: Instant) -> u64 {
    let _g = Guard { job, start };
    sleep(Duration::from_millis(20 * job)).await;
    job * 10
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let token = CancellationToken::new();
    let mut handles = Vec::new();
    for job in 1..=2u64 {
        let child_token = token.child_token();
        handles.push(tokio::spawn(async move {
            tokio::select! {
                _ = child_token.cancelled() => {
                    println!("[{}ms] job {}: shutting down", start.elapsed().as_millis(), job);
                }
                result = do_work(job, start) => {
                    println!("[{}ms] job {}: done: {}", start.elapsed().as_millis(), job, result);
                }
            }
        }));
    }
    sleep(Duration::from_millis(30)).await;
    println!("[{}ms] main: token.cancel()", start.elapsed().as_millis());
    token.cancel();
    for handle in handles {
        handle.await.unwrap();
    }
    println!("[{}ms] main: both jobs joined", start.elapsed().as_millis());
}
