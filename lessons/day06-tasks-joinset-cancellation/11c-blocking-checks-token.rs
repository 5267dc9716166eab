//! The fix: the blocking job checks a token after each step, and main cancels it before returning.[^blocking-checks-token]
use std::time::Duration;
use tokio::sync::oneshot;
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let token = CancellationToken::new();
    let stop = token.clone();
    let (started_tx, started_rx) = oneshot::channel();
    let job = tokio::task::spawn_blocking(move || {
        started_tx.send(()).unwrap();
        for step in 1..=3 {
            std::thread::sleep(Duration::from_millis(100));
            println!("blocking: step {} of 3", step);
            if stop.is_cancelled() {
                println!("blocking: saw the token after step {}; stopping", step);
                return step;
            }
        }
        3
    });
    started_rx.await.unwrap();
    println!("main: shutting down; token.cancel()");
    token.cancel();
    let steps = job.await.unwrap();
    println!("main: the job stopped after {} step(s); returning", steps);
}
