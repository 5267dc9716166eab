//! spawn_blocking runs a closure on a pool thread; once it has started, abort() cannot stop it.[^blocking-runs-to-end]
use tokio::sync::oneshot;
use tokio::time::Instant;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (started_tx, started_rx) = oneshot::channel();
    let handle = tokio::task::spawn_blocking(move || {
        println!("[{}ms] blocking: started; busy for 50ms of real time", start.elapsed().as_millis());
        started_tx.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        println!("[{}ms] blocking: finished anyway", start.elapsed().as_millis());
        7
    });
    started_rx.await.unwrap();
    handle.abort();
    println!("[{}ms] main: abort() while the closure runs; is_finished = {}", start.elapsed().as_millis(), handle.is_finished());
    let result = handle.await.map_err(|e| e.to_string());
    println!("[{}ms] main: handle.await -> {:?}", start.elapsed().as_millis(), result);
}
