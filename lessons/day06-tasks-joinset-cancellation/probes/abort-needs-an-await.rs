//! abort() takes effect only where the task yields: a task that never awaits again still returns Ok.
use tokio::sync::oneshot;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    for awaits_after_abort in [false, true] {
        let (tx, rx) = oneshot::channel();
        let task = tokio::spawn(async move {
            let handle: tokio::task::AbortHandle = rx.await.unwrap();
            handle.abort();
            if awaits_after_abort {
                tokio::task::yield_now().await;
            }
            7
        });
        tx.send(task.abort_handle()).unwrap();
        let r = task.await.map_err(|e| e.is_cancelled());
        println!("aborted while running, awaits afterwards = {}: {:?}", awaits_after_abort, r);
    }
}
