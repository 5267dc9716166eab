//! Awaiting a JoinHandle<i32>: the task's return value comes back wrapped in a Result.[^handle-output]
use tokio::task::JoinHandle;
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let handle: JoinHandle<i32> = tokio::spawn(async move {
        println!("[{}ms] adder: working", start.elapsed().as_millis());
        sleep(Duration::from_millis(25)).await;
        5 + 3
    });
    println!("[{}ms] main: spawned; on current_thread the adder has not run yet", start.elapsed().as_millis());
    let result = handle.await;
    println!("[{}ms] main: handle.await -> {:?}", start.elapsed().as_millis(), result);
    let value = result.unwrap();
    println!("[{}ms] main: the value is {}", start.elapsed().as_millis(), value);

    let unit: JoinHandle<()> = tokio::spawn(async move {
        println!("[{}ms] logger: nothing to return", start.elapsed().as_millis());
    });
    println!("[{}ms] main: JoinHandle<()> -> {:?}", start.elapsed().as_millis(), unit.await);
}
