//! multi_thread: a task spawned from a worker goes to that worker's LIFO slot; idle workers steal.[^lifo-slot]
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let root = tokio::spawn(async {
        let mut children = Vec::new();
        for i in 1..=8u64 {
            // The newest child takes the LIFO slot; the one it displaces moves to the run queue,
            // where the other worker may steal it.[^steal-half]
            children.push(tokio::spawn(async move { i * i }));
        }
        let mut sum = 0;
        for child in children {
            sum += child.await.unwrap();
        }
        sum
    });
    let sum = root.await.unwrap();
    println!("root task spawned 8 children from a worker thread");
    println!("sum of the squares 1..=8 = {}", sum);
}
