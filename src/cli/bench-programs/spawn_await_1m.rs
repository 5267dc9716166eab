//! Benchmark: one million trivial tasks, each spawned and awaited in turn.
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut sum: u64 = 0;
    for i in 0..1_000_000u64 {
        sum += tokio::spawn(async move { i }).await.unwrap();
    }
    println!("sum = {}", sum);
}
