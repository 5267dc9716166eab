//! Runtime shutdown cuts a detached task off mid-flight: its future is dropped, its work is lost.[^shutdown-drops-detached]
use tokio::time::{sleep, Duration, Instant};

/// Prints when dropped, to show the moment the task's future is destroyed.[^shutdown-drops-detached]
struct Guard {
    name: &'static str,
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
    tokio::spawn(async move {
        let _g = Guard { name: "upload task", start };
        for chunk in 1..=5 {
            sleep(Duration::from_millis(20)).await;
            println!("[{}ms] upload: chunk {}/5 sent", start.elapsed().as_millis(), chunk);
        }
        println!("[{}ms] upload: complete (never printed)", start.elapsed().as_millis());
    });
    sleep(Duration::from_millis(50)).await;
    println!("[{}ms] main: returning; the runtime shuts down", start.elapsed().as_millis());
}
