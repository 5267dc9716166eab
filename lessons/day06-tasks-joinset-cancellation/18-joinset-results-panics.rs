//! Each join_next() result is Ok(value) or Err(JoinError): one panicking task does not sink the rest.[^joinset-results]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut set = JoinSet::new();
    for job in 1..=4u64 {
        set.spawn(async move {
            sleep(Duration::from_millis(10 * job)).await;
            if job == 3 {
                panic!("job {} hit a bad record", job);
            }
            job * 100
        });
    }
    let mut total = 0;
    while let Some(result) = set.join_next().await {
        match result {
            Ok(value) => {
                total += value;
                println!("[{}ms] got: {}", start.elapsed().as_millis(), value);
            }
            Err(e) => println!("[{}ms] task panicked: {}", start.elapsed().as_millis(), e),
        }
    }
    println!("[{}ms] main: total of the good results = {}", start.elapsed().as_millis(), total);
}
