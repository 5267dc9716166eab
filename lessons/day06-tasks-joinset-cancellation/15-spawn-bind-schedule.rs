//! spawn = new cell → bind to the owned list → schedule: on current_thread, the back of the queue.[^spawn-schedules]
use tokio::task::yield_now;
use tokio::time::Instant;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    for name in ["A", "B", "C"] {
        tokio::spawn(async move {
            println!("[{}ms] {} runs", start.elapsed().as_millis(), name);
        });
        println!("[{}ms] main: spawned {}", start.elapsed().as_millis(), name);
    }
    println!("[{}ms] main: yield_now", start.elapsed().as_millis());
    yield_now().await;
    println!("[{}ms] main: back after A, B and C ran", start.elapsed().as_millis());
}
