//! Day 6's shutdown on a server: one token for everyone, a JoinSet that waits for every task.[^-]
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

async fn echo(id: u32, mut socket: TcpStream, token: CancellationToken) {
    let mut buf = [0u8; 1024];
    loop {
        tokio::select! {
            _ = token.cancelled() => break, // a read waiting for bytes gives way[^select-cancelled]
            r = socket.read(&mut buf) => match r {
                Ok(0) | Err(_) => break,
                Ok(n) => if socket.write_all(&buf[..n]).await.is_err() { break },
            },
        }
    }
    println!("conn {id}: task ends; its socket is dropped and closed");
}

async fn serve(listener: TcpListener, token: CancellationToken) {
    let mut set = JoinSet::new();
    let mut next = 1;
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            Ok((socket, _)) = listener.accept() => {
                set.spawn(echo(next, socket, token.clone()));
                next += 1;
            }
        }
    }
    println!("server: stopped accepting; waiting for {} connection tasks", set.len());
    while set.join_next().await.is_some() {} // every task, to the last one[^join-next-all]
    println!("server: every connection task has ended");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let token = CancellationToken::new();
    let server = tokio::spawn(serve(listener, token.clone()));
    let mut clients = Vec::new();
    for word in ["one", "two"] {
        let mut c = TcpStream::connect(addr).await.unwrap();
        c.write_all(word.as_bytes()).await.unwrap();
        c.read_exact(&mut vec![0u8; word.len()]).await.unwrap();
        clients.push(c);
    }
    println!("main: two clients connected and echoed; cancel");
    token.cancel();
    server.await.unwrap(); // serve returns only after its tasks are gone[^serve-returns-last]
    for (i, c) in clients.iter_mut().enumerate() {
        let n = c.read(&mut [0u8; 16]).await.unwrap();
        println!("client {}: read {n} bytes: the server closed the connection", i + 1);
    }
}
