// Spawns N tasks that each sleep, holds them all alive at once, then joins them: the peak RSS
// over N is what a live task costs in real Tokio (scripts/measure-task-memory.sh).
use tokio::time::{sleep, Duration};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles = Vec::with_capacity(N_TASKS);
    for i in 0..N_TASKS as u64 {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(200)).await;
            i
        }));
    }
    tokio::task::yield_now().await;
    sleep(Duration::from_millis(100)).await;
    let mut sum = 0;
    for h in handles {
        sum += h.await.unwrap();
    }
    println!("{}", sum);
}
