//! Check, await, act: each checkout reads the free count, awaits, then writes what it read minus one.[^-]
use std::sync::{Arc, Mutex};
use tokio::task::yield_now;

async fn checkout(free: Arc<Mutex<usize>>, warmup: u32) -> bool {
    for _ in 0..warmup {
        yield_now().await;
    }
    // Check: is a connection free?[^-]
    let seen = *free.lock().unwrap();
    if seen == 0 {
        return false;
    }
    // The await in the middle: another task may check (and act) before this one resumes.[^yield-now-defers]
    yield_now().await;
    // Act on the check, which may be stale by now: a lost update.[^-]
    *free.lock().unwrap() = seen - 1;
    true
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let free = Arc::new(Mutex::new(2usize));
    let a = tokio::spawn(checkout(free.clone(), 0));
    let b = tokio::spawn(checkout(free.clone(), 3));
    let got = [a.await.unwrap(), b.await.unwrap()].iter().filter(|x| **x).count();
    println!("checked out: {}, pool says free: {}", got, *free.lock().unwrap());
}
