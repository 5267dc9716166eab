//! Nothing in the accept loop says no: every client that connects gets a task.[^-]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn echo(mut socket: TcpStream, live: Arc<AtomicUsize>) {
    let now = live.fetch_add(1, Ordering::SeqCst) + 1;
    println!("server: a new connection task; {now} being served");
    let mut buf = [0u8; 1024];
    while let Ok(n) = socket.read(&mut buf).await {
        if n == 0 || socket.write_all(&buf[..n]).await.is_err() {
            break;
        }
    }
    live.fetch_sub(1, Ordering::SeqCst);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let live = Arc::new(AtomicUsize::new(0));
    let counter = live.clone();
    tokio::spawn(async move {
        loop {
            let (socket, _) = listener.accept().await.unwrap();
            tokio::spawn(echo(socket, counter.clone())); // no question asked, no limit[^spawn-per-conn]
        }
    });
    let mut clients = Vec::new();
    for i in 1..=6 {
        let mut c = TcpStream::connect(addr).await.unwrap();
        c.write_all(b"hi").await.unwrap();
        c.read_exact(&mut [0u8; 2]).await.unwrap(); // served: its echo came back
        println!("client {i}: served and staying connected");
        clients.push(c);
    }
    println!("main: {} connections open at once", live.load(Ordering::SeqCst));
}
