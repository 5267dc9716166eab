//! `handle.await??`: the first `?` unwraps the JoinError, the second the task's own error.[^double-question]
use std::io;
use tokio::task::JoinHandle;
use tokio::time::Instant;

async fn add_in_task(a: i32, b: i32) -> io::Result<i32> {
    let handle: JoinHandle<io::Result<i32>> = tokio::spawn(async move {
        if b < 0 {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "negative input"));
        }
        if b > 100 {
            panic!("b is far too big");
        }
        Ok(a + b)
    });
    let sum = handle.await??;
    Ok(sum)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    for (a, b) in [(5, 3), (5, -1), (5, 1000)] {
        match add_in_task(a, b).await {
            Ok(sum) => println!("[{}ms] {} + {} = {}", start.elapsed().as_millis(), a, b, sum),
            Err(e) => println!("[{}ms] {} + {} failed: {}", start.elapsed().as_millis(), a, b, e),
        }
    }
}
