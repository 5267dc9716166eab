//! A limit: a connection needs a permit, and its task owns that permit until it ends.[^-]
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

async fn echo(mut socket: TcpStream) {
    let mut buf = [0u8; 1024];
    while let Ok(n) = socket.read(&mut buf).await {
        if n == 0 || socket.write_all(&buf[..n]).await.is_err() {
            break;
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let permits = Arc::new(Semaphore::new(2));
    tokio::spawn(async move {
        loop {
            // acquire_owned needs an Arc: the permit keeps the semaphore alive on its own[^acquire-owned-arc]
            let permit = permits.clone().acquire_owned().await.unwrap(); // waits while 2 are out[^acquire-waits]
            let (socket, _) = listener.accept().await.unwrap();
            tokio::spawn(async move {
                echo(socket).await;
                drop(permit); // the task owns the permit: it goes back when the task ends[^permit-drops-with-task]
            });
        }
    });
    let mut clients = Vec::new();
    for (i, word) in ["one", "two", "three"].iter().enumerate() {
        let mut c = TcpStream::connect(addr).await.unwrap(); // the kernel completes it even now[^connect-before-accept]
        c.write_all(word.as_bytes()).await.unwrap();
        let mut back = vec![0u8; word.len()];
        match tokio::time::timeout(Duration::from_millis(50), c.read_exact(&mut back)).await {
            Ok(_) => println!("client {}: {:?} echoed", i + 1, String::from_utf8_lossy(&back)),
            Err(_) => println!("client {}: connected, but no echo within 50ms", i + 1),
        }
        clients.push(c);
    }
    clients[0].shutdown().await.unwrap();
    clients[0].read_to_end(&mut Vec::new()).await.unwrap();
    println!("client 1: left; its task ended and its permit went back");
    let mut back = [0u8; 5];
    clients[2].read_exact(&mut back).await.unwrap();
    println!("client 3: {:?} echoed at last", String::from_utf8_lossy(&back));
}
