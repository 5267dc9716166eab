//! Dropping a JoinSet aborts every task still in it; they are torn down at the next scheduler turn.[^joinset-drop-aborts]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

/// Prints when dropped, to show the moment a task's future is destroyed.[^joinset-drop-aborts]
struct Guard {
    name: String,
    start: Instant,
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("[{}ms] drop guard: {}", self.start.elapsed().as_millis(), self.name);
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    {
        let mut set = JoinSet::new();
        for i in 1..=3u64 {
            set.spawn(async move {
                let _g = Guard { name: format!("crawler {}", i), start };
                sleep(Duration::from_millis(100 * i)).await;
                println!("[{}ms] crawler {}: finished (never printed)", start.elapsed().as_millis(), i);
            });
        }
        sleep(Duration::from_millis(50)).await;
        println!("[{}ms] main: leaving the scope with {} tasks in the set", start.elapsed().as_millis(), set.len());
    }
    println!("[{}ms] main: the set is dropped; its tasks are marked for cancellation", start.elapsed().as_millis());
    sleep(Duration::from_millis(1)).await;
    println!("[{}ms] main: every crawler was dropped before the clock moved", start.elapsed().as_millis());
}
