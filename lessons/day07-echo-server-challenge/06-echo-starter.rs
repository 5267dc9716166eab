//! The challenge starter: it echoes, but it has no connection limit and never stops.[^-]
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;

async fn echo(mut socket: TcpStream) -> std::io::Result<()> {
    let mut buf = [0u8; 1024];
    loop {
        let n = socket.read(&mut buf).await?;
        if n == 0 {
            return Ok(()); // 0 bytes: the client closed its side[^read-zero-eof]
        }
        socket.write_all(&buf[..n]).await?;
    }
}

// The checker calls serve(). TODO: serve at most `limit` connections at once, and when `token`
// is cancelled stop accepting and wait for every connection task before returning.[^-]
async fn serve(listener: TcpListener, limit: usize, token: CancellationToken) {
    let _ = (limit, token);
    loop {
        let Ok((socket, _)) = listener.accept().await else { continue };
        tokio::spawn(async move {
            if let Err(e) = echo(socket).await {
                println!("server: connection ended: {e}");
            }
        });
    }
}

// The checker replaces main with its own clients.[^-]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let token = CancellationToken::new();
    let server = tokio::spawn(serve(listener, 2, token.clone()));
    let wait = std::time::Duration::from_millis(100);
    let mut clients = Vec::new();
    for i in 1..=3 {
        let mut c = TcpStream::connect(addr).await.unwrap();
        c.write_all(format!("hello from {i}\n").as_bytes()).await.unwrap();
        let mut buf = [0u8; 64];
        match tokio::time::timeout(wait, c.read(&mut buf)).await {
            Ok(Ok(n)) => println!("client {i}: echoed {:?}", String::from_utf8_lossy(&buf[..n])),
            _ => println!("client {i}: no echo within 100ms"),
        }
        clients.push(c);
    }
    drop(clients);
    token.cancel();
    let stopped = tokio::time::timeout(wait, server).await.is_ok();
    println!("main: serve returned within 100ms of cancel: {stopped}");
}
