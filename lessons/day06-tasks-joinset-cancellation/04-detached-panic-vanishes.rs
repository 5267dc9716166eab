//! A detached task panics: the panic message goes to stderr, and the program never hears of it.[^panic-vanishes]
use tokio::time::{sleep, Duration, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    tokio::spawn(async move {
        println!("[{}ms] loader: reading the config", start.elapsed().as_millis());
        sleep(Duration::from_millis(10)).await;
        let port: Option<u16> = None;
        let port = port.expect("the config has no port");
        println!("[{}ms] loader: port {} (never printed)", start.elapsed().as_millis(), port);
    });
    sleep(Duration::from_millis(20)).await;
    println!("[{}ms] main: carrying on; nothing told us the loader panicked", start.elapsed().as_millis());
    sleep(Duration::from_millis(10)).await;
    println!("[{}ms] main: end", start.elapsed().as_millis());
}
