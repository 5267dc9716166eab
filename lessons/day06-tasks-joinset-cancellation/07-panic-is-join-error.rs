//! With a handle, a task's panic is not lost: it arrives as a JoinError whose is_panic() is true.[^panic-join-error]
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let handle = tokio::spawn(async move {
        println!("[{}ms] parser: starting", start.elapsed().as_millis());
        sleep(Duration::from_millis(10)).await;
        let fields: Vec<&str> = "name,age".split(',').collect();
        if fields.len() < 3 {
            panic!("expected 3 fields, found {}", fields.len());
        }
        fields.len()
    });
    match handle.await {
        Ok(n) => println!("[{}ms] main: parsed {} fields", start.elapsed().as_millis(), n),
        Err(e) => {
            println!("[{}ms] main: is_panic={} is_cancelled={}", start.elapsed().as_millis(), e.is_panic(), e.is_cancelled());
            println!("[{}ms] main: {}", start.elapsed().as_millis(), e);
        }
    }
    println!("[{}ms] main: still running after the task panicked", start.elapsed().as_millis());
}
