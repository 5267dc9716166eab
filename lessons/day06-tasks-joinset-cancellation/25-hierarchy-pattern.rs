//! The task hierarchy: an accept loop owns a JoinSet; each connection gets a child token; shutdown drains.[^hierarchy]
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};
use tokio_util::sync::CancellationToken;

async fn handle_connection(id: u32, token: CancellationToken, start: Instant) -> (u32, u32) {
    let mut served = 0;
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = sleep(Duration::from_millis(15)) => served += 1,
        }
        if id == 1 {
            println!("[{}ms] conn 1: client closed (served {})", start.elapsed().as_millis(), served);
            return (id, served);
        }
    }
    println!("[{}ms] conn {}: cancelled (served {})", start.elapsed().as_millis(), id, served);
    (id, served)
}

async fn run_server(mut accept: mpsc::Receiver<u32>, token: CancellationToken, start: Instant) {
    let mut set = JoinSet::new();
    loop {
        tokio::select! {
            biased;
            _ = token.cancelled() => break,
            Some(id) = accept.recv() => {
                println!("[{}ms] server: accepted conn {}", start.elapsed().as_millis(), id);
                set.spawn(handle_connection(id, token.child_token(), start));
            }
            Some(joined) = set.join_next() => match joined { // both arms: no JoinError goes unseen[^joinset-results]
                Ok((id, served)) => println!("[{}ms] server: conn {} finished ({} served)", start.elapsed().as_millis(), id, served),
                Err(e) => println!("[{}ms] server: a connection failed: {}", start.elapsed().as_millis(), e),
            },
        }
    }
    println!("[{}ms] server: draining {} connection tasks", start.elapsed().as_millis(), set.len());
    set.shutdown().await;
    println!("[{}ms] server: every connection task is gone", start.elapsed().as_millis());
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (start, (tx, rx)) = (Instant::now(), mpsc::channel(8));
    tokio::spawn(async move {
        for id in 1..=3 {
            sleep(Duration::from_millis(20)).await; // a new client every 20ms
            tx.send(id).await.unwrap();
        }
    });
    let token = CancellationToken::new();
    let server = tokio::spawn(run_server(rx, token.clone(), start));
    sleep(Duration::from_millis(80)).await;
    println!("[{}ms] main: shutdown requested", start.elapsed().as_millis());
    token.cancel();
    server.await.unwrap();
    println!("[{}ms] main: server stopped cleanly", start.elapsed().as_millis());
}
