//! A reference solution: at most `limit` connections, and a clean stop on cancel.[^-]
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::{sync::Semaphore, task::JoinSet};
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

async fn serve(listener: TcpListener, limit: usize, token: CancellationToken) {
    let permits = Arc::new(Semaphore::new(limit)); // acquired before accept[^acquire-before-accept]
    let mut set = JoinSet::new();
    // Err only if the semaphore were closed; None once the token is cancelled.[^acquire-err-closed] [^run-until-cancelled]
    while let Some(Ok(permit)) = token.run_until_cancelled(permits.clone().acquire_owned()).await {
        let Some(accepted) = token.run_until_cancelled(listener.accept()).await else { break };
        let Ok((socket, _)) = accepted else { continue };
        let token = token.clone();
        set.spawn(async move {
            let _permit = permit; // moved in: released when this task ends, however it ends[^permit-drops-with-task]
            if let Some(Err(e)) = token.run_until_cancelled(echo(socket)).await {
                println!("server: connection ended: {e}");
            }
        });
        while set.try_join_next().is_some() {} // reap finished tasks so the set does not grow[^try-join-next]
    }
    set.shutdown().await; // every connection task has ended when this returns[^joinset-shutdown]
}

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
