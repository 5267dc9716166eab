//! The coop budget: a task draining an always-ready channel is made to yield after 128 receives.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    for i in 0..200 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let reader = tokio::spawn(async move {
        let mut n = 0;
        while let Some(_v) = rx.recv().await {
            n += 1;
            if n == 1 || n == 128 || n == 129 || n == 200 {
                println!("reader: message #{}", n);
            }
        }
        n
    });
    let other = tokio::spawn(async {
        println!("other: got a turn");
    });
    println!("reader got {}", reader.await.unwrap());
    other.await.unwrap();
}
