//! Benchmark: one million trivial tasks spawned and awaited on a two-worker multi_thread runtime.
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut sum: u64 = 0;
    for i in 0..1_000_000u64 {
        sum += tokio::spawn(async move { i }).await.unwrap();
    }
    println!("sum = {}", sum);
}
