//! Cancellation is cooperative: a task stops only where it looks at the token.[^cooperative-token] One that never looks runs on.[^cooperative-token]
use tokio::time::{sleep, Duration, Instant};
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let token = CancellationToken::new();
    let t = token.clone();
    let polite = tokio::spawn(async move {
        for step in 1..=5 {
            if t.is_cancelled() {
                println!("[{}ms] polite: saw the token; stopping after {} steps", start.elapsed().as_millis(), step - 1);
                return;
            }
            sleep(Duration::from_millis(10)).await;
            println!("[{}ms] polite: step {}", start.elapsed().as_millis(), step);
        }
    });
    let stubborn = tokio::spawn(async move {
        for step in 1..=5 {
            sleep(Duration::from_millis(10)).await;
            println!("[{}ms] stubborn: step {}", start.elapsed().as_millis(), step);
        }
        println!("[{}ms] stubborn: finished all 5 steps", start.elapsed().as_millis());
    });
    sleep(Duration::from_millis(25)).await;
    token.cancel();
    println!("[{}ms] main: token cancelled", start.elapsed().as_millis());
    polite.await.unwrap();
    stubborn.await.unwrap();
    println!("[{}ms] main: both joined", start.elapsed().as_millis());
}
