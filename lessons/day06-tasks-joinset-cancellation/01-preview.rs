//! The day in one program: workers in a JoinSet, one CancellationToken to stop them all.[^preview-day]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let token = CancellationToken::new();
    let mut set = JoinSet::new();
    for id in 1..=3u64 {
        let token = token.child_token();
        set.spawn(async move {
            let mut beats = 0;
            loop {
                tokio::select! {
                    _ = token.cancelled() => break,
                    _ = sleep(Duration::from_millis(10 * id)) => {
                        beats += 1;
                        println!("[{}ms] worker {}: beat {}", start.elapsed().as_millis(), id, beats);
                    }
                }
            }
            (id, beats)
        });
    }
    sleep(Duration::from_millis(35)).await;
    println!("[{}ms] main: cancel the token", start.elapsed().as_millis());
    token.cancel();
    while let Some(res) = set.join_next().await {
        let (id, beats) = res.unwrap();
        println!("[{}ms] main: worker {} stopped after {} beats", start.elapsed().as_millis(), id, beats);
    }
    println!("[{}ms] main: nothing left running", start.elapsed().as_millis());
}
