//! A select! branch `Some(Ok(id)) = set.join_next()` swallows a panic and then stops reaping.[^select-pattern-drops-err]
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration, Instant};

fn connections(start: Instant) -> JoinSet<u32> {
    let mut set = JoinSet::new();
    for id in 1..=3u32 {
        set.spawn(async move {
            sleep(Duration::from_millis(10 * id as u64)).await;
            if id == 2 {
                panic!("connection 2 crashed");
            }
            println!("[{}ms] conn {}: closed normally", start.elapsed().as_millis(), id);
            id
        });
    }
    set
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut set = connections(start);
    let deadline = sleep(Duration::from_millis(50));
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            // Careless: an Err does not match, so it is dropped and the branch is off until this select! ends.[^select-pattern-drops-err]
            Some(Ok(id)) = set.join_next() => println!("[{}ms] careless: reaped conn {}", start.elapsed().as_millis(), id),
            _ = &mut deadline => {
                println!("[{}ms] careless: deadline; {} still in the set, no error seen", start.elapsed().as_millis(), set.len());
                break;
            }
        }
    }

    let start = Instant::now();
    let mut set = connections(start);
    while let Some(res) = set.join_next().await {
        match res {
            Ok(id) => println!("[{}ms] careful: reaped conn {}", start.elapsed().as_millis(), id),
            Err(e) => println!("[{}ms] careful: {}", start.elapsed().as_millis(), e),
        }
    }
}
