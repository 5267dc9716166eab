//! child_token() builds a tree: cancelling a node cancels its whole subtree, never its parent.[^child-cancels-down]
use tokio::time::{sleep, Duration, Instant};
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let root = CancellationToken::new();
    let a = root.child_token();
    let b = root.child_token();
    let a1 = a.child_token();
    for (name, token) in [("root", root.clone()), ("a", a.clone()), ("b", b.clone()), ("a1", a1.clone())] {
        tokio::spawn(async move {
            token.cancelled().await;
            println!("[{}ms] waiter on {}: woken", start.elapsed().as_millis(), name);
        });
    }
    sleep(Duration::from_millis(10)).await;
    b.cancel();
    println!(
        "[{}ms] b.cancel(): root={} a={} b={} a1={}",
        start.elapsed().as_millis(),
        root.is_cancelled(),
        a.is_cancelled(),
        b.is_cancelled(),
        a1.is_cancelled()
    );
    sleep(Duration::from_millis(10)).await;
    root.cancel();
    println!(
        "[{}ms] root.cancel(): root={} a={} b={} a1={}",
        start.elapsed().as_millis(),
        root.is_cancelled(),
        a.is_cancelled(),
        b.is_cancelled(),
        a1.is_cancelled()
    );
    sleep(Duration::from_millis(1)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
