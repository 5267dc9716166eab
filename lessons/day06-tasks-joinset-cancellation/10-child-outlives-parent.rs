//! A task spawned inside another task is not its child in any way Tokio tracks: it outlives it.[^no-task-tree]
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let parent = tokio::spawn(async move {
        println!("[{}ms] parent: spawning a child, then returning", start.elapsed().as_millis());
        tokio::spawn(async move {
            for tick in 1..=3 {
                sleep(Duration::from_millis(20)).await;
                println!("[{}ms] child: tick {}", start.elapsed().as_millis(), tick);
            }
            println!("[{}ms] child: done; the parent finished long ago", start.elapsed().as_millis());
        });
        "parent's result"
    });
    let result = parent.await.unwrap();
    println!("[{}ms] main: parent returned {:?}", start.elapsed().as_millis(), result);
    sleep(Duration::from_millis(100)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
