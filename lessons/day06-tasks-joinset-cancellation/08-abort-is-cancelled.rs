//! abort() marks an idle task and queues it; its future is dropped when the scheduler next runs it.[^abort-idle-marks]
use tokio::time::{sleep, Duration, Instant};

/// Prints when dropped, to show the moment the task's future is destroyed.[^abort-idle-marks]
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
    let download = tokio::spawn(async move {
        let _g = Guard { name: "download task", start };
        println!("[{}ms] download: started, needs 100ms", start.elapsed().as_millis());
        sleep(Duration::from_millis(100)).await;
        println!("[{}ms] download: finished (never printed)", start.elapsed().as_millis());
        7
    });
    sleep(Duration::from_millis(30)).await;
    println!("[{}ms] main: abort()", start.elapsed().as_millis());
    download.abort();
    match download.await {
        Ok(v) => println!("[{}ms] main: got {}", start.elapsed().as_millis(), v),
        Err(e) => println!("[{}ms] main: is_cancelled={} -> {}", start.elapsed().as_millis(), e.is_cancelled(), e),
    }

    let quick = tokio::spawn(async { 7 });
    sleep(Duration::from_millis(1)).await;
    quick.abort();
    let r = quick.await.map_err(|e| e.to_string());
    println!("[{}ms] main: abort after it finished -> {:?}", start.elapsed().as_millis(), r);
}
