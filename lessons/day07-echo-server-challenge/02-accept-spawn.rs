//! The accept loop: one task per connection, so every client is served at once.[^-]
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn echo(id: u32, mut socket: TcpStream) {
    let mut buf = [0u8; 1024];
    let mut total = 0;
    loop {
        match socket.read(&mut buf).await {
            Ok(0) => break,
            Ok(n) => {
                if socket.write_all(&buf[..n]).await.is_err() {
                    break;
                }
                total += n;
            }
            Err(e) => {
                println!("conn {id}: {e}");
                break;
            }
        }
    }
    println!("conn {id}: closed after echoing {total} bytes");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        for id in 1.. {
            let (socket, _) = listener.accept().await.unwrap(); // waits for the next client[^accept-waits]
            tokio::spawn(echo(id, socket)); // the loop goes straight back to accept[^spawn-per-conn]
        }
    });
    let mut clients = Vec::new();
    for _ in 0..3 {
        clients.push(TcpStream::connect(addr).await.unwrap());
    }
    for (i, word) in [(2, "two"), (0, "one"), (1, "deux"), (2, "trois")] {
        clients[i].write_all(word.as_bytes()).await.unwrap();
        let mut back = vec![0u8; word.len()];
        clients[i].read_exact(&mut back).await.unwrap();
        println!("client {}: {:?} echoed", i + 1, String::from_utf8_lossy(&back));
    }
    for (i, c) in clients.iter_mut().enumerate() {
        c.shutdown().await.unwrap();
        let n = c.read_to_end(&mut Vec::new()).await.unwrap();
        println!("client {}: EOF after {n} more bytes", i + 1);
    }
}
