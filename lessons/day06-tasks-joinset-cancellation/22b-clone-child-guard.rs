//! clone() shares one token; child_token() makes a new one below it; drop_guard() cancels on drop.[^drop-guard]
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let root = CancellationToken::new();
    let same = root.clone();
    let child = root.child_token();

    child.cancel();
    println!("child.cancel(): root={} same={} child={}", root.is_cancelled(), same.is_cancelled(), child.is_cancelled());
    same.cancel();
    println!("same.cancel():  root={} same={} child={}", root.is_cancelled(), same.is_cancelled(), child.is_cancelled());

    let token = CancellationToken::new();
    let waiter = token.clone();
    let worker = tokio::spawn(async move {
        waiter.cancelled().await;
        println!("worker: cancelled, by a guard going out of scope");
    });
    {
        let _guard = token.drop_guard();
        println!("scope: guard armed; leaving the scope drops it");
    }
    worker.await.unwrap();

    let kept = CancellationToken::new();
    let guard = kept.clone().drop_guard();
    let back = guard.disarm();
    println!("disarm(): kept={} back={}", kept.is_cancelled(), back.is_cancelled());
}
